/**
 * One request to WeChat with a deadline. fetch's own errors name the URL, which carries an access_token in its query:
 * they are replaced by messages that do not.
 */
import { WechatError } from './errors'

export const DEFAULT_WECHAT_TIMEOUT_MS = 5000

export async function wechatRequest(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    throw requestFailure(error, url, timeoutMs)
  }
}

/** The body, under the same kind of deadline (the headers may come quickly and the image slowly). */
export async function readBody(response: Response, url: string, timeoutMs: number): Promise<Buffer> {
  try {
    return Buffer.from(await response.arrayBuffer())
  } catch (error) {
    throw requestFailure(error, url, timeoutMs)
  }
}

function requestFailure(error: unknown, url: string, timeoutMs: number): WechatError {
  const name = (error as { name?: string } | undefined)?.name
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new WechatError('timeout', `微信接口 ${timeoutMs / 1000} 秒内没有应答，请稍后重试`)
  }
  return new WechatError('network', `无法连接微信接口（${new URL(url).host}），请检查服务器的网络`)
}

/** WeChat answers errors as JSON `{ errcode, errmsg }`, sometimes with a text/plain content type. */
export function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'))
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
