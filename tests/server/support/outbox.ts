/**
 * For the outbox's tests: an app on the fake WeChat whose own drainer is off (the tests drain by hand, moving the
 * clock), a WeChat client with a short deadline, a change committed together with its message, and the rows.
 */
import type { App } from '@server/app'
import { transaction } from '@server/core/db/transaction'
import { enqueueMessage, type OutboxMessage } from '@server/core/outbox/enqueue'
import { drainOutbox, type OutboxRecipients, type OutboxSender } from '@server/core/outbox/drain'
import { createWechatClient } from '@server/core/wechat'
import { FAKE_APP_ID, FAKE_APP_SECRET, type FakeWechat } from '../../support/fake-wechat'
import { FIXED_NOW, buildTestApp, makeTempDir } from './test-app'

export const SIGNUP_TEMPLATE_ID = 'TPL_signup_result_0001'
export const CHANGE_TEMPLATE_ID = 'TPL_event_change_0002'

/** The environment of an app that sends through the fake with both templates configured and no drainer of its own. */
export function outboxEnv(fake: FakeWechat, extra: Record<string, string> = {}): Record<string, string> {
  return { ...fake.env, OUTBOX_INTERVAL: '0', WECHAT_TEMPLATE_SIGNUP_RESULT: SIGNUP_TEMPLATE_ID, WECHAT_TEMPLATE_EVENT_CHANGE: CHANGE_TEMPLATE_ID, ...extra }
}

export async function outboxApp(fake: FakeWechat, options: { env?: Record<string, string>; dataDir?: string } = {}): Promise<App> {
  const app = buildTestApp({ env: outboxEnv(fake, options.env), ...(options.dataDir ? { dataDir: options.dataDir } : {}) })
  await app.ready()
  return app
}

/** The fake's client with a deadline short enough for a test (the fake's slow answer outlasts it). */
export function fakeSender(fake: FakeWechat, timeoutMs = 300): OutboxSender {
  return createWechatClient({
    credentials: { appId: FAKE_APP_ID, appSecret: FAKE_APP_SECRET },
    apiBase: fake.url,
    envVersion: 'release',
    cacheDir: makeTempDir('miyun-outbox-wechat-'),
    timeoutMs
  })
}

/** Workers and their openids as the workers slice would answer; anyone else has none (a device identity). */
export function recipientsOf(openids: Record<string, string>): OutboxRecipients {
  return { openidOf: async (workerId) => openids[workerId] ?? null }
}

export const at = (secondsAfterFixedNow: number) => new Date(FIXED_NOW.getTime() + secondsAfterFixedNow * 1000)

export const signupMessage = (recipient: string, title = '八段锦健身大讲堂'): OutboxMessage => ({
  recipient,
  template: 'signup-result',
  page: 'packages/signups/mine/index',
  data: { thing1: title, phrase2: '报名成功', time3: '2026-12-05T01:30:00Z' }
})

/** A change (a meta row standing for a sign-up's new status) and its message, in one transaction. */
export async function commitChangeWithMessage(app: App, key: string, message: OutboxMessage, now = FIXED_NOW): Promise<string> {
  return transaction(app.db, async (trx) => {
    await trx.insertInto('meta').values({ key, value: 'changed' }).execute()
    return enqueueMessage(trx, message, now)
  })
}

export async function changeKept(app: App, key: string): Promise<boolean> {
  return (await app.db.selectFrom('meta').select('key').where('key', '=', key).executeTakeFirst()) !== undefined
}

export async function outboxRow(app: App, id: string) {
  return app.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

/** A drain at a given instant; `withoutWechat`: as on a server without WECHAT_APPID/WECHAT_APPSECRET. */
export function drainWith(
  app: App,
  fake: FakeWechat,
  openids: Record<string, string>,
  { withoutWechat = false, batch }: { withoutWechat?: boolean; batch?: number } = {}
) {
  const sender = withoutWechat ? undefined : fakeSender(fake)
  return (now: Date) =>
    drainOutbox({
      db: app.db,
      sender,
      recipients: recipientsOf(openids),
      templates: { 'signup-result': SIGNUP_TEMPLATE_ID, 'event-change': CHANGE_TEMPLATE_ID },
      now,
      batch
    })
}
