import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** Beijing time, whatever the device or server is set to. */
const BEIJING_OFFSET_MINUTES = 8 * 60

export function beijing(iso: string) {
  return dayjs(iso).utcOffset(BEIJING_OFFSET_MINUTES)
}

export function formatDate(iso: string): string {
  return beijing(iso).format('YYYY年M月D日')
}

export function formatDateTime(iso: string): string {
  return beijing(iso).format('YYYY年M月D日 HH:mm')
}

export function formatDateRange(startIso: string, endIso: string): string {
  const start = beijing(startIso)
  const end = beijing(endIso)
  if (start.isSame(end, 'day')) return `${start.format('YYYY年M月D日 HH:mm')}–${end.format('HH:mm')}`
  if (start.isSame(end, 'year')) return `${start.format('YYYY年M月D日')}–${end.format('M月D日')}`
  return `${start.format('YYYY年M月D日')}–${end.format('YYYY年M月D日')}`
}

/** Normalises any ISO instant to UTC "Z" form, so stored timestamps compare correctly as text in SQL. */
export function toUtcIso(iso: string): string {
  const parsed = dayjs(iso)
  if (!parsed.isValid()) throw new Error(`无效的日期：${iso}`)
  return parsed.toISOString()
}
