/**
 * First sign-ins that race (a double tap, two tabs on one device): every one succeeds and they all end on ONE worker,
 * on SQLite and on PostgreSQL (the lookup hash is unique; the loser's insert gives way). The sealed fields a
 * PostgreSQL instance writes open on another instance sharing DATA_KEY.
 */
import type { App } from '@server/app'
import { testDatabases, useTestDatabase } from './support/databases'
import { buildTestApp, makeTempDir, removeTempDirs } from './support/test-app'
import { newDeviceSecret } from './support/workers'

afterAll(removeTempDirs)

describe.each(testDatabases('miyun_workers_race'))('worker sign-in races on $name', ({ setUp }) => {
  const database = useTestDatabase(setUp)
  let app: App
  beforeAll(async () => {
    app = buildTestApp({ dataDir: makeTempDir('miyun-workers-race-'), env: database.env })
    await app.ready()
  })
  afterAll(() => app?.close())

  it('makes one worker of 20 simultaneous first sign-ins with one device secret, each with its own session', async () => {
    const deviceSecret = newDeviceSecret()
    const responses = await Promise.all(Array.from({ length: 20 }, () => app.inject({ method: 'POST', url: '/api/me/session', payload: { deviceSecret } })))
    expect(responses.map((response) => response.statusCode)).toEqual(Array(20).fill(200))
    expect(new Set(responses.map((response) => response.json().token)).size).toBe(20)
    const workers = await app.db.selectFrom('workers').select('id').execute()
    expect(workers).toHaveLength(1)
    const sessions = await app.db.selectFrom('worker_sessions').select('worker_id').execute()
    expect(sessions.map((session) => session.worker_id)).toEqual(Array(20).fill(workers[0].id))
  })

  it('opens on a second instance what the first sealed, when they share the key', async () => {
    const sealed = app.fieldCipher.seal('13812341234')
    const second = buildTestApp({ dataDir: makeTempDir('miyun-workers-race-'), env: database.env })
    try {
      await second.ready()
      if (database.env.DATABASE_URL) expect(second.fieldCipher.open(sealed)).toBe('13812341234')
      else expect(() => second.fieldCipher.open(sealed)).toThrow() // another DATA_DIR, another key file
    } finally {
      await second.close()
    }
  })
})
