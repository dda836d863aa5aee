/**
 * 经办 (and 管理员) and an event's sign-ups (docs/staff-api.md): the list with phones masked, review, revealing one
 * number (audited), check-in by hand (audited) and the 签到 screen. The CSV export is a file, not JSON: it is fetched
 * by src/packages/staff/components/staff-file.ts. Every call through staffRequest.
 */
import { ACTIVITY_KIND_LABELS, type ActivitySummary } from '@/domain/activities'
import type { CompetitionSummary } from '@/domain/competitions'
import type { SignupDates } from '@/domain/dates'
import type { Page } from '@/domain/paging'
import type { SignupEventType } from '@/domain/signup-events'
import type { CheckInScreen, ReviewRequest, StaffEventSignups, StaffSignup } from '@/domain/signups'
import { staffRequest } from './request'

export interface EventRef {
  type: SignupEventType
  id: string
}

const eventPath = ({ type, id }: EventRef) => `/api/staff/events/${encodeURIComponent(type)}/${encodeURIComponent(id)}`
const signupPath = (id: string) => `/api/staff/signups/${encodeURIComponent(id)}`

/** Counts per state and every sign-up in queue order, phones masked. */
export function getEventSignups(event: EventRef): Promise<StaffEventSignups> {
  return staffRequest<StaffEventSignups>('GET', `${eventPath(event)}/signups`)
}

/** Where the export is fetched from (with the session header; never a link with the token in it). */
export function signupsCsvPath(event: EventRef): string {
  return `${eventPath(event)}/signups.csv`
}

/** 通过 / 不通过 (the reason is required to refuse: the worker reads it). */
export function reviewSignup(id: string, request: ReviewRequest): Promise<StaffSignup> {
  return staffRequest<StaffSignup>('POST', `${signupPath(id)}/review`, { body: request })
}

/** One full number, for a call: written to the audit log. */
export async function revealPhone(id: string): Promise<string> {
  return (await staffRequest<{ phone: string }>('POST', `${signupPath(id)}/reveal-phone`)).phone
}

/** 人工签到 for a worker who cannot scan (audited). */
export function checkInByHand(id: string): Promise<StaffSignup> {
  return staffRequest<StaffSignup>('POST', `${signupPath(id)}/check-in`)
}

/** The code of this 30 s, the page the QR code opens, and how many are in. */
export function getCheckInScreen(event: EventRef): Promise<CheckInScreen> {
  return staffRequest<CheckInScreen>('GET', `${eventPath(event)}/check-in`)
}

/** An event on the 报名与签到 list: an activity or a competition, with what tells them apart at a glance. */
export interface SignupEventItem extends EventRef, SignupDates {
  title: string
  place: string
  /** 「女职工流动课堂」, or the competition's trade. */
  label: string
  cancelled: boolean
}

/** The worker lists are paged; 经办 see every event at once (tens a year): pages are read until the last. */
const MAX_PAGES = 25

async function everyPage<T>(path: string): Promise<T[]> {
  const items: T[] = []
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const answer = await staffRequest<Page<T>>('GET', path, { query: { page } })
    items.push(...answer.items)
    if (!answer.hasMore) break
  }
  return items
}

/**
 * Every activity and competition, from the worker lists (what workers can sign up for; 经办 have no editor list):
 * those still to come or under way first, soonest first, then the ended ones, latest first.
 */
export async function listSignupEvents(now: number): Promise<SignupEventItem[]> {
  const [activities, competitions] = await Promise.all([everyPage<ActivitySummary>('/api/activities'), everyPage<CompetitionSummary>('/api/competitions')])
  const events: SignupEventItem[] = [
    ...activities.map((item) => ({
      ...datesOf(item),
      type: 'activity' as const,
      id: item.id,
      title: item.title,
      place: item.place,
      label: ACTIVITY_KIND_LABELS[item.kind],
      cancelled: item.cancelled !== undefined
    })),
    ...competitions.map((item) => ({
      ...datesOf(item),
      type: 'competition' as const,
      id: item.id,
      title: item.title,
      place: item.venue,
      label: item.trade,
      cancelled: false
    }))
  ]
  const ended = (event: SignupEventItem) => Date.parse(event.eventEndsAt) < now
  return events.sort((a, b) => {
    if (ended(a) !== ended(b)) return ended(a) ? 1 : -1
    const order = Date.parse(a.eventStartsAt) - Date.parse(b.eventStartsAt)
    return ended(a) ? -order : order
  })
}

function datesOf(dates: SignupDates): SignupDates {
  return { signupStartsAt: dates.signupStartsAt, signupEndsAt: dates.signupEndsAt, eventStartsAt: dates.eventStartsAt, eventEndsAt: dates.eventEndsAt }
}

/** The event's title for the 签到屏, from the worker route (public, nothing personal). */
export async function getEventTitle(event: EventRef): Promise<string> {
  const path = `/api/${event.type === 'activity' ? 'activities' : 'competitions'}/${encodeURIComponent(event.id)}`
  return (await staffRequest<{ title: string }>('GET', path)).title
}

/**
 * What the QR code on the 签到屏 carries: the check-in page's full web address with the event and the code (no
 * personal data). A phone's camera opens it in the browser (the H5 app is served by the API's own origin); in
 * WeChat 「扫码签到」 (Taro.scanCode) reads the same address and takes the event and the code from its query.
 */
export function checkInAddress(path: string, origin: string): string {
  return `${origin.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}
