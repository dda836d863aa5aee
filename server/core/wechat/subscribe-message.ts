/**
 * One subscribe message (POST /cgi-bin/message/subscribe/send). WeChat answers 200 with `{ errcode, errmsg }` either
 * way; what the outbox needs to know is whether to mark the message sent, try again later, or give up:
 * - 0 → sent;
 * - 40001/40014/42001 (the token is stale) → a fresh token and one more try at once;
 * - 43101 (the worker has not subscribed, or refused) and the other refusals a retry cannot fix (bad openid,
 *   template, page or field) → refused: give up now;
 * - -1 (busy), 45011 (too frequent), a timeout, no connection, an answer we cannot read → retry later.
 */
import type { SubscribeMessageData } from '@/domain'
import type { WechatEnvVersion } from '../config'
import type { AccessTokens } from './access-token'
import { STALE_TOKEN_ERRCODES, WechatError, errorFromWechat } from './errors'
import { parseJson, readBody, wechatRequest } from './http'

export interface SubscribeMessage {
  /** The worker's openid. Never logged. */
  touser: string
  templateId: string
  /** The mini-program page the message opens (no personal data in it). */
  page: string
  data: SubscribeMessageData
}

export type SubscribeOutcome = { outcome: 'sent' } | { outcome: 'refused' | 'retry'; errcode: WechatError['errcode']; reason: string }

export interface SubscribeSendOptions {
  tokens: AccessTokens
  apiBase: string
  envVersion: WechatEnvVersion
  timeoutMs: number
  /** Scrubbed from any message. */
  appSecret: string
}

/** Refusals that are the same on every try: the user's grant, the openid, the template, the page, a field. */
export const REFUSAL_ERRCODES: ReadonlySet<number> = new Set([43101, 40003, 40037, 41030, 47003])

/** Which version of the mini-program the message opens: WeChat's names for getwxacode's env_version. */
const MINIPROGRAM_STATE: Record<WechatEnvVersion, string> = { release: 'formal', trial: 'trial', develop: 'developer' }

export async function sendSubscribeMessage(message: SubscribeMessage, options: SubscribeSendOptions): Promise<SubscribeOutcome> {
  try {
    const token = await options.tokens.get()
    try {
      await sendWithToken(message, token, options)
    } catch (error) {
      if (!(error instanceof WechatError) || !STALE_TOKEN_ERRCODES.has(error.errcode)) throw error
      options.tokens.invalidate(token)
      await sendWithToken(message, await options.tokens.get(), options)
    }
    return { outcome: 'sent' }
  } catch (error) {
    if (!(error instanceof WechatError)) throw error
    const refused = typeof error.errcode === 'number' && REFUSAL_ERRCODES.has(error.errcode)
    return { outcome: refused ? 'refused' : 'retry', errcode: error.errcode, reason: error.message }
  }
}

async function sendWithToken(message: SubscribeMessage, token: string, options: SubscribeSendOptions): Promise<void> {
  const url = `${options.apiBase}/cgi-bin/message/subscribe/send?${new URLSearchParams({ access_token: token })}`
  const body = JSON.stringify({
    touser: message.touser,
    template_id: message.templateId,
    page: message.page,
    data: message.data,
    miniprogram_state: MINIPROGRAM_STATE[options.envVersion],
    lang: 'zh_CN'
  })
  const response = await wechatRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }, options.timeoutMs)
  const answer = parseJson(await readBody(response, url, options.timeoutMs))
  const errcode = answer?.errcode
  if (response.ok && errcode === 0) return
  if (typeof errcode === 'number' && errcode !== 0) throw errorFromWechat(errcode, answer?.errmsg, [options.appSecret, token, message.touser])
  throw new WechatError('bad-response', `微信接口返回了无法识别的订阅消息应答（HTTP ${response.status}）`)
}
