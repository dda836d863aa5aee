/**
 * Skill competitions (技能竞赛) as workers read them, and their status (from the dates, see dates.ts); what staff
 * send and the rules over it are in competition-input.ts. No Taro import.
 */
import type { ContactPoint, SampleFlag } from './content'
import { SIGNUP_STATUSES, SIGNUP_STATUS_LABELS, signupStatus, type IsoDateTime, type SignupDates, type SignupStatus } from './dates'

export const TRADES = ['养蜂', '家政', '电工', '叉车', '餐饮', '院前急救'] as const
export type Trade = (typeof TRADES)[number]

/** A competition's status is the sign-up-and-event status every dated event has (dates.ts), never stored. */
export const COMPETITION_STATUSES = SIGNUP_STATUSES
export type CompetitionStatus = SignupStatus
export type CompetitionDates = SignupDates
export const STATUS_LABELS: Record<CompetitionStatus, string> = SIGNUP_STATUS_LABELS

export const competitionStatus = signupStatus

export interface ScheduleItem {
  at: IsoDateTime
  title: string
}

export interface AwardTier {
  /** e.g. 「密云工匠」 or 「密云能手」 */
  title: string
  description: string
}

export interface ResultEntry {
  rank: string
  name: string
  unit?: string
  award?: string
}

export interface CompetitionSummary extends SampleFlag, CompetitionDates {
  id: string
  title: string
  trade: Trade
  summary: string
  cover?: string
  venue: string
  /** Derived from the dates by competitionStatus(); never stored. */
  status: CompetitionStatus
}

export interface Competition extends CompetitionSummary {
  organizer: string
  quota?: number
  schedule: ScheduleItem[]
  rules: string[]
  awards: AwardTier[]
  results: ResultEntry[]
  contact?: ContactPoint
}
