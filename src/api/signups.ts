/**
 * Sign-ups, on the one request client: the event the form signs up for, and
 * the worker's own sign-ups (signed in silently through me.ts). What the worker typed goes in request bodies only.
 */
import type { Activity } from '@/domain/activities'
import type { Competition } from '@/domain/competitions'
import type { SignupDates } from '@/domain/dates'
import { EXTRA_FIELDS_OF, type SignupEventType, type SignupExtraField } from '@/domain/signup-events'
import type { EventAvailability, MySignup, SignupRequest, SignupResponse } from '@/domain/signups'
import type { SubscribeTemplateIds, SubscriptionsResponse } from '@/domain/subscribe-message'
import { get, type Loaded } from './client'
import { fetchCompetition } from './competitions'
import { workerRequest } from './me'

/** What the sign-up form shows of the event it signs up for. */
export interface SignupEventInfo {
  type: SignupEventType
  id: string
  title: string
  place: string
  dates: SignupDates
  reviewRequired: boolean
  /** Staff called it off: why. */
  cancelledReason?: string
  extraFields: readonly SignupExtraField[]
  /** Competitions: their trade, offered as the worker's 工种 when the form has none yet. */
  trade?: string
}

const datesOf = (event: SignupDates): SignupDates => ({
  signupStartsAt: event.signupStartsAt,
  signupEndsAt: event.signupEndsAt,
  eventStartsAt: event.eventStartsAt,
  eventEndsAt: event.eventEndsAt
})

/** The event, read like any page reads it (kept for offline, no identity). */
export async function fetchSignupEvent(type: SignupEventType, id: string): Promise<Loaded<SignupEventInfo>> {
  if (type === 'competition') {
    const loaded = await fetchCompetition(id)
    const competition: Competition = loaded.data
    return {
      ...loaded,
      data: {
        type,
        id,
        title: competition.title,
        place: competition.venue,
        dates: datesOf(competition),
        reviewRequired: false,
        extraFields: EXTRA_FIELDS_OF.competition,
        trade: competition.trade
      }
    }
  }
  const loaded = await get<Activity>(`/api/activities/${encodeURIComponent(id)}`)
  const activity = loaded.data
  return {
    ...loaded,
    data: {
      type,
      id,
      title: activity.title,
      place: activity.place,
      dates: datesOf(activity),
      reviewRequired: activity.reviewRequired,
      ...(activity.cancelled ? { cancelledReason: activity.cancelled.reason } : {}),
      extraFields: EXTRA_FIELDS_OF.activity
    }
  }
}

/** The subscribe-message template ids the submit tap asks for (none when the server has none configured). */
export function fetchTemplateIds(): Promise<Loaded<SubscribeTemplateIds>> {
  return get<SubscribeTemplateIds>('/api/notifications/templates')
}

export function submitSignup(request: SignupRequest): Promise<SignupResponse> {
  return workerRequest<SignupResponse>('POST', '/api/me/signups', { body: request })
}

export function reportSubscriptions(accepted: string[]): Promise<SubscriptionsResponse> {
  return workerRequest<SubscriptionsResponse>('POST', '/api/me/subscriptions', { body: { accepted } })
}

/** 我的报名 (reading it clears the 「有更新」 marks on the server for next time). */
export async function fetchMySignups(): Promise<Loaded<MySignup[]>> {
  return { data: await workerRequest<MySignup[]>('GET', '/api/me/signups'), offline: false, source: 'network' }
}

export function cancelSignup(id: string): Promise<{ signup: MySignup; availability: EventAvailability }> {
  return workerRequest('POST', `/api/me/signups/${encodeURIComponent(id)}/cancel`)
}

export function checkIn(id: string, code: string): Promise<{ signup: MySignup; availability: EventAvailability }> {
  return workerRequest('POST', `/api/me/signups/${encodeURIComponent(id)}/check-in`, { body: { code } })
}
