/**
 * The WeChat API adapter the server uses: the access_token, 小程序码 for station codes, 小程序登录 (code2session) and
 * subscribe messages. Only built when
 * WECHAT_APPID and WECHAT_APPSECRET are set (app.wechat is undefined otherwise). Tests run it against a local fake
 * WeChat (tests/support/fake-wechat.ts) through WECHAT_API_BASE; nothing here knows about the fake.
 *
 * A station's 小程序码 never changes (its code never does), so each one is fetched once per mini-program and
 * env_version and kept under DATA_DIR/wechat/wxacode/: printing 200 posters again costs no WeChat call.
 */
import fs from 'node:fs'
import path from 'node:path'
import { isStationCode, STATION_PAGE_PATH } from '@/domain'
import type { WechatConfig, WechatEnvVersion } from '../config'
import { createAccessTokens, type AccessTokens } from './access-token'
import { code2session, type WechatLogin } from './code2session'
import { DEFAULT_WECHAT_TIMEOUT_MS } from './http'
import { sendSubscribeMessage, type SubscribeMessage, type SubscribeOutcome } from './subscribe-message'
import { fetchWxacode, imageFormat, type WxacodeImage } from './wxacode'

export { WechatError, type WechatErrorCode } from './errors'
export type { WxacodeImage } from './wxacode'
export type { WechatLogin } from './code2session'
export type { SubscribeMessage, SubscribeOutcome } from './subscribe-message'

export interface WechatClient {
  envVersion: WechatEnvVersion
  accessTokens: AccessTokens
  /** The 小程序码 that opens STATION_PAGE_PATH with scene = the station code. */
  stationWxacode(code: string): Promise<WxacodeImage>
  /** 小程序登录: the code from wx.login() → the openid (server/core/wechat/code2session.ts). */
  login(code: string): Promise<WechatLogin>
  /** One subscribe message: sent, refused for good (43101 …), or to be tried again later. Never throws a WechatError. */
  sendSubscribeMessage(message: SubscribeMessage): Promise<SubscribeOutcome>
}

export interface WechatClientOptions {
  credentials: NonNullable<WechatConfig['credentials']>
  apiBase: string
  envVersion: WechatEnvVersion
  /** Where fetched 小程序码 are kept (DATA_DIR/wechat). */
  cacheDir: string
  timeoutMs?: number
  clock?: () => number
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set only when WECHAT_APPID and WECHAT_APPSECRET are configured. */
    wechat?: WechatClient
  }
}

export function createWechatClient(options: WechatClientOptions): WechatClient {
  const { credentials, apiBase, envVersion, timeoutMs = DEFAULT_WECHAT_TIMEOUT_MS } = options
  const accessTokens = createAccessTokens({ ...credentials, apiBase, timeoutMs, clock: options.clock })
  const folder = path.join(options.cacheDir, 'wxacode', credentials.appId, envVersion)
  const kept = new Map<string, Promise<WxacodeImage>>()

  async function load(code: string): Promise<WxacodeImage> {
    const onDisk = readKept(folder, code)
    if (onDisk) return onDisk
    const image = await fetchWxacode(
      { scene: code, page: STATION_PAGE_PATH },
      { tokens: accessTokens, apiBase, envVersion, timeoutMs, appSecret: credentials.appSecret }
    )
    try {
      keep(folder, code, image)
    } catch {
      // A read-only DATA_DIR costs WeChat calls after a restart, not the poster: the image is still kept in memory.
    }
    return image
  }

  return {
    envVersion,
    accessTokens,
    login: (code) => code2session(code, { ...credentials, apiBase, timeoutMs }),
    sendSubscribeMessage: (message) =>
      sendSubscribeMessage(message, { tokens: accessTokens, apiBase, envVersion, timeoutMs, appSecret: credentials.appSecret }),
    stationWxacode(code) {
      // The code becomes a file name: only the station code alphabet gets this far.
      if (!isStationCode(code)) return Promise.reject(new Error(`not a station code: ${String(code).slice(0, 40)}`))
      let image = kept.get(code)
      if (!image) {
        image = load(code)
        kept.set(code, image)
        // A failure is not kept: the next poster asks WeChat again.
        image.catch(() => kept.delete(code))
      }
      return image
    }
  }
}

function readKept(folder: string, code: string): WxacodeImage | undefined {
  for (const extension of ['png', 'jpg']) {
    try {
      const data = fs.readFileSync(path.join(folder, `${code}.${extension}`))
      const format = imageFormat(data)
      if (format) return { data, format }
    } catch {
      // not kept yet
    }
  }
  return undefined
}

/** Written under a temporary name and renamed, so a crash never leaves half an image that later reads as kept. */
function keep(folder: string, code: string, image: WxacodeImage): void {
  fs.mkdirSync(folder, { recursive: true })
  const file = path.join(folder, `${code}.${image.format === 'png' ? 'png' : 'jpg'}`)
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
  fs.writeFileSync(temporary, image.data)
  fs.renameSync(temporary, file)
}
