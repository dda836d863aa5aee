/**
 * 经办 (and 管理员) and an event's sign-ups (docs/staff-api.md): the list with phones masked, review, revealing one
 * number (audited), check-in by hand (audited) and the 签到 screen. The CSV export is a file, not JSON: it is fetched
 * by src/packages/staff/components/staff-file.ts. Every call through staffRequest.
 */
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
