/**
 * The mini-program's access_token, from WeChat's 稳定版接口 (POST /cgi-bin/stable_token). Several API instances run
 * over one database: with /cgi-bin/token each fetch would retire every other instance's token. A stable token is the
 * same for every caller while it is valid (WeChat renews it in its last five minutes) and is untouched by anything
 * fetched through /cgi-bin/token. It is still kept until five minutes before it expires, and callers that need one at
 * the same time share one fetch: that costs WeChat one call per instance and token, not one per 小程序码.
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

/**
 * Refresh this long before WeChat's expiry. WeChat hands out the next stable token in the current one's last five
 * minutes, so a refetch at this point gets the new one, and every instance switches at the same moment.
 */
const REFRESH_MARGIN_SECONDS = 300

export function createAccessTokens({ appId, appSecret, apiBase, timeoutMs, clock = Date.now }: AccessTokenOptions): AccessTokens {
  let cached: { token: string; refreshAt: number } | undefined
  let inFlight: Promise<string> | undefined

  async function fetchToken(): Promise<string> {
    // The AppSecret travels in the body, so no URL that could end up in a log or an error carries it.
    const url = `${apiBase}/cgi-bin/stable_token`
    // Never force_refresh, not even after WeChat refused the token (40001/42001/40014). The token is shared: a refusal
    // usually means another instance or person already renewed it, and normal mode returns that newer one. Forcing a
    // refresh would revoke the token every other instance is using — each of them then sees 40001 and would force
    // again — and WeChat allows only about 20 forced refreshes a day. If the token really leaked, an administrator
    // resets it on purpose (force_refresh once, or a new AppSecret).
    const body = JSON.stringify({ grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: false })
    const response = await wechatRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }, timeoutMs)
    const answer = parseJson(await readBody(response, url, timeoutMs))
    if (answer && typeof answer.errcode === 'number' && answer.errcode !== 0) {
      throw errorFromWechat(answer.errcode, answer.errmsg, [appSecret])
    }
    const token = answer?.access_token
    const expiresIn = answer?.expires_in
    if (!response.ok || typeof token !== 'string' || !token || typeof expiresIn !== 'number' || expiresIn <= 0) {
      throw new WechatError('bad-response', `微信接口返回了无法识别的 access_token 应答（HTTP ${response.status}）`)
    }
    // expires_in is what the shared token has left, not a fresh 7200. One with less than twice the margin left (WeChat
    // promises at least 300 s) is kept for half of it: the next fetch then falls in WeChat's renewal window.
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
