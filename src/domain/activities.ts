/**
 * Activities (活动) as workers read them: 女职工流动课堂, 单身职工联谊, 职工健康讲堂, 工匠学院课程 and the rest, each with a
 * sign-up window, an event time, a place and a number of places. Their status is the sign-up-and-event status every
 * dated event has (dates.ts), never stored; a cancellation by staff is stored with its reason. What staff send and the
 * rules over it are in activity-input.ts. No Taro import.
 */
import type { ContactPoint, SampleFlag } from './content'
import { SIGNUP_STATUSES, SIGNUP_STATUS_LABELS, signupStatus, type IsoDateTime, type SignupDates, type SignupStatus } from './dates'
import type { Block } from './news'
import type { ServiceSlug } from './services'

export const ACTIVITY_KINDS = ['women-class', 'singles', 'health', 'craftsman', 'sports', 'reading', 'volunteer'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  'women-class': '女职工流动课堂',
  singles: '单身职工联谊',
  health: '职工健康讲堂',
  craftsman: '工匠学院课程',
  sports: '文体活动',
  reading: '读书分享会',
  volunteer: '志愿服务'
}

/**
 * The 首页 quick services whose explainer leads to activities of one kind (女职工课堂 → 女职工流动课堂 …): their service
 * page lists that kind's coming activities under the explainer.
 */
export const SERVICE_ACTIVITY_KINDS: Partial<Record<ServiceSlug, ActivityKind>> = {
  'women-classroom': 'women-class',
  'singles-events': 'singles',
  'health-classes': 'health'
}

export const ACTIVITY_STATUSES = SIGNUP_STATUSES
export type ActivityStatus = SignupStatus
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = SIGNUP_STATUS_LABELS

/** Derived from the dates (signupStatus), never stored. */
export const activityStatus = signupStatus

/** Staff called the activity off: when, and why (shown to workers and sent to everyone signed up). */
export interface ActivityCancellation {
  at: IsoDateTime
  reason: string
}

export interface ActivitySummary extends SampleFlag, SignupDates {
  id: string
  title: string
  kind: ActivityKind
  summary: string
  cover?: string
  /** Where it takes place, in words (「密云区职工服务中心三层活动室」). */
  place: string
  /** The service station it takes place at, when it is one (its short code, as on the station's poster). */
  stationCode?: string
  /** How many can take part (1–10000). */
  capacity: number
  /** Only 女职工 may sign up. */
  womenOnly: boolean
  /** Sign-ups wait for a 经办's approval (待审核) instead of being confirmed at once. */
  reviewRequired: boolean
  cancelled?: ActivityCancellation
  /** Derived from the dates by activityStatus(); never stored. */
  status: ActivityStatus
}

export interface Activity extends ActivitySummary {
  /** Who may take part, in words (「在密云区工作的单身职工，年龄 22–40 岁」). */
  eligibility: string
  blocks: Block[]
  contact?: ContactPoint
}

/** Whether a worker can sign up now: the window is open and staff have not called it off. */
export function isOpenForSignup(activity: Pick<ActivitySummary, 'status' | 'cancelled'>): boolean {
  return activity.status === 'signup' && activity.cancelled === undefined
}
