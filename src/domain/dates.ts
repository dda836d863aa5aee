/**
 * The one date module: Beijing time, whatever the phone or the server is set to, on dayjs and its utc plugin.
 *
 * China has kept UTC+8 without daylight saving since 1991, so Beijing's wall clock is the instant plus eight hours.
 * That wall clock is held as a dayjs in UTC mode, whose calendar arithmetic and getters never consult the machine's
 * zone: dayjs's own utcOffset(480) shifts through the local zone and is an hour off around a DST change wherever
 * the phone or server keeps one (tests/domain/dates.test.ts holds those cases), and the timezone plugin would read
 * zones through Intl, which a fixed offset does not need. A Beijing date is "YYYY-MM-DD", a Beijing clock time
 * "HH:mm"; instants are ISO-8601 with their offset. No Taro import: the server and the app read dates through here.
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** ISO-8601 instant with offset, e.g. "2026-12-01T09:00:00+08:00". Compared as instants, never as text. */
export type IsoDateTime = string

/** The offset written into the instants staff pick (a day and a time in Beijing). */
export const BEIJING_OFFSET = '+08:00'
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

/** An ISO-8601 instant with its offset, milliseconds since the epoch, or a Date. */
export type Instant = IsoDateTime | number | Date

export interface BeijingTime {
  /** dayjs tokens (YYYY, MM, M, DD, D, HH, mm, ss …) on Beijing's wall clock; 年, 月 and 日 stay as they are. */
  format(pattern: string): string
  /** Calendar arithmetic on Beijing's wall clock: one day later is the same clock time on the next Beijing date. */
  add(amount: number, unit: 'year' | 'month' | 'day' | 'hour' | 'minute'): BeijingTime
  /** Milliseconds since the epoch of the instant. */
  valueOf(): number
}

/** NaN for a text that is not an instant. */
const millisecondsOf = (at: Instant) => (typeof at === 'number' ? at : at instanceof Date ? at.getTime() : Date.parse(at))

/** Milliseconds since the epoch; throws on a text that is not an ISO-8601 instant. */
export function instantOf(at: Instant): number {
  const instant = millisecondsOf(at)
  if (Number.isNaN(instant)) throw new Error(`无效的日期：${String(at)}`)
  return instant
}

function beijingAt(instant: number): BeijingTime {
  const wall: Dayjs = dayjs.utc(instant + BEIJING_OFFSET_MS)
  return {
    format: (pattern) => wall.format(pattern),
    add: (amount, unit) => beijingAt(wall.add(amount, unit).valueOf() - BEIJING_OFFSET_MS),
    valueOf: () => instant
  }
}

export function beijing(at: Instant): BeijingTime {
  return beijingAt(instantOf(at))
}

/** The Beijing date "YYYY-MM-DD" of an instant, or of the day `plusDays` after it. */
export function beijingDate(at: Instant, plusDays = 0): string {
  return beijing(at).add(plusDays, 'day').format('YYYY-MM-DD')
}

/** The Beijing date, weekday (0 = Monday … 6 = Sunday) and minutes since Beijing midnight of an instant. */
export function beijingClock(at: Instant): { date: string; weekday: number; minutes: number } {
  const time = beijing(at)
  const [date, weekday, hours, minutes] = time.format('YYYY-MM-DD d H m').split(' ')
  return { date, weekday: (Number(weekday) + 6) % 7, minutes: Number(hours) * 60 + Number(minutes) }
}

/** The instant of a day and a clock time in Beijing, as the API and the validators take it. */
export function beijingInstant(date: string, time: string): IsoDateTime {
  return `${date}T${time}:00${BEIJING_OFFSET}`
}

export function formatDate(at: Instant): string {
  return beijing(at).format('YYYY年M月D日')
}

export function formatDateTime(at: Instant): string {
  return beijing(at).format('YYYY年M月D日 HH:mm')
}

export function formatDateRange(start: Instant, end: Instant): string {
  const [from, to] = [beijing(start), beijing(end)]
  if (from.format('YYYYMMDD') === to.format('YYYYMMDD')) return `${from.format('YYYY年M月D日 HH:mm')}–${to.format('HH:mm')}`
  if (from.format('YYYY') === to.format('YYYY')) return `${from.format('YYYY年M月D日')}–${to.format('M月D日')}`
  return `${from.format('YYYY年M月D日')}–${to.format('YYYY年M月D日')}`
}

/** Normalises any ISO instant to UTC "Z" form, so stored timestamps compare correctly as text in SQL. */
export function toUtcIso(at: Instant): IsoDateTime {
  return new Date(instantOf(at)).toISOString()
}

// ——— Beijing dates ("YYYY-MM-DD"): calendar arithmetic, no instant and no zone involved ———

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/
/** Dates staff can give: anything else is a typo (a year 9999 would also sort wrongly as stored text). */
const EARLIEST_YEAR = 2000
const LATEST_YEAR = 2100

const calendarDay = (date: string) => dayjs.utc(date)

/** A real calendar date "YYYY-MM-DD" between 2000 and 2100 (2月30日 is refused, not rolled over into March). */
export function isCalendarDate(value: string): boolean {
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value)) return false
  const year = Number(value.slice(0, 4))
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR && calendarDay(value).format('YYYY-MM-DD') === value
}

/** The date `days` after a date (before it, for a negative count). */
export function addDays(date: string, days: number): string {
  return calendarDay(date).add(days, 'day').format('YYYY-MM-DD')
}

/** Weekdays as a notice board names them, Monday first (the index weekdayOf gives). */
export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (calendarDay(date).day() + 6) % 7
}

/** "2026-07-01" → 2026年7月1日, or 7月1日 without the year. */
export function formatCalendarDate(date: string, { withYear = true }: { withYear?: boolean } = {}): string {
  return calendarDay(date).format(withYear ? 'YYYY年M月D日' : 'M月D日')
}

// ——— instants staff give ———

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|([+-])(\d{2}):(\d{2}))$/

/**
 * An ISO-8601 instant with its offset, naming a real calendar date and time (2月31日 and 25:00 are refused, not
 * rolled over into the next month or day) between 2000 and 2100.
 */
export function isInstant(value: string): boolean {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null
  if (!match) return false
  const [, year, month, day, hour, minute, second = '00', zone, sign, offsetHours, offsetMinutes] = match
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes))
  const instant = Date.parse(value)
  if (Number.isNaN(instant) || Math.abs(offset) > 14 * 60) return false
  const wall = dayjs.utc(instant).add(offset, 'minute').format('YYYY-MM-DD HH:mm:ss')
  const named = `${year}-${month}-${day} ${hour}:${minute}:${second}`
  return wall === named && Number(year) >= EARLIEST_YEAR && Number(year) <= LATEST_YEAR
}

// ——— what dates decide: the status of anything with a sign-up and an event (competitions, later activities) ———

export const SIGNUP_STATUSES = ['upcoming', 'signup', 'ongoing', 'ended'] as const
export type SignupStatus = (typeof SIGNUP_STATUSES)[number]

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  upcoming: '即将报名',
  signup: '报名中',
  ongoing: '进行中',
  ended: '已结束'
}

export interface SignupDates {
  signupStartsAt: IsoDateTime
  signupEndsAt: IsoDateTime
  eventStartsAt: IsoDateTime
  eventEndsAt: IsoDateTime
}

/**
 * Status is derived from the dates, never stored.
 * Bounds are inclusive: at signupStartsAt sign-up is open, at signupEndsAt it is still open,
 * at eventEndsAt the event is still on. After sign-up closes it counts as 进行中
 * (preliminaries and preparation run until the final ends).
 */
export function signupStatus(dates: SignupDates, now: Instant = Date.now()): SignupStatus {
  const at = millisecondsOf(now)
  if (at < millisecondsOf(dates.signupStartsAt)) return 'upcoming'
  if (at <= millisecondsOf(dates.signupEndsAt)) return 'signup'
  if (at <= millisecondsOf(dates.eventEndsAt)) return 'ongoing'
  return 'ended'
}
