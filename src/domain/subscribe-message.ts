/**
 * WeChat subscribe messages (订阅消息): what a template's fields may hold. WeChat refuses a whole message (47003) when
 * one field is over its limit, so every value is fitted here first — cut with 「…」, never refused: a long activity
 * title must not cost the worker the news that their sign-up went through.
 *
 * A field's kind is the start of its key in the template (thing1, phrase2, time3, character_string4 …), so the key
 * alone says which limit applies. Limits as WeChat documents them for 小程序订阅消息.
 */
import { beijing, instantOf, type Instant } from './dates'

/** The message kinds the outbox sends, each a template id in the server's configuration. */
export const SUBSCRIBE_TEMPLATES = ['signup-result', 'event-change'] as const
export type SubscribeTemplate = (typeof SUBSCRIBE_TEMPLATES)[number]

/** Characters a field of each kind may hold (WeChat's documented limits). */
export const SUBSCRIBE_FIELD_LIMITS = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5
} as const

/** The kinds whose value is plain ASCII: cut without 「…」, which WeChat would refuse there. */
const ASCII_KINDS = new Set(['character_string', 'number', 'letter', 'symbol'])

/** What WeChat's send takes as `data`: { thing1: { value: '…' } }. */
export type SubscribeMessageData = Record<string, { value: string }>

/** The kind of a template field from its key: 'thing' for thing1, 'character_string' for character_string12. */
export function subscribeFieldKind(key: string): string {
  return key.replace(/\d+$/, '')
}

/** At most `limit` characters (code points, as WeChat counts them), the last one 「…」 when cut. */
export function fitText(value: string, limit: number, ellipsis = true): string {
  const characters = Array.from(value.replace(/\s+/g, ' ').trim())
  if (characters.length <= limit) return characters.join('')
  return ellipsis ? `${characters.slice(0, limit - 1).join('')}…` : characters.slice(0, limit).join('')
}

/** 'YYYY-MM-DD HH:mm' on Beijing's clock, WeChat's time field format. A value that is no instant is kept as text. */
export function subscribeTime(at: Instant): string {
  try {
    instantOf(at)
  } catch {
    return fitText(String(at), 20)
  }
  return beijing(at).format('YYYY-MM-DD HH:mm')
}

/** Each field fitted to its kind's limit; a time field's value is an instant (ISO text). */
export function subscribeMessageData(fields: Record<string, string>): SubscribeMessageData {
  const data: SubscribeMessageData = {}
  for (const [key, raw] of Object.entries(fields)) {
    const kind = subscribeFieldKind(key)
    let value: string
    if (kind === 'time' || kind === 'date') value = subscribeTime(raw)
    else if (kind in SUBSCRIBE_FIELD_LIMITS) {
      value = fitText(raw, SUBSCRIBE_FIELD_LIMITS[kind as keyof typeof SUBSCRIBE_FIELD_LIMITS], !ASCII_KINDS.has(kind))
    } else value = fitText(raw, SUBSCRIBE_FIELD_LIMITS.thing)
    data[key] = { value }
  }
  return data
}

/** WeChat shows at most this many templates in one requestSubscribeMessage dialog. */
export const MAX_TEMPLATES_PER_REQUEST = 3

/** GET /api/notifications/templates: the template ids a form asks the worker to allow (none when unconfigured). */
export interface SubscribeTemplateIds {
  templateIds: string[]
}

/** POST /api/me/subscriptions: the template ids the worker allowed in requestSubscribeMessage's dialog. */
export interface SubscriptionsRequest {
  accepted: string[]
}

/** The template ids counted as one more grant each (ids the server does not know are ignored). */
export interface SubscriptionsResponse {
  counted: string[]
}
