/**
 * Service stations as staff edit them (docs/stations-api.md): what an editor sends, what the staff routes answer, and
 * the rules over what is sent. The station editor checks a form with these validators before sending and the server
 * checks again with the same ones after its schema check, so a staffer reads the same message whichever side
 * catches the mistake. No Taro and no server import: the staff pages bundle this file.
 */
import type { Versioned } from './content'
import { WEEKDAY_LABELS, isCalendarDate } from './dates'
import { isUploadedImage } from './media'
import { intervalSpan, isClockTime } from './station-hours'
import {
  AMENITIES,
  AMENITY_LABELS,
  STATION_TYPES,
  type HolidayDate,
  type OpeningHours,
  type OpeningInterval,
  type Station,
  type StationSummary,
  type SummerCampaign
} from './stations'
import { checkText, collector, firstItems, length, type Check, type FieldProblem } from './validation'

// ——— shapes ———

/**
 * What the station editor sends (POST; PUT adds `version`): the station without its code, id and state (the code is
 * the server's: it is never sent).
 */
export type StationInput = Pick<
  Station,
  | 'name'
  | 'type'
  | 'town'
  | 'address'
  | 'latitude'
  | 'longitude'
  | 'phone'
  | 'amenities'
  | 'hours'
  | 'photos'
  | 'summerOffer'
  | 'description'
  | 'sample'
  | 'sampleNote'
>

/** What an editor sends back for a station it loaded unchanged: the station without its code, id and state. */
export function stationInputOf(station: Station): StationInput {
  return {
    name: station.name,
    type: station.type,
    town: station.town,
    address: station.address,
    latitude: station.latitude,
    longitude: station.longitude,
    phone: station.phone,
    amenities: station.amenities,
    hours: station.hours,
    photos: station.photos,
    summerOffer: station.summerOffer,
    description: station.description,
    sample: station.sample,
    sampleNote: station.sampleNote
  }
}

export interface StationUpdate extends StationInput {
  version: number
}

export interface StationCloseRequest {
  reason: string
  version: number
}

export interface StaffStationSummary extends StationSummary, Versioned {
  /** Scans in the last 30 Beijing days (today included), all channels. */
  scans30d: number
}

export interface StaffStation extends Station, Versioned {}

export interface StationScanDay {
  /** Beijing date YYYY-MM-DD. */
  date: string
  wxacode: number
  wechatLink: number
  browser: number
}

/** The last 30 Beijing days, newest first, days without scans as zeros. */
export interface StationScans {
  total: number
  days: StationScanDay[]
}

/** The holiday calendar and the 夏送清凉 period: one document for every station. */
export interface StationSettings {
  holidays: HolidayDate[]
  summerCampaign: SummerCampaign | null
}

export interface StaffStationSettings extends StationSettings, Versioned {}

export interface StationSettingsUpdate extends StationSettings {
  version: number
}

// ——— limits ———

export const STATION_LIMITS = {
  nameMin: 2,
  name: 40,
  townMin: 2,
  town: 20,
  addressMin: 4,
  address: 80,
  /** Digits a phone number has at least, +86 not counted (12351 has 5). */
  phoneDigits: 3,
  /** Characters, room for 「+86 10 6904 1234 转 8001」. */
  phone: 24,
  intervalsPerDay: 3,
  hoursNote: 60,
  photos: 6,
  summerOffer: 60,
  description: 300,
  sampleNote: 80,
  closeReason: 60,
  holidays: 100,
  holidayName: 20
} as const

/** Mainland China, loosely: 密云's surroundings would be too strict for a typo check, the whole globe too loose. */
export const LATITUDE_RANGE = { min: 18, max: 54 } as const
export const LONGITUDE_RANGE = { min: 73, max: 136 } as const

// ——— helpers ———

/**
 * A phone number as people write it on a notice: digits with spaces or dashes (010-6904 1234), optionally a leading
 * +86, an area code in parentheses ((010) 6904 1234) and an extension after 「转」 (6904 1234 转 801). It starts and
 * ends with a digit (or the extension's digits) and has at least STATION_LIMITS.phoneDigits digits besides the +86,
 * so 「---」 or 「( )」 cannot pass for a number.
 */
const PHONE = /^(?:\+86[ -]?)?(?:\(\d{2,4}\)[ -]?)?\d(?:[\d -]*\d)?(?: ?转 ?\d{1,6})?$/

export const PHONE_RULE_MESSAGE =
  `电话只能包含数字、空格和 -，至少 ${STATION_LIMITS.phoneDigits} 位数字，不超过 ${STATION_LIMITS.phone} 字；` +
  '可加开头的 +86、括号里的区号如 (010) 和分机如「转 801」'

export function isPhoneNumber(phone: string): boolean {
  if (length(phone) > STATION_LIMITS.phone || !PHONE.test(phone)) return false
  const digits = phone.replace(/^\+86/, '').replace(/\D/g, '')
  return digits.length >= STATION_LIMITS.phoneDigits
}

/** Checks one day's intervals; the field of each is `${at}.${index}.open|close`. */
function intervalProblems(check: Check, at: string, label: string, intervals: OpeningInterval[]): void {
  check(at, `${label}最多 ${STATION_LIMITS.intervalsPerDay} 个时段`, intervals.length > STATION_LIMITS.intervalsPerDay)
  const valid: { index: number; start: number; end: number }[] = []
  firstItems(intervals, STATION_LIMITS.intervalsPerDay).forEach((interval, index) => {
    const name = intervals.length > 1 ? `${label}第 ${index + 1} 个时段` : `${label}的时段`
    const openValid = isClockTime(interval.open)
    const closeValid = isClockTime(interval.close, { allow24: true })
    check(`${at}.${index}.open`, `${name}的开门时间应为 00:00–23:59`, !openValid)
    check(`${at}.${index}.close`, `${name}的关门时间应为 00:00–24:00`, !closeValid)
    if (!openValid || !closeValid) return
    // 08:00–08:00 could mean closed or all day: 全天 is written 00:00–24:00, and nothing else may be ambiguous.
    check(`${at}.${index}.close`, `${name}的开门和关门时间相同；全天开放请填 00:00–24:00`, interval.open === interval.close)
    const span = intervalSpan(interval)
    if (span && interval.open !== interval.close) valid.push({ index, ...span })
  })
  // Spans on one time line from the day's midnight: an overnight interval's hours after midnight belong to the next
  // day's morning, so they meet none of this day's intervals, which all start before 24:00.
  valid.sort((a, b) => a.start - b.start || a.index - b.index)
  let reach = valid[0]
  for (const later of valid.slice(1)) {
    const [first, second] = [Math.min(reach.index, later.index), Math.max(reach.index, later.index)]
    check(`${at}.${second}.open`, `${label}第 ${second + 1} 个时段与第 ${first + 1} 个时段重叠`, later.start < reach.end)
    if (later.end > reach.end) reach = later
  }
}

function hoursProblems(check: Check, hours: OpeningHours): void {
  check('hours.week', '开放时间应为周一到周日共 7 天', hours.week.length !== WEEKDAY_LABELS.length)
  hours.week.slice(0, WEEKDAY_LABELS.length).forEach((intervals, day) => {
    intervalProblems(check, `hours.week.${day}`, WEEKDAY_LABELS[day], intervals)
  })
  if (hours.holiday !== null) intervalProblems(check, 'hours.holiday', '法定节假日', hours.holiday)
  if (hours.note !== undefined) checkText(check, 'hours.note', '开放时间说明', hours.note, { max: STATION_LIMITS.hoursNote, lines: 'one' })
}

function coordinateProblems(check: Check, latitude: number, longitude: number): void {
  const finite = Number.isFinite(latitude) && Number.isFinite(longitude)
  check('latitude', '请填写纬度（数字，如 40.376）', !Number.isFinite(latitude))
  check('longitude', '请填写经度（数字，如 116.849）', !Number.isFinite(longitude))
  if (!finite) return
  const inRange = (value: number, range: { min: number; max: number }) => value >= range.min && value <= range.max
  if (latitude === 0 && longitude === 0) {
    check('latitude', '站点位置还没有选：请在地图上选择或填写经纬度', true)
    return
  }
  if (inRange(latitude, LONGITUDE_RANGE) && inRange(longitude, LATITUDE_RANGE)) {
    check('latitude', '纬度和经度填反了：纬度约 40，经度约 116', true)
    return
  }
  check('latitude', `纬度应在 ${LATITUDE_RANGE.min}–${LATITUDE_RANGE.max} 之间（密云约 40.4）`, !inRange(latitude, LATITUDE_RANGE))
  check('longitude', `经度应在 ${LONGITUDE_RANGE.min}–${LONGITUDE_RANGE.max} 之间（密云约 116.8）`, !inRange(longitude, LONGITUDE_RANGE))
}

// ——— validators ———

export function stationInputProblems(input: StationInput): FieldProblem[] {
  const { problems, check } = collector()
  checkText(check, 'name', '站点名称', input.name, { min: STATION_LIMITS.nameMin, max: STATION_LIMITS.name, lines: 'one' })
  check('type', '请选择站点类型', !(STATION_TYPES as readonly string[]).includes(input.type))
  checkText(check, 'town', '所在镇街', input.town, { min: STATION_LIMITS.townMin, max: STATION_LIMITS.town, lines: 'one' })
  checkText(check, 'address', '地址', input.address, { min: STATION_LIMITS.addressMin, max: STATION_LIMITS.address, lines: 'one' })
  coordinateProblems(check, input.latitude, input.longitude)
  if (input.phone !== undefined) {
    check('phone', PHONE_RULE_MESSAGE, !isPhoneNumber(input.phone))
  }
  const seenAmenities = new Set<string>()
  firstItems(input.amenities, AMENITIES.length).forEach((amenity, index) => {
    const known = (AMENITIES as readonly string[]).includes(amenity)
    check(`amenities.${index}`, `没有「${amenity}」这项设施`, !known)
    check(`amenities.${index}`, `设施「${known ? AMENITY_LABELS[amenity] : amenity}」重复了`, known && seenAmenities.has(amenity))
    seenAmenities.add(amenity)
  })
  hoursProblems(check, input.hours)
  check('photos', `照片最多 ${STATION_LIMITS.photos} 张`, input.photos.length > STATION_LIMITS.photos)
  // One pass with a map from photo to its first place: indexOf in the loop made 149 000 photos take 15 s.
  const firstPlace = new Map<string, number>()
  firstItems(input.photos, STATION_LIMITS.photos).forEach((photo, index) => {
    check(`photos.${index}`, `第 ${index + 1} 张照片无效，请重新上传`, !isUploadedImage(photo))
    const first = firstPlace.get(photo)
    if (first !== undefined) check(`photos.${index}`, `第 ${index + 1} 张照片与第 ${first + 1} 张重复`, true)
    else firstPlace.set(photo, index)
  })
  if (input.summerOffer !== undefined) checkText(check, 'summerOffer', '夏送清凉服务', input.summerOffer, { max: STATION_LIMITS.summerOffer, lines: 'one' })
  if (input.description !== undefined) {
    checkText(check, 'description', '站点介绍', input.description, { max: STATION_LIMITS.description, lines: 'paragraphs' })
  }
  if (input.sampleNote !== undefined) checkText(check, 'sampleNote', '示例说明', input.sampleNote, { max: STATION_LIMITS.sampleNote, lines: 'one' })
  return problems
}

/** 暂停开放 needs a reason workers can read, e.g. 「装修改造，暂停开放」. */
export function closeReasonProblems(reason: string): FieldProblem[] {
  const { problems, check } = collector()
  checkText(check, 'reason', '暂停开放的原因', reason, { min: 1, max: STATION_LIMITS.closeReason, lines: 'one' })
  return problems
}

/** Transitional, for the tests that import it from here: the rule is dates.ts's. */
export { isCalendarDate }

export function stationSettingsProblems(settings: StationSettings): FieldProblem[] {
  const { problems, check } = collector()
  check('holidays', `节假日最多 ${STATION_LIMITS.holidays} 天`, settings.holidays.length > STATION_LIMITS.holidays)
  const firstWithDate = new Map<string, number>()
  firstItems(settings.holidays, STATION_LIMITS.holidays).forEach((holiday, index) => {
    const label = `节假日第 ${index + 1} 项`
    const validDate = isCalendarDate(holiday.date)
    check(`holidays.${index}.date`, `${label}的日期无效，应为 2027-01-01 这样的日期`, !validDate)
    if (validDate && firstWithDate.has(holiday.date)) {
      check(`holidays.${index}.date`, `${label}的日期与第 ${firstWithDate.get(holiday.date)! + 1} 项重复`, true)
    } else if (validDate) {
      firstWithDate.set(holiday.date, index)
    }
    check(`holidays.${index}.kind`, `${label}应为放假或调休上班`, holiday.kind !== 'holiday' && holiday.kind !== 'workday')
    checkText(check, `holidays.${index}.name`, `${label}的名称`, holiday.name, { min: 1, max: STATION_LIMITS.holidayName, lines: 'one' })
  })
  const campaign = settings.summerCampaign
  if (campaign !== null) {
    const startsValid = isCalendarDate(campaign.startsOn)
    const endsValid = isCalendarDate(campaign.endsOn)
    check('summerCampaign.startsOn', '夏送清凉开始日期无效，应为 2027-06-01 这样的日期', !startsValid)
    check('summerCampaign.endsOn', '夏送清凉结束日期无效，应为 2027-08-31 这样的日期', !endsValid)
    check('summerCampaign.endsOn', '夏送清凉结束日期不能早于开始日期', startsValid && endsValid && campaign.endsOn < campaign.startsOn)
  }
  return problems
}
