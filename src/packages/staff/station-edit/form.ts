/**
 * The station editor's form: what the staffer edits, and how it becomes the StationInput the API and
 * stationInputProblems take. Coordinates are kept as typed, so a refused 「39,52」 stays in the field to be
 * corrected rather than turning into a number nobody typed. No Taro import.
 */
import { WEEKDAY_LABELS } from '@/domain/dates'
import { STATION_LIMITS, type StaffStation, type StationInput } from '@/domain/station-input'
import { AMENITIES, STATION_TYPES, type Amenity, type OpeningHours, type OpeningInterval, type StationType } from '@/domain/stations'

export const MAX_INTERVALS_PER_DAY = STATION_LIMITS.intervalsPerDay
export const MAX_PHOTOS = STATION_LIMITS.photos

/** 同平日: the weekday's hours; 休息: closed; 自定义时段: the intervals below. */
export const HOLIDAY_RULES = ['same', 'closed', 'custom'] as const
export type HolidayRule = (typeof HOLIDAY_RULES)[number]
export const HOLIDAY_RULE_LABELS: Record<HolidayRule, string> = { same: '同平日', closed: '休息', custom: '自定义时段' }

export const WHOLE_DAY: OpeningInterval = { open: '00:00', close: '24:00' }
/** What 「＋添加时段」 starts from: a usual office day, adjusted rather than filled from nothing. */
export const USUAL_INTERVAL: OpeningInterval = { open: '09:00', close: '17:00' }

export interface StationForm {
  name: string
  /** '' until picked: no type is chosen for the staffer. */
  type: StationType | ''
  town: string
  address: string
  /** As typed (H5) or as picked on the map (WeChat). */
  latitude: string
  longitude: string
  phone: string
  amenities: Amenity[]
  /** Seven days, 周一 first. */
  week: OpeningInterval[][]
  holidayRule: HolidayRule
  /** The 自定义时段 intervals; kept while another rule is chosen, so switching back loses nothing. */
  holiday: OpeningInterval[]
  hoursNote: string
  /** Uploaded /media paths, the first is the cover. */
  photos: string[]
  summerOffer: string
  description: string
  sample: boolean
  sampleNote: string
}

/** Beijing's 密云 district centre is no default: an unset location must be set, never silently guessed. */
export function emptyForm(): StationForm {
  return {
    name: '',
    type: '',
    town: '',
    address: '',
    latitude: '',
    longitude: '',
    phone: '',
    amenities: [],
    week: [[USUAL_INTERVAL], [USUAL_INTERVAL], [USUAL_INTERVAL], [USUAL_INTERVAL], [USUAL_INTERVAL], [], []],
    holidayRule: 'closed',
    holiday: [],
    hoursNote: '',
    photos: [],
    summerOffer: '',
    description: '',
    sample: false,
    sampleNote: ''
  }
}

const copyIntervals = (intervals: OpeningInterval[]) => intervals.map((interval) => ({ open: interval.open, close: interval.close }))

export function formOf(station: StaffStation | undefined): StationForm {
  if (!station) return emptyForm()
  const holiday = station.hours.holiday
  return {
    name: station.name,
    type: station.type,
    town: station.town,
    address: station.address,
    latitude: String(station.latitude),
    longitude: String(station.longitude),
    phone: station.phone ?? '',
    amenities: [...station.amenities],
    week: WEEKDAY_LABELS.map((_, day) => copyIntervals(station.hours.week[day] ?? [])),
    holidayRule: holiday === null ? 'same' : holiday.length === 0 ? 'closed' : 'custom',
    holiday: copyIntervals(holiday ?? []),
    hoursNote: station.hours.note ?? '',
    photos: [...station.photos],
    summerOffer: station.summerOffer ?? '',
    description: station.description ?? '',
    sample: station.sample,
    sampleNote: station.sampleNote ?? ''
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** A kept draft back into a form: what it has replaces the fallback, field by field, where the shape still fits. */
export function formOfDraft(draft: unknown, fallback: StationForm): StationForm {
  if (!isObject(draft)) return fallback
  const form = { ...fallback }
  for (const key of Object.keys(fallback) as (keyof StationForm)[]) {
    const value = draft[key]
    if (value !== undefined && Array.isArray(value) === Array.isArray(fallback[key]) && typeof value === typeof fallback[key]) {
      ;(form as Record<string, unknown>)[key] = value
    }
  }
  if (!Array.isArray(form.week) || form.week.length !== WEEKDAY_LABELS.length) form.week = fallback.week
  if (!(HOLIDAY_RULES as readonly string[]).includes(form.holidayRule)) form.holidayRule = fallback.holidayRule
  if (form.type !== '' && !(STATION_TYPES as readonly string[]).includes(form.type)) form.type = fallback.type
  form.amenities = form.amenities.filter((amenity) => (AMENITIES as readonly string[]).includes(amenity))
  return form
}

/**
 * A coordinate as typed: a plain decimal number, or NaN — which the validator names under the field — for anything
 * else (empty, 「39,52」, 「北纬40度」). Number('') would be 0, a place in the Gulf of Guinea.
 */
export function coordinateOf(text: string): number {
  const trimmed = text.trim()
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

/** 6 decimals (about 10 cm) is all a map pick means; more would only be noise in the form. */
export function coordinateText(value: number): string {
  return String(Number(value.toFixed(6)))
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined)

export function hoursOf(form: StationForm): OpeningHours {
  const note = optional(form.hoursNote)
  return {
    week: form.week.map(copyIntervals),
    holiday: form.holidayRule === 'same' ? null : form.holidayRule === 'closed' ? [] : copyIntervals(form.holiday),
    ...(note ? { note } : {})
  }
}

export function inputOf(form: StationForm): StationInput {
  const phone = optional(form.phone)
  const summerOffer = optional(form.summerOffer)
  const description = optional(form.description)
  const sampleNote = form.sample ? optional(form.sampleNote) : undefined
  return {
    name: form.name.trim(),
    // '' (nothing picked yet) is passed on as it is: the validator refuses it by name before anything is sent.
    type: form.type as StationType,
    town: form.town.trim(),
    address: form.address.trim(),
    latitude: coordinateOf(form.latitude),
    longitude: coordinateOf(form.longitude),
    ...(phone ? { phone } : {}),
    amenities: AMENITIES.filter((amenity) => form.amenities.includes(amenity)),
    hours: hoursOf(form),
    photos: [...form.photos],
    ...(summerOffer ? { summerOffer } : {}),
    ...(description ? { description } : {}),
    sample: form.sample,
    ...(sampleNote ? { sampleNote } : {})
  }
}

/** Whether an interval runs past midnight: 「次日」 goes before its close time. */
export function isOvernight(interval: OpeningInterval): boolean {
  return interval.close !== '24:00' && interval.close <= interval.open
}
