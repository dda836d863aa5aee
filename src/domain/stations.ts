/**
 * Service stations (服务阵地): the content model shared by the app, the API and the seed. No Taro import.
 *
 * Coordinates are GCJ-02 (what WeChat's getLocation type 'gcj02', chooseLocation and openLocation use, and what
 * Chinese map services expect). Times are Beijing wall-clock times ("HH:mm"); dates are Beijing dates ("YYYY-MM-DD").
 * The rules over these types live beside them: station-hours.ts (open now), station-geo.ts (distance, order),
 * station-codes.ts (the short code and the QR entry points).
 */
import type { SampleFlag } from './content'

export const STATION_TYPES = ['workers-home', 'warm-station', 'outdoor-station', 'reading-room'] as const
export type StationType = (typeof STATION_TYPES)[number]

export const STATION_TYPE_LABELS: Record<StationType, string> = {
  'workers-home': '职工之家',
  'warm-station': '暖心驿站',
  'outdoor-station': '户外劳动者服务站点',
  'reading-room': '职工书屋'
}

export const AMENITIES = ['hot-water', 'charging', 'rest', 'microwave', 'toilet', 'first-aid', 'wifi', 'fridge', 'cool-drinks', 'books'] as const
export type Amenity = (typeof AMENITIES)[number]

export const AMENITY_LABELS: Record<Amenity, string> = {
  'hot-water': '热水',
  charging: '充电',
  rest: '休息',
  microwave: '微波炉',
  toilet: '卫生间',
  'first-aid': '药箱',
  wifi: '无线网络',
  fridge: '冰箱',
  'cool-drinks': '防暑饮品',
  books: '图书'
}

/** "HH:mm", 00:00–23:59; a close time may also be "24:00" (until midnight). */
export type ClockTime = string

/**
 * One opening interval that starts on its day. close <= open means it runs past midnight into the next day
 * ("20:00"–"06:00"); "00:00"–"24:00" is the whole day.
 */
export interface OpeningInterval {
  open: ClockTime
  close: ClockTime
}

export interface OpeningHours {
  /** Seven entries, 周一 first (index 0 = Monday … 6 = Sunday). An empty list: closed that day. */
  week: OpeningInterval[][]
  /**
   * On a statutory holiday (法定节假日): null = as on that weekday; [] = closed; otherwise these intervals.
   * A make-up workday (调休上班) keeps Monday's hours.
   */
  holiday: OpeningInterval[] | null
  /** A line for what the table cannot say, e.g. 「雨雪天气延长开放」. */
  note?: string
}

export interface HolidayDate {
  /** Beijing date "YYYY-MM-DD". */
  date: string
  /** 'holiday': 法定节假日 (or a day of its block); 'workday': 调休上班. */
  kind: 'holiday' | 'workday'
  /** e.g. 「国庆节」, 「春节调休上班」 */
  name: string
}

/** The 夏送清凉 campaign period, inclusive Beijing dates. Stations show their summerOffer inside it. */
export interface SummerCampaign {
  startsOn: string
  endsOn: string
  sample: boolean
}

/** What the worker directory lists; all stations come at once (the list is sorted on the phone by distance). */
export interface StationSummary extends SampleFlag {
  id: string
  /** Stable short code: the QR codes carry it (scene, /s/<code>). Never changes once given. */
  code: string
  name: string
  type: StationType
  /** 镇/街道, e.g. 「鼓楼街道」 */
  town: string
  address: string
  latitude: number
  longitude: number
  amenities: Amenity[]
  hours: OpeningHours
  /** Set while the station is closed by staff (装修、暂停): the reason shown to workers. */
  closedReason?: string
  /** First photo, for the list card. */
  cover?: string
}

export interface Station extends StationSummary {
  photos: string[]
  phone?: string
  /** What the station offers while 夏送清凉 is on, e.g. 「免费绿豆汤、防暑药品」. */
  summerOffer?: string
  /** Free text under the hours: who may use it, how to get in, etc. */
  description?: string
}

/** GET /api/stations */
export interface StationDirectory {
  stations: StationSummary[]
  holidays: HolidayDate[]
  summerCampaign: SummerCampaign | null
}

/** GET /api/stations/:code */
export interface StationPage {
  station: Station
  holidays: HolidayDate[]
  summerCampaign: SummerCampaign | null
}

/** How a scan reached us: a 小程序码 (scene), a URL QR opened in WeChat (q), or a URL QR opened in a browser (/s/). */
export const SCAN_CHANNELS = ['wxacode', 'wechat-link', 'browser'] as const
export type ScanChannel = (typeof SCAN_CHANNELS)[number]

/**
 * Station codes: 6 characters from 31 letters and digits that cannot be misread (no 0/O, 1/I/L). They fit
 * WeChat's `scene` (≤ 32 characters from [0-9A-Za-z!#$&'()*+,/:;=?@._~-]) and a URL path without escaping.
 */
export const STATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const STATION_CODE_LENGTH = 6
export const STATION_CODE_PATTERN = '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$'

export function isStationCode(value: string | undefined): value is string {
  return typeof value === 'string' && new RegExp(STATION_CODE_PATTERN).test(value)
}

/** The path every URL QR code carries: https://<our domain>/s/<code>. */
export const STATION_QR_PATH_PREFIX = '/s/'
/** The page 小程序码 (getUnlimited `page`) and the 「扫普通链接二维码打开小程序」 rule open. */
export const STATION_PAGE_PATH = 'packages/stations/station/index'
