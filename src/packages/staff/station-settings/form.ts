/**
 * The station settings form: the holiday calendar every station's 「法定节假日」 rule follows, and the 夏送清凉 period
 * in which stations show their summer offer. No Taro import.
 */
import { WEEKDAY_LABELS, addDays, isCalendarDate, weekdayOf } from '@/domain/dates'
import type { StaffStationSettings, StationSettings } from '@/domain/station-input'
import type { HolidayDate } from '@/domain/stations'

export const HOLIDAY_KINDS = ['holiday', 'workday'] as const satisfies readonly HolidayDate['kind'][]
/** As a row shows them: short, so a date is one line. */
export const HOLIDAY_KIND_LABELS: Record<HolidayDate['kind'], string> = { holiday: '放假', workday: '调休上班' }

/** The longest run 「添加连续几天」 takes: 春节 is 8 or 9 days, a month is plenty. */
export const MAX_RUN_DAYS = 31

export interface SettingsForm {
  holidays: HolidayDate[]
  /** Whether there is a 夏送清凉 period at all (null to the API when not). */
  summerOn: boolean
  summerStartsOn: string
  summerEndsOn: string
  summerSample: boolean
}

/** What 夏送清凉 usually spans in Beijing (the hottest weeks), to adjust rather than pick from nothing. */
function usualSummer(year: number): { startsOn: string; endsOn: string } {
  return { startsOn: `${year}-06-01`, endsOn: `${year}-08-31` }
}

export function formOf(settings: StaffStationSettings | undefined, today: string): SettingsForm {
  const campaign = settings?.summerCampaign ?? null
  const usual = usualSummer(Number(today.slice(0, 4)))
  return {
    holidays: byDate((settings?.holidays ?? []).map((holiday) => ({ ...holiday }))),
    summerOn: campaign !== null,
    summerStartsOn: campaign?.startsOn ?? usual.startsOn,
    summerEndsOn: campaign?.endsOn ?? usual.endsOn,
    summerSample: campaign?.sample ?? false
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

export function formOfDraft(draft: unknown, fallback: SettingsForm): SettingsForm {
  if (!isObject(draft)) return fallback
  const form = { ...fallback }
  for (const key of Object.keys(fallback) as (keyof SettingsForm)[]) {
    const value = draft[key]
    if (value !== undefined && Array.isArray(value) === Array.isArray(fallback[key]) && typeof value === typeof fallback[key]) {
      ;(form as Record<string, unknown>)[key] = value
    }
  }
  form.holidays = byDate(form.holidays.filter((row) => isObject(row) && typeof row.date === 'string' && typeof row.name === 'string'))
  return form
}

export function inputOf(form: SettingsForm): StationSettings {
  return {
    holidays: byDate(form.holidays).map((row) => ({ date: row.date, kind: row.kind, name: row.name.trim() })),
    summerCampaign: form.summerOn ? { startsOn: form.summerStartsOn, endsOn: form.summerEndsOn, sample: form.summerSample } : null
  }
}

/**
 * The calendar in date order (stable: two rows of one day keep theirs, for the validator to name the second). The form
 * is kept in this order, so the rows, the numbers in the validator's messages and what is saved all agree.
 */
export function byDate(holidays: HolidayDate[]): HolidayDate[] {
  return holidays
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (a.row.date < b.row.date ? -1 : a.row.date > b.row.date ? 1 : a.index - b.index))
    .map(({ row }) => row)
}

/** How many of the (date-ordered) rows are before today: they come first, and are folded away. */
export function pastCount(holidays: HolidayDate[], today: string): number {
  const upcoming = holidays.findIndex((row) => row.date >= today)
  return upcoming === -1 ? holidays.length : upcoming
}

/** 「周五」 for 2027-10-01, to check a 调休 against the calendar; '' for a date that is not one. */
export function weekdayLabel(date: string): string {
  return isCalendarDate(date) ? WEEKDAY_LABELS[weekdayOf(date)] : ''
}

/**
 * 「添加一天」: the day after the last row, with its kind and name — a seven-day 国庆节 block is six taps. The
 * first row, and one after a calendar that has all gone by, is today, named for the staffer to fill in.
 */
export function nextHoliday(holidays: HolidayDate[], today: string): HolidayDate {
  const last = holidays[holidays.length - 1]
  if (!last || !/^\d{4}-\d{2}-\d{2}$/.test(last.date)) return { date: today, kind: 'holiday', name: '' }
  const next = addDays(last.date, 1)
  if (next < today) return { date: today, kind: 'holiday', name: '' }
  return { date: next, kind: last.kind, name: last.name }
}

/** 「添加连续几天」 as typed: the days stay text until they are added, so a mistyped 「7天」 stays to be corrected. */
export interface HolidayRun {
  startsOn: string
  days: string
  name: string
}

export type HolidayRunResult =
  { ok: true; holidays: HolidayDate[]; added: HolidayDate[]; skipped: string[] } | { ok: false; errors: Partial<Record<keyof HolidayRun, string>> }

/**
 * `days` holidays from `startsOn`, all named `name`, merged into the calendar in date order. A day already on it is
 * left as it is (and reported), so a run never makes a duplicate the save would refuse.
 */
export function addHolidayRun(
  holidays: HolidayDate[],
  run: HolidayRun,
  { today, names, rows }: { today: string; names: number; rows: number }
): HolidayRunResult {
  const errors: Partial<Record<keyof HolidayRun, string>> = {}
  const name = run.name.trim()
  // A Chinese keyboard may type full-width digits (７).
  const days = run.days.trim().replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
  const count = /^\d+$/.test(days) ? Number(days) : NaN
  if (!/^\d{4}-\d{2}-\d{2}$/.test(run.startsOn)) errors.startsOn = '请选择第一天的日期'
  // Days gone by change nothing for anyone; a past start is a mistyped year.
  else if (run.startsOn < today) errors.startsOn = `第一天已过去，请选择 ${today} 或以后的日期`
  if (!(count >= 1 && count <= MAX_RUN_DAYS)) errors.days = `天数请填 1–${MAX_RUN_DAYS} 的整数`
  if (!name) errors.name = '请填写名称，如：国庆节'
  else if ([...name].length > names) errors.name = `名称不能超过 ${names} 字（现 ${[...name].length} 字）`
  if (Object.keys(errors).length > 0) return { ok: false, errors }

  const taken = new Set(holidays.map((row) => row.date))
  const added: HolidayDate[] = []
  const skipped: string[] = []
  let date = run.startsOn
  for (let day = 0; day < count; day += 1) {
    if (taken.has(date)) skipped.push(date)
    else added.push({ date, kind: 'holiday', name })
    date = addDays(date, 1)
  }
  if (holidays.length + added.length > rows) {
    return { ok: false, errors: { days: `节假日最多 ${rows} 天，还能添加 ${Math.max(rows - holidays.length, 0)} 天` } }
  }
  return { ok: true, holidays: byDate([...holidays, ...added]), added, skipped }
}
