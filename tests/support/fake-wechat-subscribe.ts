/**
 * The fake WeChat's POST /cgi-bin/message/subscribe/send (support/fake-wechat.ts routes to it): it checks the token
 * as WeChat does, records what was asked for, and answers ok — or, one each, the answers a test queued: an errcode
 * (43101 the worker has not subscribed, -1 busy …) or a delay (a WeChat too slow for the client's deadline).
 */
import type http from 'node:http'

export interface SubscribeSendCall {
  token: string
  touser: unknown
  templateId: unknown
  page: unknown
  data: unknown
  miniprogramState: unknown
  lang: unknown
}

/** The next sends answer these, one each: a WeChat error, or an ok answered this many ms late. */
export type SubscribeAnswer = { errcode: number; errmsg: string } | { delayMs: number }

export interface SubscribeState {
  subscribeCalls: SubscribeSendCall[]
  subscribeAnswers: SubscribeAnswer[]
}

type Json = (response: http.ServerResponse, body: object) => void

export function answerSubscribeSend(
  state: SubscribeState,
  url: URL,
  body: string,
  response: http.ServerResponse,
  helpers: { json: Json; tokenProblem: (token: string) => object | undefined; rid: () => string }
): void {
  const { json, rid } = helpers
  const token = url.searchParams.get('access_token') ?? ''
  let request: Record<string, unknown>
  try {
    request = JSON.parse(body)
  } catch {
    return json(response, { errcode: 47001, errmsg: `data format error ${rid()}` })
  }
  const problem = helpers.tokenProblem(token)
  if (problem) return json(response, problem)
  state.subscribeCalls.push({
    token,
    touser: request.touser,
    templateId: request.template_id,
    page: request.page,
    data: request.data,
    miniprogramState: request.miniprogram_state,
    lang: request.lang
  })
  if (typeof request.touser !== 'string' || !request.touser) return json(response, { errcode: 40003, errmsg: `invalid openid ${rid()}` })
  if (typeof request.template_id !== 'string' || !request.template_id) return json(response, { errcode: 40037, errmsg: `invalid template id ${rid()}` })
  if (!request.data || typeof request.data !== 'object') return json(response, { errcode: 47003, errmsg: `argument invalid! data is empty ${rid()}` })
  const answer = state.subscribeAnswers.shift()
  if (answer && 'errcode' in answer) return json(response, { errcode: answer.errcode, errmsg: `${answer.errmsg} ${rid()}` })
  const ok = () => json(response, { errcode: 0, errmsg: 'ok', msgid: Math.floor(Math.random() * 1e15) })
  if (answer) setTimeout(ok, answer.delayMs)
  else ok()
}
