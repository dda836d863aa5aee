/**
 * What the sign-up mechanism needs of anything a worker can sign up for — an activity or a competition — in one
 * shape, so the one mechanism serves both. No Taro import.
 */
import type { SignupDates } from './dates'

export const SIGNUP_EVENT_TYPES = ['activity', 'competition'] as const
export type SignupEventType = (typeof SIGNUP_EVENT_TYPES)[number]

/** Fields a sign-up form asks beyond name, phone and employer: competitions also ask the trade and years in it. */
export const SIGNUP_EXTRA_FIELDS = ['trade', 'years'] as const
export type SignupExtraField = (typeof SIGNUP_EXTRA_FIELDS)[number]

export interface SignupEvent {
  type: SignupEventType
  id: string
  title: string
  place: string
  dates: SignupDates
  /** null: no limit on places. */
  capacity: number | null
  reviewRequired: boolean
  cancelled: boolean
  extraFields: SignupExtraField[]
}

/** What each kind of event asks beyond name, phone and employer (the event records say the same: extraFields). */
export const EXTRA_FIELDS_OF: Record<SignupEventType, readonly SignupExtraField[]> = {
  activity: [],
  competition: ['trade', 'years']
}

export function isSignupEventType(value: string | undefined): value is SignupEventType {
  return (SIGNUP_EVENT_TYPES as readonly string[]).includes(value ?? '')
}
