/**
 * Where stations are: distance from the worker, the directory's order and filters, and the 高德 link that opens
 * a route in a phone browser. Station coordinates are GCJ-02; a browser's geolocation is WGS-84 and must be
 * converted first (wgs84ToGcj02). No Taro import; pages import this file by path.
 */
import type { Amenity, HolidayDate, StationSummary, StationType } from './stations'
import { openState, type OpenState } from './station-hours'

export type LatLng = { latitude: number; longitude: number }

const EARTH_RADIUS_M = 6371008.8

const radians = (degrees: number) => (degrees * Math.PI) / 180

export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = radians(b.latitude - a.latitude)
  const dLng = radians(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

export function formatDistance(meters: number): string {
  // A phone's position is good to tens of metres: 「0 米」 or 「20 米」 would claim more than it knows.
  if (meters < 50) return '50 米内'
  const tens = Math.round(Math.max(0, meters) / 10) * 10
  if (tens < 1000) return `${tens} 米`
  const tenthsOfKm = Math.round(meters / 100) / 10
  if (tenthsOfKm < 10) return `${tenthsOfKm.toFixed(1)} 公里`
  return `${Math.round(meters / 1000)} 公里`
}

// The public GCJ-02 offset algorithm: Krasovsky 1940 ellipsoid.
const KRASOVSKY_A = 6378245.0
const KRASOVSKY_EE = 0.006693421622965943

function outOfChina({ latitude, longitude }: LatLng): boolean {
  return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271
}

function offsetLatitude(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return ret
}

function offsetLongitude(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return ret
}

export function wgs84ToGcj02(point: LatLng): LatLng {
  if (outOfChina(point)) return { latitude: point.latitude, longitude: point.longitude }
  const x = point.longitude - 105.0
  const y = point.latitude - 35.0
  const radLat = radians(point.latitude)
  let magic = Math.sin(radLat)
  magic = 1 - KRASOVSKY_EE * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  const dLat = (offsetLatitude(x, y) * 180.0) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI)
  const dLng = (offsetLongitude(x, y) * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { latitude: point.latitude + dLat, longitude: point.longitude + dLng }
}

export interface ArrangedStation<T extends StationSummary> {
  station: T
  /** Metres from the origin, when one was given. */
  distance?: number
  open: OpenState
}

/**
 * Code-point order: localeCompare('zh-CN') is missing or wrong on old Android WebViews, and the list must come out
 * the same on every phone.
 */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

const STATUS_RANK: Record<OpenState['status'], number> = { open: 0, closed: 1, suspended: 2 }

export function arrangeStations<T extends StationSummary>(
  stations: T[],
  options: { origin?: LatLng; holidays: HolidayDate[]; now: Date }
): Array<ArrangedStation<T>> {
  const { origin, holidays, now } = options
  const items: Array<ArrangedStation<T>> = stations.map((station) => {
    const open = openState(station, holidays, now)
    return origin ? { station, distance: distanceMeters(origin, station), open } : { station, open }
  })
  const byName = (a: ArrangedStation<T>, b: ArrangedStation<T>) => compareText(a.station.name, b.station.name) || compareText(a.station.code, b.station.code)
  if (origin) {
    const suspended = (item: ArrangedStation<T>) => (item.open.status === 'suspended' ? 1 : 0)
    return items.sort((a, b) => suspended(a) - suspended(b) || (a.distance ?? 0) - (b.distance ?? 0) || byName(a, b))
  }
  return items.sort((a, b) => STATUS_RANK[a.open.status] - STATUS_RANK[b.open.status] || compareText(a.station.town, b.station.town) || byName(a, b))
}

export function filterStations<T extends { station: StationSummary; open: OpenState }>(
  items: T[],
  filter: { type?: StationType; amenities?: Amenity[]; openNow?: boolean }
): T[] {
  const amenities = filter.amenities ?? []
  return items.filter(
    ({ station, open }) =>
      (!filter.type || station.type === filter.type) &&
      amenities.every((amenity) => station.amenities.includes(amenity)) &&
      (!filter.openNow || open.status === 'open')
  )
}

/**
 * 高德's route page from where the worker is to the station (URI API `navigation`: `to=lon,lat,name`, `mode`,
 * `src`, `callnative`; no `from`, so 高德 starts at the phone's own position). A marker alone leaves a courier to
 * plan the way himself. The station's GCJ-02 point is 高德's own system, the page's default. `callnative=1` opens
 * the 高德 app when installed; WeChat's and QQ's browsers refuse it and stay on the web page, which still routes.
 */
export function amapNavigationUrl(station: { name: string; latitude: number; longitude: number }): string {
  return (
    `https://uri.amap.com/navigation?to=${station.longitude},${station.latitude},${encodeURIComponent(station.name)}` + `&mode=car&callnative=1&src=miyun-union`
  )
}
