/**
 * TypeBox schemas of the sign-up routes (types in src/domain/signups.ts). The schemas check shapes and bound sizes;
 * the form's rules (lengths, the phone number, years) are the domain's signupFieldsProblems, whose 400 names the
 * field in Chinese. Each `description` is what a 400 from the schema itself says after 「参数 x 无效：」.
 */
import { Type, type Static } from '@sinclair/typebox'
import {
  CONTENT_ID_PATTERN,
  IDEMPOTENCY_KEY,
  REVIEW_REASON_LIMIT,
  SIGNUP_EVENT_TYPES,
  SIGNUP_STATES,
  type CheckInScreen,
  type EventAvailability,
  type MySignup,
  type ReviewRequest,
  type SignupRequest,
  type SignupResponse,
  type StaffEventSignups,
  type StaffSignup
} from '@/domain'
import { StringEnum, closed, type AllTrue, type Same } from '../core/schemas/common'
import { oneOf } from '../core/schemas/params'
import { FiniteNumber } from '../core/schemas/numbers'
import { VersionParam, versionedProperties } from '../core/versioned/schema'
import { CHECK_IN_CODE_PATTERN } from './check-in-code'

const EventType = StringEnum(SIGNUP_EVENT_TYPES, { description: oneOf(SIGNUP_EVENT_TYPES) })
const EventId = Type.String({ pattern: CONTENT_ID_PATTERN, maxLength: 64, description: '应为 1 到 64 位的小写字母、数字或连字符' })

/** An event in a URL: its kind and id, nothing about the worker. */
export const EventParams = Type.Object({ type: EventType, id: EventId }, closed)

/** Sizes only: what is too long for a field is said by the domain's rules, naming the field. */
const typed = (description: string) => Type.String({ maxLength: 200, description })

export const SignupRequestSchema = Type.Object(
  {
    eventType: EventType,
    eventId: EventId,
    name: typed('应为姓名（文字）'),
    phone: typed('应为手机号（文字）'),
    employer: typed('应为工作单位（文字）'),
    trade: Type.Optional(typed('应为工种（文字）')),
    years: Type.Optional(FiniteNumber({ description: '应为从业年限（整数）' })),
    idempotencyKey: Type.String({ pattern: IDEMPOTENCY_KEY.source, maxLength: 64, description: '应为表单生成的 16 到 64 位提交编号（字母、数字、_ 或 -）' }),
    remember: Type.Boolean({ description: '应为 true 或 false：是否保存本次填写用于下次报名' })
  },
  closed
)

export const CheckInRequestSchema = Type.Object(
  { code: Type.String({ pattern: CHECK_IN_CODE_PATTERN, maxLength: 6, description: '应为现场屏幕上的 6 位数字签到码' }) },
  closed
)

export const ReviewRequestSchema = Type.Object(
  {
    approve: Type.Boolean({ description: '应为 true（通过）或 false（不通过）' }),
    reason: Type.Optional(Type.String({ maxLength: REVIEW_REASON_LIMIT * 4, description: `应为不通过的原因（最多 ${REVIEW_REASON_LIMIT} 个字）` })),
    version: VersionParam
  },
  closed
)

export const EventAvailabilitySchema = Type.Object({
  capacity: Type.Union([Type.Integer(), Type.Null()]),
  taken: Type.Integer(),
  waitlisted: Type.Integer(),
  remaining: Type.Union([Type.Integer(), Type.Null()]),
  label: Type.String()
})

const State = StringEnum(SIGNUP_STATES)

/** The event a sign-up is for, as workers and staff see it. */
const signupEventProperties = {
  type: StringEnum(SIGNUP_EVENT_TYPES),
  id: Type.String(),
  title: Type.String(),
  place: Type.String(),
  eventStartsAt: Type.String(),
  eventEndsAt: Type.String()
}

export const MySignupSchema = Type.Object({
  id: Type.String(),
  event: Type.Object(signupEventProperties),
  state: State,
  waitlistPosition: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  checkedInAt: Type.Optional(Type.String()),
  changed: Type.Boolean(),
  fields: Type.Object({
    name: Type.String(),
    phoneMasked: Type.String(),
    employer: Type.String(),
    trade: Type.Optional(Type.String()),
    years: Type.Optional(Type.Number())
  })
})

export const SignupResponseSchema = Type.Object({ signup: MySignupSchema, existing: Type.Boolean(), availability: EventAvailabilitySchema })

/** Cancel and check-in answer the sign-up as it now is and the places now. */
export const SignupChangeSchema = Type.Object({ signup: MySignupSchema, availability: EventAvailabilitySchema })

export const StaffSignupSchema = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  state: State,
  name: Type.String(),
  phoneMasked: Type.String(),
  employer: Type.String(),
  trade: Type.Optional(Type.String()),
  years: Type.Optional(Type.Number()),
  waitlistPosition: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
  createdAt: Type.String(),
  checkedInAt: Type.Optional(Type.String()),
  checkedInBy: Type.Optional(Type.String()),
  ...versionedProperties
})

export const StaffEventSignupsSchema = Type.Object({
  event: Type.Object({
    ...signupEventProperties,
    reviewRequired: Type.Boolean(),
    cancelled: Type.Boolean()
  }),
  availability: EventAvailabilitySchema,
  counts: Type.Object(
    Object.fromEntries(SIGNUP_STATES.map((state) => [state, Type.Integer()])) as Record<(typeof SIGNUP_STATES)[number], ReturnType<typeof Type.Integer>>
  ),
  signups: Type.Array(StaffSignupSchema)
})

export const RevealedPhoneSchema = Type.Object({ phone: Type.String() })

export const CheckInScreenSchema = Type.Object({
  code: Type.String(),
  validUntil: Type.String(),
  checkedIn: Type.Integer(),
  confirmed: Type.Integer(),
  path: Type.String()
})

export type SignupSchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof SignupRequestSchema>, SignupRequest>,
    Same<Static<typeof ReviewRequestSchema>, ReviewRequest>,
    Same<Static<typeof EventAvailabilitySchema>, EventAvailability>,
    Same<Static<typeof MySignupSchema>, MySignup>,
    Same<Static<typeof SignupResponseSchema>, SignupResponse>,
    Same<Static<typeof StaffSignupSchema>, StaffSignup>,
    Same<Static<typeof StaffEventSignupsSchema>, StaffEventSignups>,
    Same<Static<typeof CheckInScreenSchema>, CheckInScreen>
  ]
>
