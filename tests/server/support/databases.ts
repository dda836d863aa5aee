/**
 * The databases a suite runs on: SQLite always, and the local PostgreSQL (a database created for the suite and
 * dropped after it) when it answers. Under CI a missing PostgreSQL is a failure, not a skip.
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { Client } from 'pg'

function withUser(connectionString: string): string {
  const url = new URL(connectionString)
  if (!url.username) url.username = process.env.PGUSER ?? os.userInfo().username
  return url.toString()
}

/** The field cipher's key the PostgreSQL test apps share (config refuses DATABASE_URL without DATA_KEY). */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64')

export const PG_ADMIN_URL = withUser(process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test')

/** Jest defines tests synchronously, so reachability is checked with a short child process first. */
function postgresReachable(): boolean {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const { Client } = require('pg'); const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 }); c.connect().then(() => c.end()).catch(() => process.exit(1))`,
      PG_ADMIN_URL
    ],
    { encoding: 'utf8', timeout: 10000 }
  )
  return probe.status === 0
}

async function pgAdmin(query: string): Promise<void> {
  const client = new Client({ connectionString: PG_ADMIN_URL })
  await client.connect()
  try {
    await client.query(query)
  } finally {
    await client.end()
  }
}

export interface TestDatabase {
  name: string
  /** Extra environment for buildTestApp, and what to undo afterwards. */
  setUp(): Promise<{ env: Record<string, string>; tearDown: () => Promise<void> }>
}

/** Call at the top level of a test file (it may declare the CI failure test). `prefix` names the PostgreSQL database. */
export function testDatabases(prefix: string): TestDatabase[] {
  const databases: TestDatabase[] = [{ name: 'SQLite', setUp: async () => ({ env: {}, tearDown: async () => undefined }) }]
  if (postgresReachable()) {
    databases.push({
      name: 'PostgreSQL',
      async setUp() {
        const database = `${prefix}_${process.pid}_${Date.now().toString(36)}`
        const url = new URL(PG_ADMIN_URL)
        url.pathname = `/${database}`
        await pgAdmin(`create database ${database}`)
        return { env: { DATABASE_URL: url.toString(), DATA_KEY: TEST_DATA_KEY }, tearDown: () => pgAdmin(`drop database if exists ${database} with (force)`) }
      }
    })
  } else if (process.env.CI) {
    it('needs PostgreSQL under CI', () => {
      throw new Error(`PostgreSQL 不可用（${PG_ADMIN_URL}），CI 必须运行 PostgreSQL 测试。`)
    })
  }
  return databases
}

/**
 * For a suite that starts its own apps on the database: sets it up before the suite's tests and drops it after them.
 * `env` (read inside a test) is what buildTestApp and loadConfig need to reach it.
 */
export function useTestDatabase(setUp: TestDatabase['setUp']): { readonly env: Record<string, string> } {
  const state: { env: Record<string, string>; tearDown?: () => Promise<void> } = { env: {} }
  beforeAll(async () => {
    const database = await setUp()
    state.env = database.env
    state.tearDown = database.tearDown
  })
  afterAll(async () => {
    await state.tearDown?.()
  })
  return state
}
