/**
 * The notifications outbox against the fake WeChat: a message written with its change is sent once, after the
 * commit; WeChat failing is tried again and never touches the change; a refusal is given up at once; what cannot be
 * sent (no grant, no openid, no template) is skipped without calling WeChat.
 */
import type { App } from '@server/app'
import { transaction } from '@server/core/db/transaction'
import { loadConfig } from '@server/core/config'
import { OUTBOX_MAX_ATTEMPTS, drainOutbox, retryDelayMs } from '@server/core/outbox/drain'
import { enqueueMessage } from '@server/core/outbox/enqueue'
import { MAX_GRANTS_PER_TEMPLATE, grantsLeft, recordGrants } from '@server/core/outbox/grants'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import {
  CHANGE_TEMPLATE_ID,
  SIGNUP_TEMPLATE_ID,
  at,
  changeKept,
  commitChangeWithMessage,
  drainWith,
  fakeSender,
  outboxApp,
  outboxRow,
  recipientsOf,
  signupMessage
} from './support/outbox'
import { FIXED_NOW, removeTempDirs } from './support/test-app'

const KNOWN = [SIGNUP_TEMPLATE_ID, CHANGE_TEMPLATE_ID]
const OPENIDS = { 'worker-1': 'oOPENID_worker_1', 'worker-2': 'oOPENID_worker_2' }

let fake: FakeWechat
let app: App
let drain: ReturnType<typeof drainWith>

beforeEach(async () => {
  fake = await startFakeWechat()
  app = await outboxApp(fake)
  drain = drainWith(app, fake, OPENIDS)
})

afterEach(async () => {
  await app.close()
  await fake.close()
})

afterAll(removeTempDirs)

const grant = (workerId: string, accepted = [SIGNUP_TEMPLATE_ID]) => recordGrants(app.db, workerId, accepted, KNOWN, FIXED_NOW)

describe('a message written with its change', () => {
  it('is sent once after the commit, with its fields fitted to WeChat limits, using the worker’s grant', async () => {
    await grant('worker-1')
    const id = await commitChangeWithMessage(app, 'change-1', signupMessage('worker-1', '密云区职工八段锦健身大讲堂第一期课程报名开始啦'))

    expect(await drain(FIXED_NOW)).toMatchObject({ sent: 1, failed: 0, skipped: 0, retrying: 0 })
    expect(fake.subscribeCalls).toHaveLength(1)
    expect(fake.subscribeCalls[0]).toMatchObject({
      touser: 'oOPENID_worker_1',
      templateId: SIGNUP_TEMPLATE_ID,
      page: 'packages/signups/mine/index',
      miniprogramState: 'formal',
      lang: 'zh_CN',
      data: { thing1: { value: '密云区职工八段锦健身大讲堂第一期课程报…' }, phrase2: { value: '报名成功' }, time3: { value: '2026-12-05 09:30' } }
    })
    expect(await outboxRow(app, id)).toMatchObject({ status: 'sent', attempts: 1, sent_at: FIXED_NOW.toISOString(), last_error: null, locked_until: null })
    expect(await grantsLeft(app.db, 'worker-1', SIGNUP_TEMPLATE_ID)).toBe(0)

    // Drained again, later: nothing more goes out.
    expect(await drain(at(3600))).toMatchObject({ sent: 0 })
    expect(fake.subscribeCalls).toHaveLength(1)
  })

  it('is gone with a change that rolls back', async () => {
    await expect(
      transaction(app.db, async (trx) => {
        await enqueueMessage(trx, signupMessage('worker-1'), FIXED_NOW)
        throw new Error('the change failed')
      })
    ).rejects.toThrow('the change failed')
    expect(await app.db.selectFrom('outbox').selectAll().execute()).toEqual([])
  })

  it('is tried again when WeChat is busy (-1) or too slow, after a growing pause, and finally sent; the change stays', async () => {
    await grant('worker-1')
    const id = await commitChangeWithMessage(app, 'change-2', signupMessage('worker-1'))
    fake.subscribeAnswers.push({ errcode: -1, errmsg: 'system error' }, { delayMs: 1500 })

    expect(await drain(FIXED_NOW)).toMatchObject({ retrying: 1 })
    let row = await outboxRow(app, id)
    expect(row).toMatchObject({ status: 'pending', attempts: 1, locked_until: null, next_attempt_at: at(30).toISOString() })
    expect(row.last_error).toMatch(/-1.*系统繁忙/)
    // Not due yet: nobody sends it before its pause is over.
    expect(await drain(at(29))).toMatchObject({ sent: 0, retrying: 0 })

    expect(await drain(at(30))).toMatchObject({ retrying: 1 })
    row = await outboxRow(app, id)
    expect(row).toMatchObject({ status: 'pending', attempts: 2, next_attempt_at: new Date(at(30).getTime() + retryDelayMs(2)).toISOString() })
    expect(row.last_error).toMatch(/秒内没有应答/)

    expect(await drain(at(30 + retryDelayMs(2) / 1000))).toMatchObject({ sent: 1 })
    expect(await outboxRow(app, id)).toMatchObject({ status: 'sent', attempts: 3 })
    expect(fake.subscribeCalls).toHaveLength(3)
    expect(await changeKept(app, 'change-2')).toBe(true)
    // One message sent, one grant used (the failed tries used none).
    expect(await grantsLeft(app.db, 'worker-1', SIGNUP_TEMPLATE_ID)).toBe(0)
  })

  it('is given up at once when the worker has not subscribed in WeChat (43101), and the count of grants is cleared', async () => {
    await grant('worker-1')
    await grant('worker-1')
    const id = await commitChangeWithMessage(app, 'change-3', signupMessage('worker-1'))
    fake.subscribeAnswers.push({ errcode: 43101, errmsg: 'user refuse to accept the msg' })

    expect(await drain(FIXED_NOW)).toMatchObject({ failed: 1, retrying: 0 })
    const row = await outboxRow(app, id)
    expect(row).toMatchObject({ status: 'failed', attempts: 1, sent_at: null })
    expect(row.last_error).toMatch(/43101.*未订阅/)
    expect(row.last_error).not.toContain('oOPENID_worker_1')
    expect(await grantsLeft(app.db, 'worker-1', SIGNUP_TEMPLATE_ID)).toBe(0)
    expect(await drain(at(7200))).toMatchObject({ failed: 0, sent: 0 })
    expect(fake.subscribeCalls).toHaveLength(1)
    expect(await changeKept(app, 'change-3')).toBe(true)
  })

  it(`is given up after ${OUTBOX_MAX_ATTEMPTS} attempts when WeChat keeps failing`, async () => {
    await grant('worker-1')
    const id = await commitChangeWithMessage(app, 'change-4', signupMessage('worker-1'))
    fake.subscribeAnswers.push(...Array.from({ length: OUTBOX_MAX_ATTEMPTS + 2 }, () => ({ errcode: -1, errmsg: 'system error' })))
    let now = FIXED_NOW
    for (let attempt = 1; attempt <= OUTBOX_MAX_ATTEMPTS; attempt++) {
      const result = await drain(now)
      expect(result).toMatchObject(attempt < OUTBOX_MAX_ATTEMPTS ? { retrying: 1 } : { failed: 1 })
      now = new Date(now.getTime() + retryDelayMs(attempt))
    }
    const row = await outboxRow(app, id)
    expect(row).toMatchObject({ status: 'failed', attempts: OUTBOX_MAX_ATTEMPTS })
    expect(row.last_error).toMatch(new RegExp(`已尝试 ${OUTBOX_MAX_ATTEMPTS} 次，放弃.*系统繁忙`))
    expect(await drain(at(86400 * 2))).toMatchObject({ retrying: 0, failed: 0 })
    expect(fake.subscribeCalls).toHaveLength(OUTBOX_MAX_ATTEMPTS)
    expect(await changeKept(app, 'change-4')).toBe(true)
  })

  it('is sent on a fresh token when WeChat has retired the one kept (40001)', async () => {
    await grant('worker-1')
    await grant('worker-2')
    await commitChangeWithMessage(app, 'change-5', signupMessage('worker-1'))
    const sender = drainWith(app, fake, OPENIDS)
    expect(await sender(FIXED_NOW)).toMatchObject({ sent: 1 })
    fake.revokeAll()
    const id = await commitChangeWithMessage(app, 'change-6', signupMessage('worker-2'))
    expect(await sender(FIXED_NOW)).toMatchObject({ sent: 1 })
    expect(await outboxRow(app, id)).toMatchObject({ status: 'sent', attempts: 1 })
    expect(fake.issued).toHaveLength(2)
  })
})

describe('skipped without calling WeChat', () => {
  it('when the worker gave no grant for the template, or has used it', async () => {
    const id = await commitChangeWithMessage(app, 'skip-1', signupMessage('worker-1'))
    expect(await drain(FIXED_NOW)).toMatchObject({ skipped: 1 })
    expect(await outboxRow(app, id)).toMatchObject({ status: 'skipped', last_error: '该职工未订阅此消息（或订阅次数已用完）' })
    expect(fake.subscribeCalls).toHaveLength(0)
    expect(fake.tokenCalls).toHaveLength(0)
  })

  it('when the worker has no WeChat identity (a device on H5)', async () => {
    await grant('device-worker')
    const id = await commitChangeWithMessage(app, 'skip-2', signupMessage('device-worker'))
    expect(await drain(FIXED_NOW)).toMatchObject({ skipped: 1 })
    expect((await outboxRow(app, id)).last_error).toMatch(/没有微信身份/)
    expect(fake.subscribeCalls).toHaveLength(0)
  })

  it('when the template id of its kind is not configured, naming the setting', async () => {
    await grant('worker-1', [CHANGE_TEMPLATE_ID])
    const id = await commitChangeWithMessage(app, 'skip-3', { ...signupMessage('worker-1'), template: 'event-change' })
    const result = await drainOutbox({
      db: app.db,
      sender: fakeSender(fake),
      recipients: recipientsOf(OPENIDS),
      templates: loadConfig({}).wechat.templates,
      now: FIXED_NOW
    })
    expect(result).toMatchObject({ skipped: 1 })
    expect((await outboxRow(app, id)).last_error).toBe('未设置 WECHAT_TEMPLATE_EVENT_CHANGE，不发送此类消息')
    expect(fake.subscribeCalls).toHaveLength(0)
  })

  it('when the server has no WeChat credentials', async () => {
    await grant('worker-1')
    const id = await commitChangeWithMessage(app, 'skip-4', signupMessage('worker-1'))
    expect(await drainWith(app, fake, OPENIDS, { withoutWechat: true })(FIXED_NOW)).toMatchObject({ skipped: 1 })
    expect((await outboxRow(app, id)).last_error).toMatch(/WECHAT_APPID/)
  })
})

describe('grants', () => {
  it('count each accepted known template once per call, ignore unknown ones, and stop at the cap', async () => {
    expect(await recordGrants(app.db, 'worker-1', [SIGNUP_TEMPLATE_ID, SIGNUP_TEMPLATE_ID, 'TPL_unknown_000000'], KNOWN, FIXED_NOW)).toEqual([
      SIGNUP_TEMPLATE_ID
    ])
    expect(await grantsLeft(app.db, 'worker-1', SIGNUP_TEMPLATE_ID)).toBe(1)
    expect(await grantsLeft(app.db, 'worker-1', 'TPL_unknown_000000')).toBe(0)
    for (let i = 0; i < MAX_GRANTS_PER_TEMPLATE + 5; i++) await grant('worker-1')
    expect(await grantsLeft(app.db, 'worker-1', SIGNUP_TEMPLATE_ID)).toBe(MAX_GRANTS_PER_TEMPLATE)
  })
})
