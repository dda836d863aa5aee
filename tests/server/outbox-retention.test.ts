/**
 * Retention (server/core/retention.ts): the outbox rule deletes only messages done with for more than 30 days;
 * `npm run retention`, run as a child process on a server's data folder, runs every rule and prints what it deleted.
 * Also the settings the outbox and retention read, and the app's own drainer.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import type { App } from '@server/app'
import { ConfigError, REPO_ROOT, loadConfig } from '@server/core/config'
import { enqueueMessage } from '@server/core/outbox/enqueue'
import { OUTBOX_RETENTION_DAYS, outboxRetentionRule, runRetention } from '@server/core/retention'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { outboxApp, signupMessage } from './support/outbox'
import { FIXED_NOW, buildTestApp, makeTempDir, removeTempDirs } from './support/test-app'

const DAY = 24 * 60 * 60 * 1000
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx')

let fake: FakeWechat
beforeAll(async () => {
  fake = await startFakeWechat()
})
afterAll(async () => {
  await fake.close()
  removeTempDirs()
})

/** A message created `daysAgo` before `now`, left in `status`. */
async function messageAged(app: App, daysAgo: number, status: 'pending' | 'sent' | 'failed' | 'skipped', now: Date): Promise<string> {
  const id = await enqueueMessage(app.db, signupMessage('worker-1'), new Date(now.getTime() - daysAgo * DAY))
  await app.db.updateTable('outbox').set({ status }).where('id', '=', id).execute()
  return id
}

const remainingIds = async (app: App) => (await app.db.selectFrom('outbox').select('id').orderBy('id').execute()).map((row) => row.id)

describe('the outbox retention rule', () => {
  it(`deletes sent, failed and skipped messages older than ${OUTBOX_RETENTION_DAYS} days, and nothing else`, async () => {
    const app = await outboxApp(fake)
    try {
      const old = await Promise.all((['sent', 'failed', 'skipped'] as const).map((status) => messageAged(app, OUTBOX_RETENTION_DAYS + 1, status, FIXED_NOW)))
      const kept = [
        await messageAged(app, OUTBOX_RETENTION_DAYS + 1, 'pending', FIXED_NOW),
        await messageAged(app, OUTBOX_RETENTION_DAYS - 1, 'sent', FIXED_NOW),
        await messageAged(app, 0, 'failed', FIXED_NOW)
      ]
      expect(await runRetention(app.db, [outboxRetentionRule], FIXED_NOW)).toEqual([{ name: outboxRetentionRule.name, deleted: old.length }])
      expect(await remainingIds(app)).toEqual([...kept].sort())
      // Run again: nothing more is due.
      expect(await outboxRetentionRule.run(app.db, FIXED_NOW)).toBe(0)
    } finally {
      await app.close()
    }
  })
})

describe('npm run retention', () => {
  it('runs every rule on the server’s database and prints what each deleted', async () => {
    const dataDir = makeTempDir('miyun-retention-')
    const now = new Date()
    let app = buildTestApp({ dataDir, env: { OUTBOX_INTERVAL: '0' } })
    await app.ready()
    const recent = await messageAged(app, 2, 'sent', now)
    await messageAged(app, 40, 'sent', now)
    await messageAged(app, 90, 'skipped', now)
    await app.close()

    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      // Only what the script reads: a developer's DATABASE_URL must not leak in.
      const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir }
      const child = spawn(TSX, [path.join(REPO_ROOT, 'scripts', 'retention.ts')], { cwd: REPO_ROOT, env: childEnv as NodeJS.ProcessEnv })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, stdout, stderr }))
    })
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(run.stdout).toContain(`${outboxRetentionRule.name}：删除 2 条`)
    expect(run.stdout).toContain('共删除 2 条。')

    app = buildTestApp({ dataDir, env: { OUTBOX_INTERVAL: '0' } })
    await app.ready()
    expect(await remainingIds(app)).toEqual([recent])
    await app.close()
  }, 60_000)
})

describe('settings', () => {
  it('SIGNUP_RETENTION_DAYS: 365 by default, 30 to 3650 days, anything else refused naming it', () => {
    expect(loadConfig({}).signupRetentionDays).toBe(365)
    expect(loadConfig({ SIGNUP_RETENTION_DAYS: '30' }).signupRetentionDays).toBe(30)
    expect(loadConfig({ SIGNUP_RETENTION_DAYS: '3650' }).signupRetentionDays).toBe(3650)
    for (const bad of ['29', '3651', '1e3', '-5', 'a year']) {
      expect(() => loadConfig({ SIGNUP_RETENTION_DAYS: bad })).toThrow(ConfigError)
      expect(() => loadConfig({ SIGNUP_RETENTION_DAYS: bad })).toThrow(/SIGNUP_RETENTION_DAYS.*30 到 3650/)
    }
  })

  it('OUTBOX_INTERVAL: 5 seconds by default, 0 turns this instance’s drainer off', () => {
    expect(loadConfig({}).outboxIntervalSeconds).toBe(5)
    expect(loadConfig({ OUTBOX_INTERVAL: '0' }).outboxIntervalSeconds).toBe(0)
    expect(() => loadConfig({ OUTBOX_INTERVAL: '3601' })).toThrow(/OUTBOX_INTERVAL/)
  })

  it('WECHAT_TEMPLATE_*: optional template ids, a malformed one refused naming the setting', () => {
    expect(loadConfig({}).wechat.templates).toEqual({})
    expect(loadConfig({ WECHAT_TEMPLATE_SIGNUP_RESULT: 'aBc-123_xyzXYZ0987' }).wechat.templates).toEqual({ 'signup-result': 'aBc-123_xyzXYZ0987' })
    expect(() => loadConfig({ WECHAT_TEMPLATE_EVENT_CHANGE: '模板 1' })).toThrow(/WECHAT_TEMPLATE_EVENT_CHANGE/)
  })
})

describe('the app’s own drainer', () => {
  it('drains while the app runs (every OUTBOX_INTERVAL seconds)', async () => {
    const app = await outboxApp(fake, { env: { OUTBOX_INTERVAL: '1' } })
    const id = await enqueueMessage(app.db, signupMessage('worker-1'), FIXED_NOW)
    const deadline = Date.now() + 10_000
    let row = await app.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    while (row.status === 'pending' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      row = await app.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    }
    // Until the workers slice hands in its recipients, no worker has an openid: recorded, never sent.
    expect(row).toMatchObject({ status: 'skipped', attempts: 1 })
    expect(row.last_error).toMatch(/没有微信身份/)
    expect(fake.subscribeCalls).toHaveLength(0)
    await app.close()
  }, 20_000)
})
