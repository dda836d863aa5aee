/**
 * WeChat sign-in (POST /api/me/session { wechatCode }) against the fake WeChat: the code is exchanged at
 * /sns/jscode2session for the openid, which is kept sealed (with its lookup hash) and never logged; WeChat's refusals
 * become our answers (400 / 429 / 503) without the URL, the AppSecret or the code in any body or log line.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { App } from '@server/app'
import { FAKE_APP_SECRET, startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { logCollector } from './support/log'
import { buildTestApp } from './support/test-app'
import { newDeviceSecret, signInWorker } from './support/workers'

const OPENID = 'oFAKE_openid_4bX9_zz1Q2w3e4r5t6y7'

let fake: FakeWechat
let app: App
const log = logCollector()

beforeAll(async () => {
  fake = await startFakeWechat()
  app = buildTestApp({ env: { ...fake.env, LOG_LEVEL: 'info' }, logStream: log.stream, wechatTimeoutMs: 300 })
  await app.ready()
})
afterAll(async () => {
  await app.close()
  await fake.close()
})

const signIn = (wechatCode: string) => app.inject({ method: 'POST', url: '/api/me/session', payload: { wechatCode } })

/** Nothing secret or personal in anything the server said or logged. */
function expectNothingLeaked(said: string, ...values: string[]) {
  for (const value of [FAKE_APP_SECRET, 'jscode2session', 'js_code', ...values]) {
    expect(said).not.toContain(value)
    expect(log.text()).not.toContain(value)
  }
}

describe('WeChat sign-in', () => {
  it('exchanges the code for the openid, keeps it sealed, and finds the same worker on the next login', async () => {
    const code = fake.loginCode({ openid: OPENID })
    const response = await signIn(code)
    expect(response.statusCode).toBe(200)
    expect(response.json().worker).toMatchObject({ kind: 'wechat', consent: null, prefill: null })
    expect(fake.loginCalls.at(-1)).toEqual({ appid: fake.env.WECHAT_APPID, secretMatches: true, jsCode: code, grantType: 'authorization_code' })

    const rows = await app.db.selectFrom('workers').selectAll().where('kind', '=', 'wechat').execute()
    expect(rows).toHaveLength(1)
    expect(rows[0].openid).toMatch(/^v1\./)
    expect(JSON.stringify(rows)).not.toContain(OPENID)
    expect(JSON.stringify(rows)).not.toContain('FAKE_SESSION_KEY')
    expect(await app.repositories.workers.openidOf(rows[0].id)).toBe(OPENID)

    const again = await signIn(fake.loginCode({ openid: OPENID }))
    expect(again.statusCode).toBe(200)
    const session = await app.db.selectFrom('worker_sessions').select('worker_id').where('worker_id', '=', rows[0].id).execute()
    expect(session).toHaveLength(2)
    const another = await signIn(fake.loginCode({ openid: 'oFAKE_someone_else_000000000001' }))
    expect(another.statusCode).toBe(200)
    expect(await app.db.selectFrom('workers').select('id').where('kind', '=', 'wechat').execute()).toHaveLength(2)
    expectNothingLeaked(response.body + again.body, OPENID, code)
  })

  it('has no openid for a device identity, and logs nothing of its secret or token', async () => {
    const deviceSecret = newDeviceSecret()
    const worker = await signInWorker(app, { deviceSecret })
    expect(await app.repositories.workers.openidOf(worker.workerId)).toBeNull()
    expectNothingLeaked('', deviceSecret, worker.token)
  })

  it('answers 400 WECHAT_CODE_INVALID for an invalid code (40029) and a used one (40163)', async () => {
    const used = fake.loginCode({ openid: OPENID })
    expect((await signIn(used)).statusCode).toBe(200)
    for (const code of ['0a1Bnever-issued', used]) {
      const response = await signIn(code)
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toEqual({ code: 'WECHAT_CODE_INVALID', message: '微信登录凭证无效或已使用，请重新进入小程序后再试', field: 'wechatCode' })
      expectNothingLeaked(response.body, code)
    }
  })

  it('answers 429 WECHAT_RATE_LIMITED with Retry-After when WeChat says 45011', async () => {
    const response = await signIn(fake.loginCode({ errcode: 45011 }))
    expect(response.statusCode).toBe(429)
    expect(response.headers['retry-after']).toBe('60')
    expect(response.json().error.code).toBe('WECHAT_RATE_LIMITED')
    expectNothingLeaked(response.body)
  })

  it('answers 503 WECHAT_BUSY when WeChat is busy (-1)', async () => {
    const response = await signIn(fake.loginCode({ errcode: -1 }))
    expect(response.statusCode).toBe(503)
    expect(response.json().error).toEqual({ code: 'WECHAT_BUSY', message: '微信系统繁忙，请稍后重试' })
    expectNothingLeaked(response.body)
  })

  it('answers 503 WECHAT_UNREACHABLE when WeChat does not answer in time, and makes no worker', async () => {
    const before = await app.db.selectFrom('workers').select('id').execute()
    const code = fake.loginCode({ openid: 'oFAKE_slow_0000000000000000000', delayMs: 1000 })
    const response = await signIn(code)
    expect(response.statusCode).toBe(503)
    expect(response.json().error).toEqual({ code: 'WECHAT_UNREACHABLE', message: '暂时无法连接微信，请稍后重试' })
    expect(await app.db.selectFrom('workers').select('id').execute()).toHaveLength(before.length)
    expectNothingLeaked(response.body, code)
  })

  it('logs a WeChat refusal the operator must fix (wrong AppSecret) without the secret, and answers 503 WECHAT_FAILED', async () => {
    const other = buildTestApp({
      env: { ...fake.env, WECHAT_APPSECRET: 'wrongSecret0123456789abcdefABCDE', LOG_LEVEL: 'info' },
      logStream: log.stream
    })
    try {
      const response = await other.inject({ method: 'POST', url: '/api/me/session', payload: { wechatCode: fake.loginCode({ openid: OPENID }) } })
      expect(response.statusCode).toBe(503)
      expect(response.json().error).toEqual({ code: 'WECHAT_FAILED', message: '微信登录暂不可用，请稍后重试或使用网页版报名' })
      expect(log.lines.some((line) => line.errcode === 40125 && line.msg.includes('AppSecret 无效'))).toBe(true)
      expectNothingLeaked(response.body, 'wrongSecret0123456789abcdefABCDE')
    } finally {
      await other.close()
    }
  })
})

describe('WeChat sign-in elsewhere', () => {
  it('answers 503 WECHAT_NOT_CONFIGURED without WECHAT_* (the H5 path still works)', async () => {
    const bare = buildTestApp()
    try {
      const response = await bare.inject({ method: 'POST', url: '/api/me/session', payload: { wechatCode: '0a1Banything' } })
      expect(response.statusCode).toBe(503)
      expect(response.json().error).toEqual({ code: 'WECHAT_NOT_CONFIGURED', message: '微信登录未配置，请使用网页版报名' })
      expect((await signInWorker(bare)).token).toMatch(/^w_/)
    } finally {
      await bare.close()
    }
  })

  it('answers 503 WECHAT_UNREACHABLE when nothing listens at WECHAT_API_BASE', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const lonely = buildTestApp({ env: { ...fake.env, WECHAT_API_BASE: `http://127.0.0.1:${port}`, LOG_LEVEL: 'info' }, logStream: log.stream })
    try {
      const response = await lonely.inject({ method: 'POST', url: '/api/me/session', payload: { wechatCode: '0a1Bunreachable' } })
      expect(response.statusCode).toBe(503)
      expect(response.json().error.code).toBe('WECHAT_UNREACHABLE')
      expectNothingLeaked(response.body, '0a1Bunreachable')
    } finally {
      await lonely.close()
    }
  })
})
