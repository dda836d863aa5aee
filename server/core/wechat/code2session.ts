/**
 * 小程序登录 (GET /sns/jscode2session): the code from wx.login() → the worker's openid. WeChat wants the AppSecret in
 * this URL's query string, so the URL is never put in a message, a log line or a thrown error: wechatRequest's
 * failures name only the host, and whatever WeChat echoes back is scrubbed of the secret and the code. The
 * session_key WeChat also answers is dropped here: nothing the server does needs it, so it is never kept.
 */
import { WechatError, errorFromWechat } from './errors'
import { parseJson, readBody, wechatRequest } from './http'

export interface Code2SessionOptions {
  appId: string
  appSecret: string
  apiBase: string
  timeoutMs: number
}

/** What the server keeps of a login: the openid (and the unionid when the mini-program is bound to an open platform). */
export interface WechatLogin {
  openid: string
}

export async function code2session(code: string, options: Code2SessionOptions): Promise<WechatLogin> {
  const query = new URLSearchParams({ appid: options.appId, secret: options.appSecret, js_code: code, grant_type: 'authorization_code' })
  const url = `${options.apiBase}/sns/jscode2session?${query}`
  const response = await wechatRequest(url, { method: 'GET' }, options.timeoutMs)
  const answer = parseJson(await readBody(response, url, options.timeoutMs))
  if (answer && typeof answer.errcode === 'number' && answer.errcode !== 0) {
    throw errorFromWechat(answer.errcode, answer.errmsg, [options.appSecret, code])
  }
  const openid = answer?.openid
  if (!response.ok || typeof openid !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(openid)) {
    throw new WechatError('bad-response', `微信登录接口返回了无法识别的应答（HTTP ${response.status}）`)
  }
  return { openid }
}
