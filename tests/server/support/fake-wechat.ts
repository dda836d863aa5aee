/**
 * A local stand-in for api.weixin.qq.com: a real HTTP server on a free port that answers the two calls the server
 * makes the way WeChat does — including its habit of answering failures with 200 and a JSON body. Tests point
 * WECHAT_API_BASE at it. Its 小程序码 is an ordinary QR code of the scene, so a test can read back what was asked for.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import QRCode from 'qrcode'
import { STATION_PAGE_PATH } from '../../../src/domain/stations'

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

export interface FakeWechat {
  /** For WECHAT_API_BASE. */
  url: string
  /** The environment a server needs to talk to this fake. */
  env: Record<string, string>
  tokenRequests: number
  wxacodeCalls: WxacodeCall[]
  /** The tokens handed out, oldest first. */
  issued: string[]
  /** Seconds a new token lives (WeChat: 7200). */
  expiresIn: number
  /** The fake's clock in ms; tokens expire by it (42001). */
  now: number
  /** Answer every request this much later (for timeouts). */
  delayMs: number
  /** Pages the fake mini-program has (others: 41030). */
  pages: Set<string>
  /** The next getwxacodeunlimit calls answer with these errors, one each, instead of an image. */
  wxacodeFailures: { errcode: number; errmsg: string }[]
  /** WeChat retires tokens (a new one fetched elsewhere, a secret reset): they then get 40001. */
  revokeAll(): void
  close(): Promise<void>
}

const rid = () => `rid: ${Math.random().toString(16).slice(2, 10)}-${Date.now().toString(16)}`

export async function startFakeWechat(): Promise<FakeWechat> {
  const tokens = new Map<string, { expiresAt: number; revoked: boolean }>()
  let counter = 0

  const fake = {
    url: '',
    env: {} as Record<string, string>,
    tokenRequests: 0,
    wxacodeCalls: [] as WxacodeCall[],
    issued: [] as string[],
    expiresIn: 7200,
    now: Date.now(),
    delayMs: 0,
    pages: new Set([STATION_PAGE_PATH]),
    wxacodeFailures: [] as FakeWechat['wxacodeFailures'],
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

  function token(url: URL, response: http.ServerResponse) {
    fake.tokenRequests += 1
    if (url.searchParams.get('grant_type') !== 'client_credential') return json(response, { errcode: 40002, errmsg: `invalid grant_type ${rid()}` })
    if (url.searchParams.get('appid') !== FAKE_APP_ID) return json(response, { errcode: 40013, errmsg: `invalid appid ${rid()}` })
    if (url.searchParams.get('secret') !== FAKE_APP_SECRET) {
      return json(response, { errcode: 40125, errmsg: `invalid appsecret, view more at http://t.cn/RAEkdVq ${rid()}` })
    }
    counter += 1
    const value = `FAKE_TOKEN_${counter}_${Math.random().toString(36).slice(2)}`
    tokens.set(value, { expiresAt: fake.now + fake.expiresIn * 1000, revoked: false })
    fake.issued.push(value)
    json(response, { access_token: value, expires_in: fake.expiresIn })
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
    if (!value) return json(response, { errcode: 41001, errmsg: `access_token missing ${rid()}` })
    const known = tokens.get(value)
    if (!known || known.revoked) {
      return json(response, { errcode: 40001, errmsg: `invalid credential, access_token is invalid or not latest ${rid()}` })
    }
    if (fake.now >= known.expiresAt) return json(response, { errcode: 42001, errmsg: `access_token expired ${rid()}` })
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

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const answer = async () => {
        const url = new URL(request.url ?? '/', 'http://fake')
        if (request.method === 'GET' && url.pathname === '/cgi-bin/token') return token(url, response)
        if (request.method === 'POST' && url.pathname === '/wxa/getwxacodeunlimit') return wxacode(url, Buffer.concat(chunks).toString('utf8'), response)
        response.writeHead(404, { 'content-type': 'text/plain' })
        response.end('not found')
      }
      const run = () =>
        answer().catch((error: Error) => {
          response.writeHead(500)
          response.end(String(error))
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
