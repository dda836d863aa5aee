/**
 * Opening hours of service stations: is it open now, and what the worker reads about it. Beijing wall-clock time
 * (dates.ts), so the phone's own time zone never matters. No Taro import; the stations subpackage imports this file
 * by path (the app's main package never imports the barrel, to keep the first load small).
 */
import { WEEKDAY_LABELS, addDays, beijingClock, formatCalendarDate, weekdayOf } from './dates'
import type { HolidayDate, OpeningHours, OpeningInterval, SummerCampaign } from './stations'

const DAY_MINUTES = 24 * 60
/** How far ahead 「已关门 · 周三 08:00 开门」 looks for the next opening. */
const LOOK_AHEAD_DAYS = 7

export type OpenState = { status: 'open' | 'closed' | 'suspended'; label: string }

export interface HoursTableRow {
  label: string
  text: string
  today: boolean
  /**
   * How the today row is marked: 「今天」, or 「今天调休」 on a 调休 workday, where the marked row is Monday's (its
   * hours apply) although today is not Monday: plain 「周一（今天）」 would tell an older worker it is Monday.
   */
  todayMark?: string
}

export interface HoursTable {
  rows: HoursTableRow[]
  todayNote?: string
}

const pad = (value: number) => String(value).padStart(2, '0')

export function isClockTime(value: string, { allow24 = false }: { allow24?: boolean } = {}): boolean {
  if (typeof value !== 'string') return false
  if (allow24 && value === '24:00') return true
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
}

/** Minutes since midnight; NaN for anything that is not a clock time (so a bad interval is skipped, not trusted). */
function minutesOf(time: string, allow24: boolean): number {
  if (!isClockTime(time, { allow24 })) return Number.NaN
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

function clockOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/**
 * An interval as minutes from the midnight of the day it starts; end may pass 24:00 (it runs into the next day).
 * Undefined for an interval whose times are not clock times.
 */
export function intervalSpan(interval: OpeningInterval): { start: number; end: number } | undefined {
  const start = minutesOf(interval?.open, false)
  const close = minutesOf(interval?.close, true)
  if (Number.isNaN(start) || Number.isNaN(close)) return undefined
  return { start, end: close <= start ? close + DAY_MINUTES : close }
}

function isWholeDay(interval: OpeningInterval): boolean {
  return interval.open === '00:00' && (interval.close === '24:00' || interval.close === '00:00')
}

function holidayOn(date: string, holidays: HolidayDate[]): HolidayDate | undefined {
  return holidays.find((holiday) => holiday.date === date)
}

export function dayKind(date: string, holidays: HolidayDate[]): 'holiday' | 'workday' | 'normal' {
  return holidayOn(date, holidays)?.kind ?? 'normal'
}

export function intervalsOn(hours: OpeningHours, date: string, holidays: HolidayDate[]): OpeningInterval[] {
  const kind = dayKind(date, holidays)
  const weekday = kind === 'workday' ? 0 : weekdayOf(date)
  const weekdayHours = hours.week[weekday] ?? []
  if (kind === 'holiday') return hours.holiday ?? weekdayHours
  return weekdayHours
}

/**
 * Every opening from the day before yesterday to the end of the look-ahead, as minutes from today's midnight, with
 * touching or overlapping ones merged: 「全天开放」 two days running is one stretch, not a close at midnight.
 */
function openStretches(hours: OpeningHours, today: string, holidays: HolidayDate[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  for (let offset = -2; offset <= LOOK_AHEAD_DAYS + 1; offset++) {
    for (const interval of intervalsOn(hours, addDays(today, offset), holidays)) {
      const span = intervalSpan(interval)
      if (span) spans.push({ start: span.start + offset * DAY_MINUTES, end: span.end + offset * DAY_MINUTES })
    }
  }
  spans.sort((a, b) => a.start - b.start)
  const merged: { start: number; end: number }[] = []
  for (const span of spans) {
    const last = merged[merged.length - 1]
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ ...span })
  }
  return merged
}

/** 「今天」「明天」「周三」「下周三」 for a day 0–7 days ahead. */
function dayWord(today: string, offset: number): string {
  if (offset === 0) return '今天'
  if (offset === 1) return '明天'
  const label = WEEKDAY_LABELS[weekdayOf(addDays(today, offset))]
  return offset >= 7 ? `下${label}` : label
}

function closingLabel(stretch: { start: number; end: number }): string {
  if (stretch.start <= 0 && stretch.end >= DAY_MINUTES) return '营业中 · 全天开放'
  if (stretch.end <= DAY_MINUTES) return `营业中 · ${clockOf(stretch.end)} 关门`
  if (stretch.end <= 2 * DAY_MINUTES) return `营业中 · 次日 ${clockOf(stretch.end - DAY_MINUTES)} 关门`
  return '营业中 · 明天全天开放'
}

export function openState(station: { hours: OpeningHours; closedReason?: string }, holidays: HolidayDate[], now: Date): OpenState {
  if (station.closedReason) return { status: 'suspended', label: '暂停开放' }
  const { date, minutes } = beijingClock(now)
  const stretches = openStretches(station.hours, date, holidays)
  const current = stretches.find((stretch) => stretch.start <= minutes && minutes < stretch.end)
  if (current) return { status: 'open', label: closingLabel(current) }
  const next = stretches.find((stretch) => stretch.start > minutes)
  if (next) {
    const offset = Math.floor(next.start / DAY_MINUTES)
    if (offset <= LOOK_AHEAD_DAYS) {
      return {
        status: 'closed',
        label: `已关门 · ${dayWord(date, offset)} ${clockOf(next.start - offset * DAY_MINUTES)} 开门`
      }
    }
  }
  return { status: 'closed', label: '已关门' }
}

export function formatIntervals(intervals: OpeningInterval[]): string {
  if (!intervals || intervals.length === 0) return '休息'
  return [...intervals]
    .sort((a, b) => (a.open < b.open ? -1 : a.open > b.open ? 1 : 0))
    .map((interval) => {
      if (isWholeDay(interval)) return '全天开放'
      const overnight = interval.close !== '24:00' && interval.close <= interval.open
      return `${interval.open}–${overnight ? '次日' : ''}${interval.close}`
    })
    .join('、')
}

export function hoursTable(hours: OpeningHours, holidays: HolidayDate[], now: Date): HoursTable {
  const { date, weekday } = beijingClock(now)
  const holiday = holidayOn(date, holidays)
  const todayRow = holiday?.kind === 'holiday' ? 7 : holiday?.kind === 'workday' ? 0 : weekday
  const todayMark = holiday?.kind === 'workday' ? '今天调休' : '今天'
  const row = (label: string, text: string, index: number): HoursTableRow =>
    index === todayRow ? { label, text, today: true, todayMark } : { label, text, today: false }
  const rows = WEEKDAY_LABELS.map((label, index) => row(label, formatIntervals(hours.week[index] ?? []), index))
  rows.push(row('法定节假日', hours.holiday === null ? '同平日' : formatIntervals(hours.holiday), 7))
  if (holiday?.kind === 'holiday') return { rows, todayNote: `今天是${holiday.name}（法定节假日）` }
  if (holiday?.kind === 'workday') return { rows, todayNote: '今天调休上班（按周一时间开放）' }
  return { rows }
}

export function isSummerCampaignOn(campaign: SummerCampaign | null, now: Date): boolean {
  if (!campaign) return false
  const { date } = beijingClock(now)
  return campaign.startsOn <= date && date <= campaign.endsOn
}

/** 营业中 / 已关门 … as the card and the station page say it; a suspended station with its staff's reason. */
export function openStateText(open: OpenState, closedReason?: string): string {
  return open.status === 'suspended' && closedReason ? `${open.label}：${closedReason}` : open.label
}

/** 「7月1日至8月31日」: the year only where the campaign crosses one. */
export function summerCampaignDates(campaign: SummerCampaign): string {
  const sameYear = campaign.startsOn.slice(0, 4) === campaign.endsOn.slice(0, 4)
  return `${formatCalendarDate(campaign.startsOn)}至${formatCalendarDate(campaign.endsOn, { withYear: !sameYear })}`
}
