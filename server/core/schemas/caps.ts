/**
 * Every string and every array in a request body has a schema bound, so no body can make a validator loop over
 * 149 000 photos or store a 900 000-character icon shown to every worker.
 *
 * The bound is a safety cap above the shared domain rule, not the rule itself: a staffer who types a few characters
 * or adds a few items too many still gets the validator's message naming the field and the limit (「标题不能超过 60
 * 字（现 64 字）」); only what no form produces is stopped by the schema, with the property's `description`.
 * One policy for all of them: a text may be 4× its rule (at least 200 characters), a list 2× its rule (at least 10
 * items). Ajv counts characters as the rules do (code points, 「𠀀」 is one).
 *
 * tests/server/request-schemas.test.ts fails when a body string or array of any route has no bound.
 */
import { Type, type SchemaOptions, type TSchema } from '@sinclair/typebox'
import { LIMITS } from '@/domain'

export const textCap = (ruleMax: number) => Math.max(ruleMax * 4, 200)
export const listCap = (ruleMax: number) => Math.max(ruleMax * 2, 10)

/** A string whose length a shared validator checks against `ruleMax`. */
export function Text(ruleMax: number, options: SchemaOptions = {}) {
  return Type.String({ ...options, maxLength: textCap(ruleMax) })
}

/** A list whose length a shared validator checks against `ruleMax`. */
export function List<T extends TSchema>(item: T, ruleMax: number, options: SchemaOptions = {}) {
  return Type.Array(item, { ...options, maxItems: listCap(ruleMax) })
}

/** A string or null as one JSON type list, not anyOf: with type coercion on, anyOf would turn null into "". */
export function TextOrNull(ruleMax: number, description: string) {
  return Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: textCap(ruleMax), description })
}

/** Lengths of values that have a format rather than a length rule (a media path, an instant, a clock time). */
export const FORMAT_MAX = {
  /** /media/… and /media/uploads/… paths: the rules allow 200 characters after the prefix. */
  mediaPath: 220,
  /** 2026-12-01T09:00:00.000+08:00 */
  instant: 30,
  /** 2027-01-01 */
  date: 10,
  /** 08:00, 24:00 */
  clock: 5,
  /** ids of news, competitions and featured items (CONTENT_ID_PATTERN): 64 */
  contentId: 64
} as const

/** A text field whose schema 400 names it: 「参数 title 无效：标题应为文字」. */
export const LabelledText = (label: string, ruleMax: number) => Text(ruleMax, { description: `${label}应为文字` })

export const INSTANT_EXAMPLE = '如 2026-12-01T09:00:00+08:00'

/** A time with its zone in an editor's body: 「参数 signupStartsAt 无效：报名开始时间应为带时区的时间，…」. */
export const Instant = (label: string) => Text(FORMAT_MAX.instant, { description: `${label}应为带时区的时间，${INSTANT_EXAMPLE}` })

/** A list of short texts (rules, steps, who may apply…) as the editors fill them in. */
export const TextList = (label: string) =>
  List(Text(LIMITS.listItem), LIMITS.listItems, { description: `${label}应为文字的列表（最多 ${LIMITS.listItems} 条）` })
