/**
 * Worker identity on the H5 path (docs/workers-api.md): a device secret signs in, finds the same worker again, and the
 * worker's session lives 90 days from its last use. Consent to the privacy notice by version, the kept form answers
 * (sealed, deletable), logout, and the wall between worker and staff tokens.
 */
import { CONSENT_REQUIRED_MESSAGE, PRIVACY_NOTICE_VERSION, WORKER_SESSION_IDLE_DAYS } from '@/domain'
import type { App } from '@server/app'
import { hasCurrentConsent, requireCurrentConsent, savePrefill } from '@server/workers'
import { tokenHash } from '@server/core/auth/tokens'
import { staffSession } from './support/staff'
import { FIXED_NOW, buildTestApp } from './support/test-app'
import { newDeviceSecret, signInWorker } from './support/workers'

const DAY = 86_400_000
let clock = FIXED_NOW
let app: App

beforeAll(async () => {
  app = buildTestApp({ now: () => clock })
  await app.ready()
})
afterAll(() => app.close())
beforeEach(() => {
  clock = FIXED_NOW
})

const signIn = (payload: unknown) => app.inject({ method: 'POST', url: '/api/me/session', payload: payload as object })
const me = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/me', headers })

describe('device sign-in', () => {
  it('answers a w_ token, its end 90 days on, and a worker who has agreed to nothing yet', async () => {
    const response = await signIn({ deviceSecret: newDeviceSecret() })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    const body = response.json()
    expect(body.token).toMatch(/^w_[A-Za-z0-9_-]{43}$/)
    expect(body.expiresAt).toBe(new Date(FIXED_NOW.getTime() + WORKER_SESSION_IDLE_DAYS * DAY).toISOString())
    expect(body.worker).toEqual({ kind: 'device', consent: null, noticeVersion: PRIVACY_NOTICE_VERSION, prefill: null })
    const mine = await me({ authorization: `Bearer ${body.token}` })
    expect(mine.statusCode).toBe(200)
    expect(mine.headers['cache-control']).toBe('no-store')
    expect(mine.json()).toEqual(body.worker)
  })

  it('finds the same worker again by the same secret, another worker by another, and stores no secret', async () => {
    const deviceSecret = newDeviceSecret()
    const first = await signInWorker(app, { deviceSecret })
    const again = await signInWorker(app, { deviceSecret, consent: false })
    const other = await signInWorker(app)
    expect(again.workerId).toBe(first.workerId)
    expect(again.token).not.toBe(first.token)
    expect(other.workerId).not.toBe(first.workerId)
    const rows = await app.db.selectFrom('workers').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(deviceSecret)
    const sessions = await app.db.selectFrom('worker_sessions').selectAll().execute()
    expect(JSON.stringify(sessions)).not.toContain(first.token.slice(2))
  })

  it.each([
    ['neither', {}, 'wechatCode', '请提供 wechatCode（微信登录凭证）或 deviceSecret（设备标识）中的一个'],
    ['both', { deviceSecret: newDeviceSecret(), wechatCode: 'abc' }, 'deviceSecret', '中的一个'],
    ['a short secret', { deviceSecret: 'short' }, 'deviceSecret', '参数 deviceSecret 无效：应为 43 到 64 位 base64url 字符'],
    ['a secret with +', { deviceSecret: `${newDeviceSecret()}+` }, 'deviceSecret', '标识的是这台设备，不是某个人'],
    ['a long secret', { deviceSecret: 'x'.repeat(65) }, 'deviceSecret', '43 到 64 位'],
    ['an empty code', { wechatCode: '' }, 'wechatCode', '参数 wechatCode 无效'],
    ['a personal field', { deviceSecret: newDeviceSecret(), name: '张三' }, 'name', '未知参数：name']
  ])('refuses %s with a 400 naming the field', async (_case, payload, field, message) => {
    const response = await signIn(payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.field).toBe(field)
    expect(response.json().error.message).toContain(message)
  })
})

describe('worker sessions', () => {
  it('move their end forward on each use, and end 90 days after the last', async () => {
    const deviceSecret = newDeviceSecret()
    const worker = await signInWorker(app, { deviceSecret })
    clock = new Date(FIXED_NOW.getTime() + 80 * DAY)
    expect((await me(worker.headers)).statusCode).toBe(200)
    clock = new Date(FIXED_NOW.getTime() + 160 * DAY)
    expect((await me(worker.headers)).statusCode).toBe(200)
    clock = new Date(FIXED_NOW.getTime() + 250 * DAY)
    const ended = await me(worker.headers)
    expect(ended.statusCode).toBe(401)
    expect(ended.json().error).toEqual({ code: 'WORKER_SESSION_ENDED', message: '登录已过期，请重新进入' })
    // The worker is still there: signing in again on the same device finds them, agreement and all.
    const again = await signInWorker(app, { deviceSecret, consent: false })
    expect(again.workerId).toBe(worker.workerId)
    expect((await me(again.headers)).json().consent.version).toBe(PRIVACY_NOTICE_VERSION)
  })

  it('writes a new end at most once a day: uses within the day leave it, the next day moves it', async () => {
    const worker = await signInWorker(app)
    const hash = tokenHash(worker.token)
    const stored = async () =>
      (await app.db.selectFrom('worker_sessions').select('expires_at').where('token_hash', '=', hash).executeTakeFirstOrThrow()).expires_at
    const first = await stored()
    clock = new Date(FIXED_NOW.getTime() + 20 * 3_600_000)
    expect((await me(worker.headers)).statusCode).toBe(200)
    expect(await stored()).toBe(first)
    clock = new Date(FIXED_NOW.getTime() + 25 * 3_600_000)
    expect((await me(worker.headers)).statusCode).toBe(200)
    expect(await stored()).toBe(new Date(clock.getTime() + WORKER_SESSION_IDLE_DAYS * DAY).toISOString())
  })

  it('answers 401 WORKER_UNAUTHENTICATED without a token and WORKER_SESSION_ENDED for an unknown one', async () => {
    const none = await me({})
    expect(none.statusCode).toBe(401)
    expect(none.json().error).toEqual({ code: 'WORKER_UNAUTHENTICATED', message: '请先登录' })
    const unknown = await me({ authorization: `Bearer w_${'A'.repeat(43)}` })
    expect(unknown.statusCode).toBe(401)
    expect(unknown.json().error.code).toBe('WORKER_SESSION_ENDED')
  })

  it('ends at once on logout', async () => {
    const worker = await signInWorker(app)
    const out = await app.inject({ method: 'DELETE', url: '/api/me/session', headers: worker.headers })
    expect(out.statusCode).toBe(204)
    expect((await me(worker.headers)).json().error.code).toBe('WORKER_SESSION_ENDED')
  })

  it('keeps worker and staff tokens apart: neither passes the other side', async () => {
    const worker = await signInWorker(app)
    const staffRoute = await app.inject({ method: 'GET', url: '/api/staff/me', headers: worker.headers })
    expect(staffRoute.statusCode).toBe(401)
    expect(staffRoute.json().error.code).toBe('SESSION_ENDED')
    const staffer = await staffSession(app, ['admin'])
    const meRoute = await me(staffer.headers)
    expect(meRoute.statusCode).toBe(401)
    expect(meRoute.json().error.code).toBe('WORKER_SESSION_ENDED')
    // Even a staff token that happens to look like a worker's is looked up among worker sessions only.
    const disguised = await me({ authorization: `Bearer w_${staffer.token}` })
    expect(disguised.json().error.code).toBe('WORKER_SESSION_ENDED')
  })
})

describe('consent to the privacy notice', () => {
  it('records the current version and its time; hasCurrentConsent follows it', async () => {
    const worker = await signInWorker(app, { consent: false })
    expect(await hasCurrentConsent(app.db, worker.workerId)).toBe(false)
    await expect(requireCurrentConsent(app.db, worker.workerId)).rejects.toMatchObject({
      statusCode: 403,
      code: 'CONSENT_REQUIRED',
      message: CONSENT_REQUIRED_MESSAGE
    })
    const agreed = await app.inject({ method: 'PUT', url: '/api/me/consent', headers: worker.headers, payload: { version: PRIVACY_NOTICE_VERSION } })
    expect(agreed.statusCode).toBe(200)
    expect(agreed.json().consent).toEqual({ version: PRIVACY_NOTICE_VERSION, agreedAt: FIXED_NOW.toISOString() })
    expect(await hasCurrentConsent(app.db, worker.workerId)).toBe(true)
    await expect(requireCurrentConsent(app.db, worker.workerId)).resolves.toBeUndefined()
  })

  it('refuses another version with 409 NOTICE_CHANGED and the current one', async () => {
    const worker = await signInWorker(app, { consent: false })
    for (const version of [PRIVACY_NOTICE_VERSION + 1, 99]) {
      const refused = await app.inject({ method: 'PUT', url: '/api/me/consent', headers: worker.headers, payload: { version } })
      expect(refused.statusCode).toBe(409)
      expect(refused.json().error).toEqual({
        code: 'NOTICE_CHANGED',
        message: '《报名个人信息处理说明》已更新，请阅读新版本后再同意',
        noticeVersion: PRIVACY_NOTICE_VERSION
      })
    }
    expect(await hasCurrentConsent(app.db, worker.workerId)).toBe(false)
    const bad = await app.inject({ method: 'PUT', url: '/api/me/consent', headers: worker.headers, payload: { version: 'latest' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.field).toBe('version')
  })

  it('asks again when the stored agreement is to an older notice', async () => {
    const worker = await signInWorker(app)
    await app.db
      .updateTable('workers')
      .set({ consent_version: PRIVACY_NOTICE_VERSION - 1 })
      .where('id', '=', worker.workerId)
      .execute()
    expect(await hasCurrentConsent(app.db, worker.workerId)).toBe(false)
    expect((await me(worker.headers)).json().consent.version).toBe(PRIVACY_NOTICE_VERSION - 1)
  })
})

describe('kept form answers', () => {
  const prefill = { name: '王小明', phone: '13812341234', employer: '密云区某建筑公司', trade: '电工', years: 6 }

  it('are stored sealed, shown to their worker only, and deleted on request', async () => {
    const worker = await signInWorker(app)
    const other = await signInWorker(app)
    await savePrefill(app.db, app.fieldCipher, worker.workerId, { ...prefill, extra: 'dropped' } as typeof prefill)
    const row = await app.db.selectFrom('workers').select('prefill').where('id', '=', worker.workerId).executeTakeFirstOrThrow()
    expect(row.prefill).toMatch(/^v1\./)
    for (const value of ['王小明', '13812341234', '密云区某建筑公司', '电工']) expect(row.prefill).not.toContain(value)
    expect((await me(worker.headers)).json().prefill).toEqual(prefill)
    expect((await me(other.headers)).json().prefill).toBeNull()

    const deleted = await app.inject({ method: 'DELETE', url: '/api/me/prefill', headers: worker.headers })
    expect(deleted.statusCode).toBe(204)
    expect((await me(worker.headers)).json().prefill).toBeNull()
    const after = await app.db.selectFrom('workers').select('prefill').where('id', '=', worker.workerId).executeTakeFirstOrThrow()
    expect(after.prefill).toBeNull()
  })

  it('cannot be deleted without a worker session', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/api/me/prefill' })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('WORKER_UNAUTHENTICATED')
  })
})
