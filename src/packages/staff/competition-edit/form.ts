/**
 * The competition editor's form: what the staffer edits, and how it becomes the CompetitionInput the API and
 * competitionInputProblems take. Dates are kept as the day and time picked (Beijing time) so a half-picked date is
 * named by the validator rather than lost. No Taro import.
 */
import type { CompetitionInput, StaffCompetition } from '@/domain/competition-input'
import type { AwardTier, Trade } from '@/domain/competitions'
import { beijingDate } from '@/domain/dates'
import { instantOf, partsOf, type DateTimeParts } from '../editor-kit/beijing-time'
import { commonFormOf, commonInputOf, optional, type EventFormCommon } from '../editor-kit/event-form'

/** A kept draft back into a form, field by field where the shape still fits. */
export { formOfDraft } from '../editor-kit/event-form'

export interface ScheduleRow {
  at: DateTimeParts
  title: string
}

/** Optional texts as typed; empty ones are left out of what is sent. */
export interface ResultRow {
  rank: string
  name: string
  unit: string
  award: string
}

export interface CompetitionForm extends EventFormCommon {
  title: string
  /** '' until picked: no trade is chosen for the staffer. */
  trade: Trade | ''
  summary: string
  cover: string | null
  venue: string
  organizer: string
  /** As typed; empty = 不限名额. */
  quota: string
  schedule: ScheduleRow[]
  rules: string[]
  awards: AwardTier[]
  results: ResultRow[]
}

export const DATE_FIELDS = [
  ['signupStartsAt', '报名开始'],
  ['signupEndsAt', '报名截止'],
  ['eventStartsAt', '比赛开始'],
  ['eventEndsAt', '比赛结束']
] as const

/** The two titles 密云区总工会 awards, offered as quick additions. */
export const AWARD_PRESETS: AwardTier[] = [
  { title: '密云工匠', description: '密云区总工会评选的技能人才荣誉。' },
  { title: '密云能手', description: '密云区总工会评选的技能人才荣誉。' }
]

export const emptyResult = (): ResultRow => ({ rank: '', name: '', unit: '', award: '' })

/**
 * A new competition opens with dates a staffer usually picks anyway — sign-up from tomorrow for two weeks, the
 * contest a week after — so four pickers need adjusting rather than filling from nothing.
 */
export function emptyForm(now: number): CompetitionForm {
  const day = (days: number) => beijingDate(now, days)
  return {
    title: '',
    trade: '',
    summary: '',
    cover: null,
    signupStartsAt: { date: day(1), time: '09:00' },
    signupEndsAt: { date: day(14), time: '17:00' },
    eventStartsAt: { date: day(21), time: '09:00' },
    eventEndsAt: { date: day(21), time: '17:00' },
    venue: '',
    organizer: '密云区总工会',
    quota: '',
    schedule: [],
    rules: [],
    awards: [],
    results: [],
    contact: { name: '', phone: '', hours: '' },
    sample: false,
    sampleNote: ''
  }
}

export function formOf(competition: StaffCompetition | undefined, now: number): CompetitionForm {
  if (!competition) return emptyForm(now)
  return {
    ...commonFormOf(competition),
    title: competition.title,
    trade: competition.trade,
    summary: competition.summary,
    cover: competition.cover ?? null,
    venue: competition.venue,
    organizer: competition.organizer,
    quota: competition.quota === undefined ? '' : String(competition.quota),
    schedule: competition.schedule.map((item) => ({ at: partsOf(item.at), title: item.title })),
    rules: [...competition.rules],
    awards: competition.awards.map((award) => ({ ...award })),
    results: competition.results.map((entry) => ({ rank: entry.rank, name: entry.name, unit: entry.unit ?? '', award: entry.award ?? '' }))
  }
}

export function inputOf(form: CompetitionForm): CompetitionInput {
  const quota = form.quota.trim()
  return {
    ...commonInputOf(form),
    title: form.title,
    // '' (nothing picked yet) is passed on as it is: competitionInputProblems refuses it with 「请选择工种」
    // before anything is sent.
    trade: form.trade as Trade,
    summary: form.summary,
    cover: form.cover,
    venue: form.venue,
    organizer: form.organizer,
    // Anything but a whole number in range is refused by name (「名额需为 1–100000 的整数…」).
    quota: quota === '' ? null : Number(quota),
    schedule: form.schedule.map((row) => ({ at: instantOf(row.at), title: row.title })),
    rules: form.rules,
    awards: form.awards,
    results: form.results.map((row) => {
      const unit = optional(row.unit)
      const award = optional(row.award)
      return { rank: row.rank.trim(), name: row.name.trim(), ...(unit ? { unit } : {}), ...(award ? { award } : {}) }
    })
  }
}
