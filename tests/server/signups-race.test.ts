/**
 * The rush: 200 workers sign up at once for 50 places. Exactly 50 get 报名成功 and 150 候补, the queue numbers are
 * 1..200 without a gap or a repeat, and the waitlist positions 1..150 follow the queue — on SQLite and PostgreSQL.
 * And a submit sent 5 times at once (a flaky network) makes one sign-up.
 */
import type { App } from '@server/app'
import { testDatabases, useTestDatabase } from './support/databases'
import { staffSession } from './support/staff'
import { createActivity, newIdempotencyKey, signUp, signupBody } from './support/signups'
import { buildTestApp, makeTempDir, removeTempDirs } from './support/test-app'
import { signInWorker, type TestWorker } from './support/workers'

jest.setTimeout(120_000)

for (const database of testDatabases('signups_race')) {
  describe(`the sign-up rush (${database.name})`, () => {
    const db = useTestDatabase(database.setUp)
    let app: App

    beforeAll(async () => {
      app = buildTestApp({ dataDir: makeTempDir('miyun-signups-race-'), env: db.env })
      await app.ready()
    })

    afterAll(async () => {
      await app?.close()
      removeTempDirs()
    })

    it('200 concurrent sign-ups for 50 places: exactly 50 confirmed, 150 waitlisted in queue order', async () => {
      const editor = await staffSession(app, ['editor'])
      const activity = await createActivity(app, editor, { capacity: 50 })
      const event = { type: 'activity' as const, id: activity.id }
      const workers: TestWorker[] = []
      for (let i = 0; i < 200; i++) workers.push(await signInWorker(app))

      const started = Date.now()
      const answers = await Promise.all(workers.map((worker) => signUp(app, worker, signupBody(event))))
      const elapsed = Date.now() - started
      expect(answers.map((answer) => answer.status)).toEqual(workers.map(() => 201))
      const states = answers.map((answer) => answer.body.signup.state)
      expect(states.filter((state) => state === 'confirmed')).toHaveLength(50)
      expect(states.filter((state) => state === 'waitlisted')).toHaveLength(150)

      const rows = await app.db.selectFrom('signups').select(['seq', 'state']).where('event_id', '=', activity.id).orderBy('seq').execute()
      expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
      // First come, first served: the first 50 in the queue hold the places.
      expect(rows.slice(0, 50).every((row) => row.state === 'confirmed')).toBe(true)
      expect(rows.slice(50).every((row) => row.state === 'waitlisted')).toBe(true)

      const handler = await staffSession(app, ['handler'])
      const list = (await app.inject({ method: 'GET', url: `/api/staff/events/activity/${activity.id}/signups`, headers: handler.headers })).json()
      expect(list.counts).toMatchObject({ confirmed: 50, waitlisted: 150 })
      expect(list.availability).toMatchObject({ taken: 50, waitlisted: 150, remaining: 0 })
      const waitlist = list.signups.filter((signup: { state: string }) => signup.state === 'waitlisted')
      expect(waitlist.map((signup: { waitlistPosition: number }) => signup.waitlistPosition)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1))
      expect(waitlist.map((signup: { seq: number }) => signup.seq)).toEqual(Array.from({ length: 150 }, (_, i) => i + 51))
      // What each worker was told matches the queue: its position among the waitlisted.
      const told = answers.filter((answer) => answer.body.signup.state === 'waitlisted').map((answer) => answer.body.signup.waitlistPosition)
      expect(new Set(told).size).toBe(150)
      console.log(`${database.name}: 200 concurrent sign-ups in ${elapsed} ms`)
    })

    it('the same submit sent 5 times at once makes one sign-up, and every answer names it', async () => {
      const editor = await staffSession(app, ['editor'])
      const activity = await createActivity(app, editor, { capacity: 5 })
      const worker = await signInWorker(app)
      const body = signupBody({ type: 'activity', id: activity.id }, { idempotencyKey: newIdempotencyKey() })
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => signUp(app, worker, body)))
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201])
      expect(new Set(answers.map((answer) => answer.body.signup.id)).size).toBe(1)
      const rows = await app.db.selectFrom('signups').select('id').where('event_id', '=', activity.id).execute()
      expect(rows).toHaveLength(1)
      const counters = await app.db.selectFrom('signup_events').selectAll().where('event_id', '=', activity.id).executeTakeFirstOrThrow()
      expect(counters).toMatchObject({ taken: 1, waitlisted: 0, next_seq: 2 })
    })
  })
}
