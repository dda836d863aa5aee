/**
 * Skill competitions (技能竞赛): as workers read them and staff edit them, their status (from the dates, see
 * dates.ts) and the rules over what staff send. No Taro import.
 */
import { LIMITS, contactProblems, listProblems, sampleProblems, type ContactPoint, type SampleFlag, type Versioned } from './content'
import {
  SIGNUP_STATUSES,
  SIGNUP_STATUS_LABELS,
  isInstant,
  signupStatus,
  type Instant,
  type IsoDateTime,
  type SignupDates,
  type SignupStatus
} from './dates'
import { isMediaPath } from './media'
import { collector, firstItems, type FieldProblem } from './validation'

export const TRADES = ['养蜂', '家政', '电工', '叉车', '餐饮', '院前急救'] as const
export type Trade = (typeof TRADES)[number]

/** A competition's status is the sign-up-and-event status every dated event has (dates.ts), never stored. */
export const COMPETITION_STATUSES = SIGNUP_STATUSES
export type CompetitionStatus = SignupStatus
export type CompetitionDates = SignupDates
export const STATUS_LABELS: Record<CompetitionStatus, string> = SIGNUP_STATUS_LABELS

export function competitionStatus(dates: CompetitionDates, now: Instant = Date.now()): CompetitionStatus {
  return signupStatus(dates, now)
}

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

// ——— as staff edit it ———

export interface StaffCompetition extends Competition, Versioned {}
export interface StaffCompetitionSummary extends CompetitionSummary, Versioned {}

export interface CompetitionInput extends CompetitionDates {
  title: string
  trade: Trade
  summary: string
  cover: string | null
  venue: string
  organizer: string
  quota: number | null
  schedule: ScheduleItem[]
  rules: string[]
  awards: AwardTier[]
  results: ResultEntry[]
  contact: ContactPoint | null
  /** Unticking it marks a sample record as replaced by real facts: the 「示例」 tag goes. */
  sample: boolean
  sampleNote: string | null
}

export interface CompetitionUpdate extends CompetitionInput {
  version: number
}

// ——— rules ———

const DATE_FIELDS = [
  ['signupStartsAt', '报名开始时间'],
  ['signupEndsAt', '报名截止时间'],
  ['eventStartsAt', '比赛开始时间'],
  ['eventEndsAt', '比赛结束时间']
] as const

export function competitionInputProblems(input: CompetitionInput): FieldProblem[] {
  const { problems, check, text } = collector()
  text('title', '标题', input.title, { required: true, max: LIMITS.title })
  check('trade', '请选择工种', !(TRADES as readonly string[]).includes(input.trade))
  text('summary', '简介', input.summary, { required: true, max: LIMITS.summary })
  check('cover', '封面图片无效，请重新上传', input.cover !== null && !isMediaPath(input.cover))
  for (const [field, label] of DATE_FIELDS) check(field, `请填写有效的${label}`, !isInstant(input[field]))
  if (DATE_FIELDS.every(([field]) => isInstant(input[field]))) {
    const at = (field: keyof CompetitionDates) => Date.parse(input[field])
    check('signupEndsAt', '报名截止时间不能早于报名开始时间', at('signupEndsAt') < at('signupStartsAt'))
    check('eventStartsAt', '比赛开始时间不能早于报名开始时间', at('eventStartsAt') < at('signupStartsAt'))
    check('eventEndsAt', '比赛结束时间不能早于比赛开始时间', at('eventEndsAt') < at('eventStartsAt'))
  }
  text('venue', '地点', input.venue, { required: true, max: LIMITS.venue })
  text('organizer', '主办单位', input.organizer, { required: true, max: LIMITS.organizer })
  check(
    'quota',
    `名额需为 1–${LIMITS.quota} 的整数，不限名额请留空`,
    input.quota !== null && !(Number.isInteger(input.quota) && input.quota >= 1 && input.quota <= LIMITS.quota)
  )
  check('schedule', `日程最多 ${LIMITS.listItems} 项`, input.schedule.length > LIMITS.listItems)
  firstItems(input.schedule, LIMITS.listItems).forEach((item, index) => {
    check(`schedule.${index}.at`, `日程第 ${index + 1} 项的时间无效`, !isInstant(item.at))
    text(`schedule.${index}.title`, `日程第 ${index + 1} 项的内容`, item.title, { required: true, max: LIMITS.resultField })
  })
  listProblems(check, 'rules', '规则', input.rules, false)
  check('awards', `奖项最多 ${LIMITS.listItems} 项`, input.awards.length > LIMITS.listItems)
  firstItems(input.awards, LIMITS.listItems).forEach((award, index) => {
    text(`awards.${index}.title`, `奖项第 ${index + 1} 项的名称`, award.title, { required: true, max: LIMITS.resultField })
    text(`awards.${index}.description`, `奖项第 ${index + 1} 项的说明`, award.description, { required: true, max: LIMITS.listItem })
  })
  check('results', `成绩最多 ${LIMITS.results} 条`, input.results.length > LIMITS.results)
  firstItems(input.results, LIMITS.results).forEach((entry, index) => {
    const label = `成绩第 ${index + 1} 条`
    text(`results.${index}.rank`, `${label}的名次`, entry.rank, { required: true, max: LIMITS.resultField })
    text(`results.${index}.name`, `${label}的姓名`, entry.name, { required: true, max: LIMITS.resultField })
    if (entry.unit !== undefined) text(`results.${index}.unit`, `${label}的单位`, entry.unit, { max: LIMITS.organizer })
    if (entry.award !== undefined) text(`results.${index}.award`, `${label}的称号`, entry.award, { max: LIMITS.resultField })
  })
  if (input.contact !== null) contactProblems(check, 'contact', input.contact)
  sampleProblems(input, check)
  return problems
}
