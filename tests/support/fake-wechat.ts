/**
 * A local stand-in for api.weixin.qq.com: a real HTTP server on a free port that answers the calls the server makes
 * (stable_token, getwxacodeunlimit, jscode2session; subscribe messages: support/fake-wechat-subscribe.ts) the way
 * WeChat does — including its habit of answering failures with 200 and a JSON body. Tests point WECHAT_API_BASE at it.
 * Its 小程序码 is an ordinary QR code of the scene, so a test can read back what was asked for.
 *
 * Its access_token is WeChat's stable one (POST /cgi-bin/stable_token): one token per AppID, the same for every
 * caller with what it has left as expires_in; in its last five minutes a call gets the next one (the old one lives
 * on until it expires); force_refresh: true issues a new one and revokes the old at once.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import QRCode from 'qrcode'
import { STATION_PAGE_PATH } from '@/domain/stations'
import { answerSubscribeSend, type SubscribeState } from './fake-wechat-subscribe'

export const FAKE_APP_ID = 'wxfa4e0123456789ab'
export const FAKE_APP_SECRET = 'fakeSecret0123456789abcdefABCDEF'

export interface WxacodeCall {
  token: string
  scene: unknown
  page: unknown
  checkPath: unknown
  envVersion: unknown
  width: unknown
}

export interface StableTokenCall {
  /** As sent: WeChat takes a missing one as false. */
  forceRefresh: unknown
}

/**
 * What /sns/jscode2session answers for a login code the test made with `loginCode()`: an openid (once: WeChat codes are
 * single-use, a second exchange is 40163), a WeChat error, or an openid after a delay (for the client's timeout).
 */
export type LoginAnswer = { openid: string; delayMs?: number } | { errcode: number }

export interface Code2SessionCall {
  appid: string | null
  /** Whether the AppSecret sent was the right one (the value itself is never kept). */
  secretMatches: boolean
  jsCode: string | null
  grantType: string | null
}

export type { SubscribeAnswer, SubscribeSendCall } from './fake-wechat-subscribe'

export interface FakeWechat extends SubscribeState {
  /** For WECHAT_API_BASE. */
  url: string
  /** The environment a server needs to talk to this fake. */
  env: Record<string, string>
  /** Every stable_token request, refused ones included. */
  tokenCalls: StableTokenCall[]
  wxacodeCalls: WxacodeCall[]
  /** The distinct tokens issued, oldest first (a token handed out again to another caller is not issued again). */
  issued: string[]
  /** Seconds a new token lives (WeChat: 7200). */
  expiresIn: number
  /** The fake's clock in ms; tokens expire by it (42001). */
  now: number
  /** Answer every request this much later (for timeouts). */
  delayMs: number
  /** Requests answered so far (a delayed one counts when its answer is sent). */
  answered: number
  /** Pages the fake mini-program has (others: 41030). */
  pages: Set<string>
  /** The next getwxacodeunlimit calls answer with these errors, one each, instead of an image. */
  wxacodeFailures: { errcode: number; errmsg: string }[]
  /** Every jscode2session request. */
  loginCalls: Code2SessionCall[]
  /** A fresh login code (what wx.login() gives the mini-program) that makes jscode2session answer this. */
  loginCode(answer: LoginAnswer): string
  /** WeChat retires every token (a reset AppSecret): they then get 40001, and the next stable_token call a new one. */
  revokeAll(): void
  close(): Promise<void>
}

const rid = () => `rid: ${Math.random().toString(16).slice(2, 10)}-${Date.now().toString(16)}`

interface Issued {
  value: string
  expiresAt: number
  revoked: boolean
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const tokens = new Map<string, Issued>()
  /** The stable token normal mode hands out. */
  let current: Issued | undefined
  let counter = 0
  let loginCounter = 0
  const loginCodes = new Map<string, LoginAnswer>()
  const usedCodes = new Set<string>()

  const fake = {
    url: '',
    env: {} as Record<string, string>,
    tokenCalls: [] as StableTokenCall[],
    wxacodeCalls: [] as WxacodeCall[],
    issued: [] as string[],
    expiresIn: 7200,
    now: Date.now(),
    delayMs: 0,
    answered: 0,
    pages: new Set([STATION_PAGE_PATH]),
    wxacodeFailures: [] as FakeWechat['wxacodeFailures'],
    loginCalls: [] as Code2SessionCall[],
    loginCode(answer: LoginAnswer) {
      loginCounter += 1
      const code = `0a1B${loginCounter.toString(36).padStart(4, '0')}${Math.random().toString(36).slice(2, 12)}`
      loginCodes.set(code, answer)
      return code
    },
    subscribeCalls: [] as FakeWechat['subscribeCalls'],
    subscribeAnswers: [] as FakeWechat['subscribeAnswers'],
    revokeAll() {
      for (const token of tokens.values()) token.revoked = true
    },
    close: async (): Promise<void> => undefined
  }

  const json = (response: http.ServerResponse, body: object) => {
    // WeChat's errors come with 200, not a 4xx.
    response.writeHead(200, { 'content-type': 'application/json; encoding=utf-8' })
    response.end(JSON.stringify(body))
  }

  function issue(): Issued {
    counter += 1
    const token = { value: `FAKE_TOKEN_${counter}_${Math.random().toString(36).slice(2)}`, expiresAt: fake.now + fake.expiresIn * 1000, revoked: false }
    tokens.set(token.value, token)
    fake.issued.push(token.value)
    return token
  }

  function stableToken(body: string, response: http.ServerResponse) {
    let request: Record<string, unknown> | undefined
    try {
      const parsed: unknown = JSON.parse(body)
      if (parsed && typeof parsed === 'object') request = parsed as Record<string, unknown>
    } catch {
      // answered below, as WeChat does for a body that is not a JSON object
    }
    if (!request) {
      fake.tokenCalls.push({ forceRefresh: undefined })
      return json(response, { errcode: 47001, errmsg: `data format error ${rid()}` })
    }
    fake.tokenCalls.push({ forceRefresh: request.force_refresh })
    if (request.grant_type !== 'client_credential') return json(response, { errcode: 40002, errmsg: `invalid grant_type ${rid()}` })
    if (request.appid !== FAKE_APP_ID) return json(response, { errcode: 40013, errmsg: `invalid appid ${rid()}` })
    if (request.secret !== FAKE_APP_SECRET) {
      return json(response, { errcode: 40125, errmsg: `invalid appsecret, view more at http://t.cn/RAEkdVq ${rid()}` })
    }
    if (request.force_refresh === true) {
      if (current) current.revoked = true
      current = issue()
    } else if (!current || current.revoked || current.expiresAt - fake.now <= 300_000) {
      // None yet, a revoked one, or in its last five minutes: WeChat renews it (the old one still works until it expires).
      current = issue()
    }
    json(response, { access_token: current.value, expires_in: Math.floor((current.expiresAt - fake.now) / 1000) })
  }

  /** WeChat's answer to a missing, unknown, revoked or expired access_token; undefined for a good one. */
  function tokenProblem(value: string): object | undefined {
    if (!value) return { errcode: 41001, errmsg: `access_token missing ${rid()}` }
    const known = tokens.get(value)
    if (!known || known.revoked) return { errcode: 40001, errmsg: `invalid credential, access_token is invalid or not latest ${rid()}` }
    if (fake.now >= known.expiresAt) return { errcode: 42001, errmsg: `access_token expired ${rid()}` }
    return undefined
  }

  async function wxacode(url: URL, body: string, response: http.ServerResponse) {
    const value = url.searchParams.get('access_token') ?? ''
    let request: Record<string, unknown>
    try {
      request = JSON.parse(body)
    } catch {
      return json(response, { errcode: 47001, errmsg: `data format error ${rid()}` })
    }
    fake.wxacodeCalls.push({
      token: value,
      scene: request.scene,
      page: request.page,
      checkPath: request.check_path,
      envVersion: request.env_version,
      width: request.width
    })
    const problem = tokenProblem(value)
    if (problem) return json(response, problem)
    const failure = fake.wxacodeFailures.shift()
    if (failure) {
      return json(response, { errcode: failure.errcode, errmsg: `${failure.errmsg} ${rid()}` })
    }
    const scene = request.scene
    if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) {
      return json(response, { errcode: 40169, errmsg: `invalid length for scene, or the data is not json string ${rid()}` })
    }
    if (typeof request.page !== 'string' || !fake.pages.has(request.page)) return json(response, { errcode: 41030, errmsg: `invalid page ${rid()}` })
    if (!['release', 'trial', 'develop'].includes(String(request.env_version ?? 'release'))) {
      return json(response, { errcode: 40097, errmsg: `invalid args ${rid()}` })
    }
    // Unfiltered PNG rows: pngjs's adaptive filter takes half a second per image under jest.
    const options = { type: 'png', width: 430, margin: 4, errorCorrectionLevel: 'M', rendererOpts: { filterType: 0 } }
    const image = await QRCode.toBuffer(scene, options as QRCode.QRCodeToBufferOptions)
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': image.length })
    response.end(image)
  }

  /** GET /sns/jscode2session: WeChat answers 200 with JSON either way; session_key is part of a real success. */
  function code2session(url: URL, response: http.ServerResponse) {
    const call: Code2SessionCall = {
      appid: url.searchParams.get('appid'),
      secretMatches: url.searchParams.get('secret') === FAKE_APP_SECRET,
      jsCode: url.searchParams.get('js_code'),
      grantType: url.searchParams.get('grant_type')
    }
    fake.loginCalls.push(call)
    if (call.grantType !== 'authorization_code') return json(response, { errcode: 40002, errmsg: `invalid grant_type ${rid()}` })
    if (call.appid !== FAKE_APP_ID) return json(response, { errcode: 40013, errmsg: `invalid appid ${rid()}` })
    if (!call.secretMatches) return json(response, { errcode: 40125, errmsg: `invalid appsecret ${rid()}` })
    const code = call.jsCode ?? ''
    if (usedCodes.has(code)) return json(response, { errcode: 40163, errmsg: `code been used, ${rid()}` })
    const answer = loginCodes.get(code)
    if (!answer) return json(response, { errcode: 40029, errmsg: `invalid code, ${rid()}` })
    if ('errcode' in answer) {
      const errmsg = { [-1]: 'system error', 45011: 'api minute-quota reach limit  mustslower  retry next minute' }[answer.errcode] ?? 'error'
      // WeChat echoes parts of the request in some errors: the fake echoes the secret, so a leak would show.
      return json(response, { errcode: answer.errcode, errmsg: `${errmsg} (secret ${FAKE_APP_SECRET}) ${rid()}` })
    }
    const send = () => {
      usedCodes.add(code)
      json(response, { openid: answer.openid, session_key: `FAKE_SESSION_KEY_${Math.random().toString(36).slice(2)}==` })
    }
    if (answer.delayMs) setTimeout(send, answer.delayMs)
    else send()
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const answer = async () => {
        const url = new URL(request.url ?? '/', 'http://fake')
        if (request.method === 'POST' && url.pathname === '/cgi-bin/stable_token') return stableToken(Buffer.concat(chunks).toString('utf8'), response)
        if (request.method === 'GET' && url.pathname === '/sns/jscode2session') return code2session(url, response)
        if (request.method === 'POST' && url.pathname === '/wxa/getwxacodeunlimit') return wxacode(url, Buffer.concat(chunks).toString('utf8'), response)
        if (request.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
          return answerSubscribeSend(fake, url, Buffer.concat(chunks).toString('utf8'), response, { json, tokenProblem, rid })
        }
        response.writeHead(404, { 'content-type': 'text/plain' })
        response.end('not found')
      }
      const run = () =>
        answer()
          .catch((error: Error) => {
            response.writeHead(500)
            response.end(String(error))
          })
          .finally(() => {
            fake.answered += 1
          })
      if (fake.delayMs > 0) setTimeout(run, fake.delayMs)
      else void run()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  fake.url = `http://127.0.0.1:${port}`
  fake.env = { WECHAT_APPID: FAKE_APP_ID, WECHAT_APPSECRET: FAKE_APP_SECRET, WECHAT_API_BASE: fake.url }
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return fake
}
