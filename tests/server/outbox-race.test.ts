/**
 * Several API instances drain one outbox: two apps on one database (the same SQLite file; one PostgreSQL database)
 * draining at the same time, in small batches, send each message exactly once.
 */
import type { App } from '@server/app'
import { takesRowLocks } from '@server/core/db/transaction'
import { recordGrants } from '@server/core/outbox/grants'
import { testDatabases, useTestDatabase } from './support/databases'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { SIGNUP_TEMPLATE_ID, commitChangeWithMessage, drainWith, outboxApp, signupMessage } from './support/outbox'
import { FIXED_NOW, makeTempDir, removeTempDirs } from './support/test-app'

const WORKERS = 40

afterAll(removeTempDirs)

describe.each(testDatabases('outbox_race'))('two drainers on one database ($name)', ({ name, setUp }) => {
  const database = useTestDatabase(setUp)
  let fake: FakeWechat
  const apps: App[] = []

  beforeAll(async () => {
    fake = await startFakeWechat()
  })

  afterAll(async () => {
    for (const app of apps.splice(0)) await app.close()
    await fake.close()
  })

  it('never send one message twice', async () => {
    const dataDir = makeTempDir('miyun-outbox-race-')
    // One after the other: the second finds the tables the first made.
    for (let i = 0; i < 2; i++) apps.push(await outboxApp(fake, { env: database.env, dataDir }))
    const [first, second] = apps
    const openids: Record<string, string> = {}
    for (let i = 0; i < WORKERS; i++) {
      const worker = `worker-${i}`
      openids[worker] = `oOPENID_${i}`
      await recordGrants(first.db, worker, [SIGNUP_TEMPLATE_ID], [SIGNUP_TEMPLATE_ID], FIXED_NOW)
      await commitChangeWithMessage(first, `race-${i}`, signupMessage(worker))
    }
    // WeChat takes a moment for each send, so both drainers have sends in flight at once.
    fake.subscribeAnswers.push(...Array.from({ length: WORKERS }, () => ({ delayMs: 20 })))

    const drainers = [first, second].map((app) => drainWith(app, fake, openids, { batch: 3 }))
    const sentBy = [0, 0]
    await Promise.all(
      drainers.map(async (drain, which) => {
        // Small batches, many rounds: the two keep meeting over the same due rows.
        for (let round = 0; round < WORKERS; round++) {
          const { sent } = await drain(FIXED_NOW)
          sentBy[which] += sent
        }
      })
    )

    const touched = fake.subscribeCalls.map((call) => call.touser)
    expect(touched).toHaveLength(WORKERS)
    expect(new Set(touched).size).toBe(WORKERS)
    expect(sentBy[0] + sentBy[1]).toBe(WORKERS)
    // Both took part: the test is about two drainers, not one that got everything first.
    expect(Math.min(...sentBy)).toBeGreaterThan(0)
    const rows = await second.db.selectFrom('outbox').select(['status', 'attempts']).execute()
    expect(rows).toHaveLength(WORKERS)
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true)
  })

  // Row locks exist on PostgreSQL only (SQLite has one writer at a time): FOR UPDATE SKIP LOCKED.
  const onPostgres = name === 'PostgreSQL' ? it : it.skip
  onPostgres('a drainer does not wait for a row another holds: it takes the others', async () => {
    const [first, second] = apps
    expect(takesRowLocks(first.db)).toBe(true)
    await first.db.deleteFrom('outbox').execute()
    const held = await commitChangeWithMessage(first, 'held', signupMessage('worker-0'))
    const free = await commitChangeWithMessage(first, 'free', signupMessage('worker-1'))
    await recordGrants(first.db, 'worker-1', [SIGNUP_TEMPLATE_ID], [SIGNUP_TEMPLATE_ID], FIXED_NOW)
    const drain = drainWith(second, fake, { 'worker-0': 'oOPENID_0', 'worker-1': 'oOPENID_1' })
    await first.db.transaction().execute(async (trx) => {
      await trx.selectFrom('outbox').select('id').where('id', '=', held).forUpdate().execute()
      const waited = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3000).unref())
      expect(await Promise.race([drain(FIXED_NOW), waited])).toMatchObject({ sent: 1 })
    })
    const statuses = await second.db.selectFrom('outbox').select(['id', 'status']).orderBy('id').execute()
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({ [held]: 'pending', [free]: 'sent' })
  })
})
