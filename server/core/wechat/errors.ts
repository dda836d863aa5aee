/**
 * WeChat's failures as one typed error: the errcode WeChat gave (or what went wrong on the way) and a Chinese message
 * an editor can act on. Messages never carry the AppSecret or an access_token, whatever WeChat echoes back.
 */

/** A WeChat errcode, or a failure before WeChat answered sensibly. */
export type WechatErrorCode = number | 'timeout' | 'network' | 'bad-response'

export class WechatError extends Error {
  constructor(
    readonly errcode: WechatErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'WechatError'
  }
}

/** The errcodes that mean "this access_token is no good": drop it, fetch a new one and try again once. */
export const STALE_TOKEN_ERRCODES: ReadonlySet<WechatErrorCode> = new Set([40001, 40014, 42001])

const ERRCODE_MESSAGES: Record<number, string> = {
  [-1]: '微信系统繁忙，请稍后重试',
  40001: 'access_token 无效或不是最新的',
  40002: 'grant_type 不合法',
  40003: 'openid 无效（不是本小程序的用户）',
  40013: 'AppID 无效，请检查 WECHAT_APPID',
  40014: 'access_token 不合法',
  40029: '登录凭证 code 无效',
  40037: '订阅消息模板 ID 无效，请检查 WECHAT_TEMPLATE_* 设置',
  40097: '参数错误',
  40125: 'AppSecret 无效，请检查 WECHAT_APPSECRET',
  40163: '登录凭证 code 已被使用',
  40164: '本服务器的 IP 不在白名单中，请在微信公众平台（开发管理 → 开发设置 → IP白名单）添加服务器的出口 IP',
  40169: 'scene 参数不合法',
  41001: '缺少 access_token',
  41002: '缺少 AppID',
  41004: '缺少 AppSecret',
  40226: '该微信用户被微信判定为高风险，已拦截登录',
  41030: 'page 路径不存在或小程序未发布',
  42001: 'access_token 已过期',
  43101: '用户未订阅该消息或已拒绝',
  45009: '小程序码接口调用次数超限，请明天再试',
  45011: '调用太频繁，请稍后重试',
  47001: '请求数据格式错误',
  47003: '订阅消息的字段不合模板要求',
  61024: 'AppSecret 已被冻结，请在微信公众平台解冻后重试',
  85096: 'scene 不能使用保留参数 scancode_time',
  89503: '此次调用需要小程序管理员确认，请联系管理员'
}

/** What WeChat said, without anything secret, and short enough for a message. */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let clean = text
  for (const secret of secrets) if (secret) clean = clean.split(secret).join('***')
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean
}

export function errorFromWechat(errcode: number, errmsg: unknown, secrets: readonly (string | undefined)[]): WechatError {
  const said = typeof errmsg === 'string' && errmsg.trim() ? scrub(errmsg.trim(), secrets) : undefined
  const known = ERRCODE_MESSAGES[errcode]
  const message = known ? (said ? `${known}（${said}）` : known) : (said ?? '未知错误')
  return new WechatError(errcode, `微信接口返回错误 ${errcode}：${message}`)
}
