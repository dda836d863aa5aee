/**
 * Dates as staff pick them: a day and a time of day in Beijing time, whatever the phone is set to, written out with
 * the +08:00 offset the API and the validators take. No Taro import.
 */
import { beijing, beijingInstant } from '@/domain/dates'

/** A date Picker value (YYYY-MM-DD) and a time Picker value (HH:mm); '' until picked. */
export interface DateTimeParts {
  date: string
  time: string
}

export const NO_DATE: DateTimeParts = { date: '', time: '' }

export function partsOf(iso: string | undefined): DateTimeParts {
  if (!iso || Number.isNaN(Date.parse(iso))) return NO_DATE
  const at = beijing(iso)
  return { date: at.format('YYYY-MM-DD'), time: at.format('HH:mm') }
}

/** The instant the API takes; '' while the day or the time is missing, which the validators refuse by name. */
export function instantOf(parts: DateTimeParts): string {
  if (!parts.date || !parts.time) return ''
  return beijingInstant(parts.date, paddedTime(parts.time))
}

/** 'H:m' → 'HH:mm': a picker that does not pad would otherwise make an invalid instant. */
export function paddedTime(value: string): string {
  const [hours = '0', minutes = '0'] = value.split(':')
  return `${hours.padStart(2, '0')}:${minutes.padStart(2, '0')}`
}
