/**
 * A worker's sign-up (报名) for an event — a competition or an activity, one mechanism for both — as the worker and
 * the sign-up form see it: its states, what the form asks, the rules over what is typed, and the pure decisions the
 * server takes inside its transaction (take a place, wait, promote, cancel, check in). No Taro and no server import:
 * the sign-up pages bundle this file; the server runs the same rules again.
 *
 * Not to be confused with the EVENT's sign-up status (dates.ts `SignupStatus`: upcoming / signup / ongoing /
 * ended), which says whether an event takes sign-ups at all; `SignupState` is where one worker's sign-up stands.
 */
import type { SignupEvent, SignupEventType, SignupExtraField } from './signup-events'
import { instantOf, signupStatus, type Instant, type IsoDateTime, type SignupDates } from './dates'
import type { Versioned } from './content'
import { collector, type FieldProblem } from './validation'

export const SIGNUP_STATES = ['pending', 'confirmed', 'waitlisted', 'rejected', 'cancelled', 'checked-in'] as const
export type SignupState = (typeof SIGNUP_STATES)[number]

export const SIGNUP_STATE_LABELS: Record<SignupState, string> = {
  pending: '待审核',
  confirmed: '报名成功',
  waitlisted: '候补中',
  rejected: '未通过',
  cancelled: '已取消',
  'checked-in': '已签到'
}

/** A worker has at most one live sign-up per event: a second attempt is shown the live one. */
export const LIVE_STATES: readonly SignupState[] = ['pending', 'confirmed', 'waitlisted', 'checked-in']
/** The states that hold one of the event's places (a sign-up waiting for review holds its place until decided). */
export const PLACE_HOLDING_STATES: readonly SignupState[] = ['pending', 'confirmed', 'checked-in']

export const isLive = (state: SignupState) => LIVE_STATES.includes(state)
export const holdsPlace = (state: SignupState) => PLACE_HOLDING_STATES.includes(state)

// ——— the form ———

export interface SignupFields {
  name: string
  phone: string
  employer: string
  /** Competitions: the worker's trade (工种). */
  trade?: string
  /** Competitions: whole years in the trade. */
  years?: number
}

export interface SignupInput extends SignupFields {
  /**
   * Made by the form once per attempt and sent with every retry of it: the server answers a retry with the sign-up
   * the first send made, never a second one (16–64 characters of [A-Za-z0-9_-]).
   */
  idempotencyKey: string
  /** Keep these answers to fill the next form (the worker's choice; deletable in 我的). */
  remember: boolean
}

export const SIGNUP_FIELD_LABELS: Record<keyof SignupFields, string> = {
  name: '姓名',
  phone: '手机号',
  employer: '工作单位',
  trade: '工种',
  years: '从业年限'
}

export const SIGNUP_LIMITS = { name: { min: 2, max: 20 }, employer: { min: 2, max: 50 }, trade: { min: 1, max: 20 }, years: { max: 60 } } as const

/** A mainland mobile number: 11 digits starting 13–19. Spaces and dashes a worker types are not part of it. */
const MOBILE = /^1[3-9]\d{9}$/
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/

/** The number as stored and compared: without the spaces and dashes people type between groups. */
export function normalizePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '')
}

/** 138****5678: how a phone number shows in every list. */
export function maskPhone(phone: string): string {
  const digits = normalizePhone(phone)
  return digits.length === 11 ? `${digits.slice(0, 3)}****${digits.slice(7)}` : '****'
}

/** The problems of what a worker typed, each naming its field in Chinese (the form shows them under the fields). */
export function signupFieldsProblems(fields: SignupFields, extraFields: readonly SignupExtraField[]): FieldProblem[] {
  const { problems, check, text } = collector()
  text('name', SIGNUP_FIELD_LABELS.name, fields.name, { ...SIGNUP_LIMITS.name, lines: 'one' })
  const phone = normalizePhone(fields.phone)
  if (phone === '') check('phone', '请填写手机号', true)
  else check('phone', '手机号应为 11 位数字，以 1 开头', !MOBILE.test(phone))
  text('employer', SIGNUP_FIELD_LABELS.employer, fields.employer, { ...SIGNUP_LIMITS.employer, lines: 'one' })
  if (extraFields.includes('trade')) text('trade', SIGNUP_FIELD_LABELS.trade, fields.trade ?? '', { ...SIGNUP_LIMITS.trade, lines: 'one' })
  if (extraFields.includes('years')) {
    const years = fields.years
    if (years === undefined) check('years', '请填写从业年限', true)
    else check('years', `从业年限应为 0–${SIGNUP_LIMITS.years.max} 的整数`, !Number.isInteger(years) || years < 0 || years > SIGNUP_LIMITS.years.max)
  }
  return problems
}

// ——— places ———

export interface Availability {
  /** null: no limit. */
  capacity: number | null
  /** Places held (待审核, 报名成功, 已签到). */
  taken: number
  /** 候补中. */
  waitlisted: number
}

export function remainingPlaces(availability: Availability): number | null {
  return availability.capacity === null ? null : Math.max(0, availability.capacity - availability.taken)
}

/** What the event page shows before the worker types anything. */
export function availabilityLabel(availability: Availability): string {
  const remaining = remainingPlaces(availability)
  if (remaining === null) return '名额不限'
  if (remaining > 0) return `剩余 ${remaining} 个名额`
  return availability.waitlisted > 0 ? `名额已满，已有 ${availability.waitlisted} 人候补` : '名额已满，可报名候补'
}

// ——— decisions (pure: the server takes them inside the transaction that holds the event's counter) ———

export interface Refusal {
  status: number
  code: string
  message: string
}

export const SIGNUP_REFUSALS = {
  notOpen: { status: 409, code: 'SIGNUP_NOT_OPEN', message: '报名尚未开始' },
  closed: { status: 409, code: 'SIGNUP_CLOSED', message: '报名已截止' },
  cancelled: { status: 409, code: 'EVENT_CANCELLED', message: '该活动已取消' },
  tooLateToCancel: { status: 409, code: 'CANCEL_CLOSED', message: '活动已开始，不能再取消报名' },
  notCancellable: { status: 409, code: 'NOT_CANCELLABLE', message: '该报名已结束，无需取消' },
  notConfirmed: { status: 409, code: 'CHECK_IN_NOT_CONFIRMED', message: '报名成功后才能签到' },
  checkInClosed: { status: 409, code: 'CHECK_IN_CLOSED', message: '不在签到时间内（活动开始前 1 小时至结束）' },
  alreadyCheckedIn: { status: 409, code: 'ALREADY_CHECKED_IN', message: '已签到，无需重复签到' },
  wrongCode: { status: 400, code: 'CHECK_IN_CODE_WRONG', message: '签到码不对或已过期，请看现场屏幕上的最新签到码' }
} as const satisfies Record<string, Refusal>

/** Where a new sign-up lands, or why it cannot be made. */
export function admit(event: SignupEvent, availability: Availability, now: Instant): { state: SignupState } | { refuse: Refusal } {
  if (event.cancelled) return { refuse: SIGNUP_REFUSALS.cancelled }
  const status = signupStatus(event.dates, now)
  if (status === 'upcoming') return { refuse: SIGNUP_REFUSALS.notOpen }
  if (status !== 'signup') return { refuse: SIGNUP_REFUSALS.closed }
  const remaining = remainingPlaces(availability)
  if (remaining !== null && remaining <= 0) return { state: 'waitlisted' }
  return { state: event.reviewRequired ? 'pending' : 'confirmed' }
}

/** The state a waitlisted sign-up takes when a place frees up. */
export function promotedState(event: Pick<SignupEvent, 'reviewRequired'>): SignupState {
  return event.reviewRequired ? 'pending' : 'confirmed'
}

/** A worker may cancel a live sign-up (not one already checked in) until the event starts. */
export function cancelDecision(state: SignupState, event: SignupEvent, now: Instant): { ok: true } | { refuse: Refusal } {
  if (!isLive(state) || state === 'checked-in') return { refuse: SIGNUP_REFUSALS.notCancellable }
  if (instantOf(now) >= instantOf(event.dates.eventStartsAt)) return { refuse: SIGNUP_REFUSALS.tooLateToCancel }
  return { ok: true }
}

/** Check-in opens an hour before the event starts and closes when it ends. */
export const CHECK_IN_OPENS_BEFORE_MS = 60 * 60 * 1000

/** The server's rule, and 我的报名's: the code box shows only while the venue takes check-ins. */
export function checkInOpen(dates: Pick<SignupDates, 'eventStartsAt' | 'eventEndsAt'>, now: Instant): boolean {
  const at = instantOf(now)
  return at >= instantOf(dates.eventStartsAt) - CHECK_IN_OPENS_BEFORE_MS && at <= instantOf(dates.eventEndsAt)
}

export function checkInDecision(state: SignupState, event: SignupEvent, now: Instant): { ok: true } | { refuse: Refusal } {
  if (state === 'checked-in') return { refuse: SIGNUP_REFUSALS.alreadyCheckedIn }
  if (state !== 'confirmed') return { refuse: SIGNUP_REFUSALS.notConfirmed }
  if (event.cancelled || !checkInOpen(event.dates, now)) return { refuse: SIGNUP_REFUSALS.checkInClosed }
  return { ok: true }
}

/** A 经办 staffer's decision on a sign-up waiting for review. */
export type ReviewDecision = { approve: true } | { approve: false; reason: string }

export const REVIEW_REASON_LIMIT = 100

// ——— what a worker reads: 我的报名 ———

export interface MySignup {
  id: string
  event: { type: SignupEventType; id: string; title: string; place: string; eventStartsAt: IsoDateTime; eventEndsAt: IsoDateTime }
  state: SignupState
  /** 候补中: the worker's place in the queue (1 = next). */
  waitlistPosition?: number
  /** 未通过: the staffer's reason; 已取消 by the event: why it was cancelled. */
  reason?: string
  createdAt: IsoDateTime
  updatedAt: IsoDateTime
  checkedInAt?: IsoDateTime
  /** The state changed since the worker last opened 我的报名. */
  changed: boolean
  /** What the worker typed, phone masked: to recognise the sign-up, not to read it back whole. */
  fields: { name: string; phoneMasked: string; employer: string; trade?: string; years?: number }
}

/** The places of an event as a page shows them (GET /api/events/:type/:id/availability, and with each sign-up). */
export interface EventAvailability extends Availability {
  /** null: no limit. */
  remaining: number | null
  /** 「剩余 12 个名额」, 「名额已满，已有 3 人候补」 … */
  label: string
}

export function eventAvailability(availability: Availability): EventAvailability {
  return { ...availability, remaining: remainingPlaces(availability), label: availabilityLabel(availability) }
}

/** POST /api/me/signups: the event and what the worker typed. */
export interface SignupRequest extends SignupInput {
  eventType: SignupEventType
  eventId: string
}

/** The answer to a sign-up: the sign-up as 我的报名 shows it, whether it already existed, and the places now. */
export interface SignupResponse {
  signup: MySignup
  /** true: the worker already had this sign-up (a second attempt, or a retry of the same submit). */
  existing: boolean
  availability: EventAvailability
}

export const IDEMPOTENCY_KEY_REUSED: Refusal = {
  status: 409,
  code: 'IDEMPOTENCY_KEY_REUSED',
  message: '这次提交的编号已用于另一项报名，请刷新页面后重新提交'
}

// ——— what 经办 staff read ———

/** One sign-up in an event's list for 经办 staff: the phone masked (revealing it is a separate, audited request). */
export interface StaffSignup extends Versioned {
  id: string
  /** Queue number: the order sign-ups arrived in (the waitlist's order). */
  seq: number
  state: SignupState
  name: string
  phoneMasked: string
  employer: string
  trade?: string
  years?: number
  waitlistPosition?: number
  reason?: string
  createdAt: IsoDateTime
  checkedInAt?: IsoDateTime
  /** The staffer who checked the worker in by hand. */
  checkedInBy?: string
}

/** GET /api/staff/events/:type/:id/signups */
export interface StaffEventSignups {
  event: {
    type: SignupEventType
    id: string
    title: string
    place: string
    eventStartsAt: IsoDateTime
    eventEndsAt: IsoDateTime
    reviewRequired: boolean
    cancelled: boolean
  }
  availability: EventAvailability
  counts: Record<SignupState, number>
  /** Every sign-up in queue order. */
  signups: StaffSignup[]
}

/** POST /api/staff/signups/:id/review */
export interface ReviewRequest {
  approve: boolean
  /** Required when refusing: the worker reads it. */
  reason?: string
  version: number
}

/** GET /api/staff/events/:type/:id/check-in: what the 签到 screen shows, refreshed every few seconds. */
export interface CheckInScreen {
  /** 6 digits, changes every 30 s. */
  code: string
  validUntil: IsoDateTime
  /** 已签到. */
  checkedIn: number
  /** 报名成功 and 已签到: who is expected. */
  confirmed: number
  /** The mini-program page the QR code opens, with the code (no personal data). */
  path: string
}

export const REVIEW_REFUSALS = {
  notPending: { status: 409, code: 'NOT_PENDING', message: '该报名不在待审核状态，无需审核' }
} as const satisfies Record<string, Refusal>

/** A 经办 staffer's decision on a sign-up, pure: approve or refuse (with the reason) one that waits for review. */
export function reviewDecision(state: SignupState, request: Pick<ReviewRequest, 'approve'>): { state: SignupState } | { refuse: Refusal } {
  if (state !== 'pending') return { refuse: REVIEW_REFUSALS.notPending }
  return { state: request.approve ? 'confirmed' : 'rejected' }
}

export function reviewProblems(request: Pick<ReviewRequest, 'approve' | 'reason'>): FieldProblem[] {
  const { problems, check } = collector()
  const reason = request.reason?.trim() ?? ''
  if (!request.approve) check('reason', '不通过时请填写原因（报名人会看到）', reason === '')
  check('reason', `原因最多 ${REVIEW_REASON_LIMIT} 个字`, Array.from(reason).length > REVIEW_REASON_LIMIT)
  return problems
}
