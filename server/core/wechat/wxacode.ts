/**
 * 小程序码 (POST /wxa/getwxacodeunlimit): the round code that opens a page of the mini-program with a `scene`. WeChat
 * answers 200 either way — an image on success, JSON `{ errcode, errmsg }` on failure — so the content type decides.
 */
import type { WechatEnvVersion } from '../config'
import { STALE_TOKEN_ERRCODES, WechatError, errorFromWechat } from './errors'
import { parseJson, readBody, wechatRequest } from './http'
import type { AccessTokens } from './access-token'

export interface WxacodeImage {
  data: Buffer
  /** What pdfkit can embed: WeChat sends JPEG or PNG. */
  format: 'png' | 'jpeg'
}

export interface WxacodeRequest {
  /** ≤ 32 characters from [0-9A-Za-z!#$&'()*+,/:;=?@._~-]; the page reads it from its `scene` option. */
  scene: string
  /** A page path without a leading slash, e.g. packages/stations/station/index. */
  page: string
}

export interface WxacodeFetchOptions {
  tokens: AccessTokens
  apiBase: string
  envVersion: WechatEnvVersion
  timeoutMs: number
  /** Scrubbed from any message. */
  appSecret: string
}

/** The image's own first bytes, whatever the content type claims. */
export function imageFormat(data: Buffer): WxacodeImage['format'] | undefined {
  if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg'
  return undefined
}

/** One 小程序码 straight from WeChat, with one retry on a fresh token when WeChat says the token is stale. */
export async function fetchWxacode(request: WxacodeRequest, options: WxacodeFetchOptions): Promise<WxacodeImage> {
  const token = await options.tokens.get()
  try {
    return await fetchWithToken(request, token, options)
  } catch (error) {
    if (!(error instanceof WechatError) || !STALE_TOKEN_ERRCODES.has(error.errcode)) throw error
    options.tokens.invalidate(token)
    return fetchWithToken(request, await options.tokens.get(), options)
  }
}

async function fetchWithToken(request: WxacodeRequest, token: string, options: WxacodeFetchOptions): Promise<WxacodeImage> {
  const url = `${options.apiBase}/wxa/getwxacodeunlimit?${new URLSearchParams({ access_token: token })}`
  const body = JSON.stringify({ scene: request.scene, page: request.page, check_path: false, env_version: options.envVersion, width: 430 })
  const response = await wechatRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }, options.timeoutMs)
  const data = await readBody(response, url, options.timeoutMs)
  const contentType = response.headers.get('content-type') ?? ''
  if (response.ok && contentType.startsWith('image/')) {
    const format = imageFormat(data)
    if (format) return { data, format }
  }
  const answer = parseJson(data)
  if (answer && typeof answer.errcode === 'number' && answer.errcode !== 0) {
    throw errorFromWechat(answer.errcode, answer.errmsg, [options.appSecret, token])
  }
  throw new WechatError('bad-response', `微信接口返回了无法识别的小程序码应答（HTTP ${response.status}，${contentType || '无内容类型'}）`)
}
