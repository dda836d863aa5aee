/**
 * TypeBox pieces every slice's schema.ts builds on: the string enum, the page and error shapes, the sample flag and
 * contact points several content types share, and the type check that keeps a schema and its domain type together.
 *
 * The domain types (src/domain) stay the single definition: each slice's schema.ts ends with `Same<Static<…>, Type>`
 * checks that fail the typecheck as soon as a schema and its type drift apart, so a field added to the model cannot
 * silently go missing from an API response (the response serializer drops whatever the schema does not list).
 */
import { Type, type TSchema } from '@sinclair/typebox'
import { LIMITS } from '@/domain'
import { Instant, Text, TextOrNull } from './caps'

/** True when A and B are the same type; `AllTrue<[…]>` of these fails `tsc` on the first that is not. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
export type AllTrue<T extends true[]> = T

/** Bodies and their nested objects refuse unknown fields: a misspelt one is a 400 naming it, not silently dropped. */
export const closed = { additionalProperties: false } as const

/** A string enum with the precise literal type, as one `enum` keyword (plain JSON schema, one clear ajv error). */
export function StringEnum<T extends string>(values: readonly T[], options: { description?: string } = {}) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...options })
}

/** ISO-8601 instant; the API answers in UTC "Z" form (see server/core/db/row-helpers.ts). */
export const IsoDateTime = Type.String()

/** The sign-up window and the event's own dates of an event workers sign up for (competitions, activities). */
export const signupEventDates = { signupStartsAt: IsoDateTime, signupEndsAt: IsoDateTime, eventStartsAt: IsoDateTime, eventEndsAt: IsoDateTime }

/** The same four in an editor's body; `event` names the event in their messages (活动, 比赛). */
export const signupEventDateInputs = (event: string) => ({
  signupStartsAt: Instant('报名开始时间'),
  signupEndsAt: Instant('报名截止时间'),
  eventStartsAt: Instant(`${event}开始时间`),
  eventEndsAt: Instant(`${event}结束时间`)
})

// ——— what workers read ———

/** Content shipped as a sample (seed data) says so, and why. */
export const sampleFlag = {
  sample: Type.Boolean(),
  sampleNote: Type.Optional(Type.String())
}

export const ContactPointSchema = Type.Object({
  name: Type.String(),
  phone: Type.Optional(Type.String()),
  hours: Type.Optional(Type.String())
})

export function PageSchema<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
    hasMore: Type.Boolean()
  })
}

export const ApiErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() })
})

export const HealthSchema = Type.Object({ ok: Type.Literal(true) })

// ——— what staff send ———

export const sampleInputProperties = {
  sample: Type.Boolean({ description: '示例标记应为 true 或 false' }),
  sampleNote: TextOrNull(LIMITS.sampleNote, '示例说明应为文字，没有时为 null')
}

export const ContactInputSchema = Type.Object(
  { name: Text(LIMITS.contactName), phone: Type.Optional(Text(LIMITS.phone)), hours: Type.Optional(Text(LIMITS.hours)) },
  closed
)

export const contactDescription = '联系方式应为 { name 联系人或地点, 可选 phone 电话、hours 服务时间 }'
