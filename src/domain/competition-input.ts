/** Competitions as staff edit them: what the editor sends and the rules over it. No Taro import. */
import { LIMITS, contactProblems, listProblems, sampleProblems, type ContactPoint, type Versioned } from './content'
import { isInstant } from './dates'
import { isMediaPath } from './media'
import {
  TRADES,
  type AwardTier,
  type Competition,
  type CompetitionDates,
  type CompetitionSummary,
  type ResultEntry,
  type ScheduleItem,
  type Trade
} from './competitions'
import { collector, firstItems, type FieldProblem } from './validation'

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
