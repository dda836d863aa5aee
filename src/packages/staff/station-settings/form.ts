/**
 * The station settings form: the holiday calendar every station's 「法定节假日」 rule follows, and the 夏送清凉 period
 * in which stations show their summer offer. No Taro import.
 */
import type { StaffStationSettings, StationSettings } from '../../../domain/station-input'
import type { HolidayDate } from '../../../domain/stations'

export const HOLIDAY_KINDS = ['holiday', 'workday'] as const satisfies readonly HolidayDate['kind'][]
export const HOLIDAY_KIND_LABELS: Record<HolidayDate['kind'], string> = { holiday: '法定节假日', workday: '调休上班' }

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
    holidays: (settings?.holidays ?? []).map((holiday) => ({ ...holiday })),
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
  form.holidays = form.holidays.filter((row) => isObject(row) && typeof row.date === 'string' && typeof row.name === 'string')
  return form
}

export function inputOf(form: SettingsForm): StationSettings {
  return {
    holidays: form.holidays.map((row) => ({ date: row.date, kind: row.kind, name: row.name.trim() })),
    summerCampaign: form.summerOn ? { startsOn: form.summerStartsOn, endsOn: form.summerEndsOn, sample: form.summerSample } : null
  }
}

/** The day after a Beijing date (calendar arithmetic, no time zone involved). */
export function dayAfter(date: string): string {
  const next = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1))
  return next.toISOString().slice(0, 10)
}

/**
 * 「添加一天」: the day after the last row, with its kind and name — a seven-day 国庆节 block is six taps. The
 * first row is today, named for the staffer to fill in.
 */
export function nextHoliday(holidays: HolidayDate[], today: string): HolidayDate {
  const last = holidays[holidays.length - 1]
  if (!last || !/^\d{4}-\d{2}-\d{2}$/.test(last.date)) return { date: today, kind: 'holiday', name: '' }
  return { date: dayAfter(last.date), kind: last.kind, name: last.name }
}
