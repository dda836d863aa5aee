/**
 * The same core checks on PostgreSQL: DATABASE_URL is all it takes to switch.
 * Uses the local server (TEST_DATABASE_URL, default postgres://127.0.0.1:5432/test) to create a database of its own
 * for this run, and drops it afterwards. Without a reachable PostgreSQL the suite is skipped with a note — except
 * under CI, where a missing database is a failure, not a silent pass.
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { Client } from 'pg'
import type { App } from '@server/app'
import { seedContent } from '@server/seed-content'
import { coreEndpointChecks } from './support/core-checks'
import { TEST_DATA_KEY } from './support/databases'
import { WARN_LEVEL, logCollector } from './support/log'
import { buildTestApp, getJson, makeTempDir, removeTempDirs } from './support/test-app'

/** With trust auth the URL may name no user; like psql, connect as the OS user then (pg alone would send none). */
function withUser(connectionString: string): string {
  const url = new URL(connectionString)
  if (!url.username) url.username = process.env.PGUSER ?? os.userInfo().username
  return url.toString()
}

const ADMIN_URL = withUser(process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test')

/** Jest defines tests synchronously, so reachability is checked with a short child process before any describe. */
function postgresReachable(): { ok: true } | { ok: false; reason: string } {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const { Client } = require('pg'); const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 }); c.connect().then(() => c.end()).catch((e) => { console.error(e.message); process.exit(1) })`,
      ADMIN_URL
    ],
    { encoding: 'utf8', timeout: 10000 }
  )
  return probe.status === 0 ? { ok: true } : { ok: false, reason: (probe.stderr || probe.error?.message || 'no answer').trim() }
}

const reachability = postgresReachable()

if (!reachability.ok) {
  if (process.env.CI) {
    it('needs PostgreSQL under CI', () => {
      throw new Error(`PostgreSQL 不可用（${ADMIN_URL}）：${reachability.reason}。CI 必须运行 PostgreSQL 测试。`)
    })
  } else {
    console.warn(`跳过 PostgreSQL 测试：${ADMIN_URL} 无法连接（${reachability.reason}）。设置 TEST_DATABASE_URL 指向可用的 PostgreSQL 即可运行。`)
    it.skip('content API on PostgreSQL (no PostgreSQL reachable)', () => undefined)
  }
} else {
  describe('content API on PostgreSQL', () => {
    const database = `miyun_test_${process.pid}_${Date.now().toString(36)}`
    const databaseUrl = (() => {
      const url = new URL(ADMIN_URL)
      url.pathname = `/${database}`
      return url.toString()
    })()
    const dataDir = makeTempDir('miyun-pg-')
    let app: App
    const log = logCollector()

    async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
      const client = new Client({ connectionString: ADMIN_URL })
      await client.connect()
      try {
        return await work(client)
      } finally {
        await client.end()
      }
    }

    beforeAll(async () => {
      await admin((client) => client.query(`create database ${database}`))
      app = buildTestApp({ dataDir, env: { DATABASE_URL: databaseUrl, DATA_KEY: TEST_DATA_KEY, LOG_LEVEL: 'warn' }, logStream: log.stream })
      await app.ready()
    })

    afterAll(async () => {
      await app?.close()
      await admin((client) => client.query(`drop database if exists ${database} with (force)`))
      removeTempDirs()
    })

    coreEndpointChecks(() => app)

    it('starts again on the same database without seeding twice', async () => {
      const again = buildTestApp({ dataDir, env: { DATABASE_URL: databaseUrl, DATA_KEY: TEST_DATA_KEY } })
      try {
        const { body } = await getJson(again, '/api/news')
        expect(body.total).toBe(seedContent.news.length)
      } finally {
        await again.close()
      }
    })

    it('keeps running when the database drops its connections (a restart or failover)', async () => {
      expect((await getJson(app, '/api/health')).status).toBe(200)
      const dropped = (line: { level: number; msg: string }) => line.level === WARN_LEVEL && line.msg === '数据库连接中断，已丢弃该连接'
      const droppedBefore = log.lines.filter(dropped).length
      const { rowCount } = await admin((client) =>
        client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database])
      )
      expect(rowCount).toBeGreaterThan(0)
      // Every broken idle connection is reported and discarded (one warning each); the next request gets a new one.
      await log.logged(dropped, droppedBefore + rowCount!)
      expect((await getJson(app, '/api/health')).status).toBe(200)
      expect((await getJson(app, '/api/news')).status).toBe(200)
    })

    it('shows a change made in the database on the next request, with a new ETag', async () => {
      const before = await getJson(app, '/api/plan')
      await app.db
        .updateTable('documents')
        .set({ body: JSON.stringify({ ...seedContent.plan, title: '新标题' }) })
        .where('key', '=', 'plan')
        .execute()
      const after = await getJson(app, '/api/plan', { 'if-none-match': before.response.headers.etag as string })
      expect(after.status).toBe(200)
      expect(after.body.title).toBe('新标题')
      expect(after.response.headers.etag).not.toBe(before.response.headers.etag)
    })
  })
}
