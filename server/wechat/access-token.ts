/**
 * The mini-program's access_token (GET /cgi-bin/token). WeChat limits how often a token may be fetched and each new
 * one retires the last, so it is kept until five minutes before it expires, and callers that need one at the same
 * time share one fetch.
 */
import { WechatError, errorFromWechat } from './errors'
import { parseJson, readBody, wechatRequest } from './http'

export interface AccessTokenOptions {
  appId: string
  appSecret: string
  /** No trailing slash. */
  apiBase: string
  timeoutMs: number
  /** Milliseconds since the epoch; tests move it. */
  clock?: () => number
}

export interface AccessTokens {
  get(): Promise<string>
  /** WeChat refused this token (40001/42001/40014): the next get() fetches a new one, unless one already replaced it. */
  invalidate(token: string): void
}

/** Refresh this long before WeChat's expiry, so a token is never used in its last minutes. */
const REFRESH_MARGIN_SECONDS = 300

export function createAccessTokens({ appId, appSecret, apiBase, timeoutMs, clock = Date.now }: AccessTokenOptions): AccessTokens {
  let cached: { token: string; refreshAt: number } | undefined
  let inFlight: Promise<string> | undefined

  async function fetchToken(): Promise<string> {
    const url = `${apiBase}/cgi-bin/token?${new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret: appSecret })}`
    const response = await wechatRequest(url, { method: 'GET' }, timeoutMs)
    const answer = parseJson(await readBody(response, url, timeoutMs))
    if (answer && typeof answer.errcode === 'number' && answer.errcode !== 0) {
      throw errorFromWechat(answer.errcode, answer.errmsg, [appSecret])
    }
    const token = answer?.access_token
    const expiresIn = answer?.expires_in
    if (!response.ok || typeof token !== 'string' || !token || typeof expiresIn !== 'number' || expiresIn <= 0) {
      throw new WechatError('bad-response', `微信接口返回了无法识别的 access_token 应答（HTTP ${response.status}）`)
    }
    // A token that lives less than twice the margin (never seen from WeChat) is kept for half its life instead.
    const keepSeconds = expiresIn > 2 * REFRESH_MARGIN_SECONDS ? expiresIn - REFRESH_MARGIN_SECONDS : expiresIn / 2
    cached = { token, refreshAt: clock() + keepSeconds * 1000 }
    return token
  }

  return {
    get() {
      if (cached && clock() < cached.refreshAt) return Promise.resolve(cached.token)
      inFlight ??= fetchToken().finally(() => {
        inFlight = undefined
      })
      return inFlight
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined
    }
  }
}
