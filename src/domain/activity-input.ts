/** Activities as staff edit them: what the editor sends, the cancellation, and the rules over both. No Taro import. */
import { LIMITS, contactProblems, sampleProblems, type ContactPoint, type Versioned } from './content'
import { isInstant, type SignupDates } from './dates'
import { isMediaPath } from './media'
import { blockProblems } from './news-input'
import type { Block } from './news'
import { ACTIVITY_KINDS, type Activity, type ActivityKind, type ActivitySummary } from './activities'
import { isStationCode } from './stations'
import { collector, type FieldProblem } from './validation'

export interface StaffActivity extends Activity, Versioned {}
export interface StaffActivitySummary extends ActivitySummary, Versioned {}

export interface ActivityInput extends SignupDates {
  title: string
  kind: ActivityKind
  summary: string
  /** A /media/… path from an upload; null: no cover. */
  cover: string | null
  place: string
  /** The station's short code when it takes place at one; the server checks that the station exists. */
  stationCode: string | null
  capacity: number
  eligibility: string
  womenOnly: boolean
  reviewRequired: boolean
  blocks: Block[]
  contact: ContactPoint | null
  /** Unticking it marks a sample record as replaced by real facts: the 「示例」 tag goes. */
  sample: boolean
  sampleNote: string | null
}

export interface ActivityUpdate extends ActivityInput {
  version: number
}

/** Calling an activity off: the version the editor loaded and the reason workers are told. */
export interface ActivityCancelRequest {
  version: number
  reason: string
}

// ——— rules ———

/** A sign-up window or an event longer than this is a typo (a wrong year), not a plan. */
export const MAX_ACTIVITY_SPAN_DAYS = 366
const DAY_MS = 24 * 60 * 60 * 1000

export const ACTIVITY_DATE_LABELS: Record<keyof SignupDates, string> = {
  signupStartsAt: '报名开始时间',
  signupEndsAt: '报名截止时间',
  eventStartsAt: '活动开始时间',
  eventEndsAt: '活动结束时间'
}

const DATE_FIELDS = Object.keys(ACTIVITY_DATE_LABELS) as (keyof SignupDates)[]

export function activityInputProblems(input: ActivityInput): FieldProblem[] {
  const { problems, check, text } = collector()
  text('title', '标题', input.title, { required: true, max: LIMITS.title, lines: 'one' })
  check('kind', '请选择活动类型', !(ACTIVITY_KINDS as readonly string[]).includes(input.kind))
  text('summary', '简介', input.summary, { required: true, max: LIMITS.summary })
  check('cover', '封面图片无效，请重新上传', input.cover !== null && !isMediaPath(input.cover))
  for (const field of DATE_FIELDS) check(field, `请填写有效的${ACTIVITY_DATE_LABELS[field]}`, !isInstant(input[field]))
  if (DATE_FIELDS.every((field) => isInstant(input[field]))) {
    const at = (field: keyof SignupDates) => Date.parse(input[field])
    check('signupEndsAt', '报名截止时间应晚于报名开始时间', at('signupEndsAt') <= at('signupStartsAt'))
    check('eventStartsAt', '活动开始时间不能早于报名截止时间', at('eventStartsAt') < at('signupEndsAt'))
    check('eventEndsAt', '活动结束时间应晚于活动开始时间', at('eventEndsAt') <= at('eventStartsAt'))
    check('signupEndsAt', `报名时间不能超过 ${MAX_ACTIVITY_SPAN_DAYS} 天`, at('signupEndsAt') - at('signupStartsAt') > MAX_ACTIVITY_SPAN_DAYS * DAY_MS)
    check('eventEndsAt', `活动时间不能超过 ${MAX_ACTIVITY_SPAN_DAYS} 天`, at('eventEndsAt') - at('eventStartsAt') > MAX_ACTIVITY_SPAN_DAYS * DAY_MS)
  }
  text('place', '地点', input.place, { required: true, max: LIMITS.venue, lines: 'one' })
  check('stationCode', '服务站点编码应为 6 位字母或数字，不在站点举办请留空', input.stationCode !== null && !isStationCode(input.stationCode))
  check('capacity', `名额需为 1–${LIMITS.capacity} 的整数`, !(Number.isInteger(input.capacity) && input.capacity >= 1 && input.capacity <= LIMITS.capacity))
  text('eligibility', '参加对象', input.eligibility, { required: true, max: LIMITS.eligibility })
  blockProblems(input.blocks, check)
  if (input.contact !== null) contactProblems(check, 'contact', input.contact)
  sampleProblems(input, check)
  return problems
}

export function activityCancelProblems(request: ActivityCancelRequest): FieldProblem[] {
  const { problems, text } = collector()
  text('reason', '取消原因', request.reason, { required: true, max: LIMITS.cancelReason })
  return problems
}
