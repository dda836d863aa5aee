/**
 * The guard that counts a caller's scans of one station once within 10 minutes: bounded memory, callers let go when
 * their window is over, no address kept (a salted hash) and none written to the log.
 */
import { writeAppShell } from './support/app-shell'
import { createScanGuard } from '@server/stations/routes'
import { seedStations } from '@server/stations/seed-data'
import { logCollector } from './support/log'
import { FIXED_NOW, buildTestApp, makeTempDir, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

describe('the scan guard', () => {
  const at = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000)

  it('keeps at most its limit of callers, forgetting the oldest first', () => {
    const guard = createScanGuard({ maxKeys: 3 })
    const keys = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'].map((ip) => guard.keyOf(ip, 'K7M2QX', 'wechat'))
    for (const key of keys) expect(guard.admit(key, at(0))).toBe(true)
    expect(guard.size).toBe(3)
    // The first was dropped to make room for the fourth: its next scan counts; the others are still repeats.
    expect(guard.admit(keys[0], at(1))).toBe(true)
    expect(guard.admit(keys[2], at(1))).toBe(false)
    expect(guard.admit(keys[3], at(1))).toBe(false)
    expect(guard.size).toBe(3)
  })

  it('lets go of callers once their 10 minutes are over', () => {
    const guard = createScanGuard()
    for (let index = 0; index < 50; index++) guard.admit(guard.keyOf(`203.0.113.${index}`, 'K7M2QX', 'browser'), at(0))
    expect(guard.size).toBe(50)
    guard.admit(guard.keyOf('198.51.100.1', 'K7M2QX', 'browser'), at(10))
    expect(guard.size).toBe(1)
  })

  it('keeps no address: a salted hash, different in every process', () => {
    const [first, second] = [createScanGuard(), createScanGuard()]
    const key = first.keyOf('203.0.113.9', 'K7M2QX', 'wechat')
    expect(key).not.toContain('203')
    expect(key).toBe(first.keyOf('203.0.113.9', 'K7M2QX', 'wechat'))
    expect(second.keyOf('203.0.113.9', 'K7M2QX', 'wechat')).not.toBe(key)
    expect(first.keyOf('203.0.113.9', 'K7M2QX', 'browser')).not.toBe(key)
  })

  it('never writes the caller’s address to the log', async () => {
    const log = logCollector()
    const app = buildTestApp({ dataDir: makeTempDir('miyun-stations-log-'), h5Dir: writeAppShell(), env: { LOG_LEVEL: 'trace' }, logStream: log.stream })
    try {
      await app.ready()
      // The collector hears the app's log (the routes below may write nothing at all: that is fine too).
      app.log.info('log collector listening')
      const remoteAddress = '203.0.113.77'
      for (let attempt = 0; attempt < 2; attempt++) {
        expect(
          (await app.inject({ method: 'POST', url: `/api/stations/${seedStations[0].code}/scans`, payload: { channel: 'wxacode' }, remoteAddress })).statusCode
        ).toBe(204)
        expect((await app.inject({ method: 'GET', url: `/s/${seedStations[0].code}`, remoteAddress })).statusCode).toBe(200)
      }
      expect(log.lines.length).toBeGreaterThan(0)
      expect(log.text()).not.toContain(remoteAddress)
    } finally {
      await app.close()
    }
  })
})
