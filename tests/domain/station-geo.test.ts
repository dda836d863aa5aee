import { amapNavigationUrl, arrangeStations, distanceMeters, filterStations, formatDistance, wgs84ToGcj02, type LatLng } from '@/domain/station-geo'
import type { Amenity, OpeningHours, StationSummary, StationType } from '@/domain/stations'

const officeHours: OpeningHours = {
  week: [0, 1, 2, 3, 4, 5, 6].map((index) => (index < 5 ? [{ open: '08:00', close: '18:00' }] : [])),
  holiday: []
}
const allDay: OpeningHours = {
  week: [0, 1, 2, 3, 4, 5, 6].map(() => [{ open: '00:00', close: '24:00' }]),
  holiday: null
}

let nextCode = 0
function station(
  name: string,
  town: string,
  [latitude, longitude]: [number, number],
  extra: { type?: StationType; amenities?: Amenity[]; hours?: OpeningHours; closedReason?: string } = {}
): StationSummary {
  nextCode += 1
  return {
    id: `s${nextCode}`,
    code: `ABC${222 + nextCode}`,
    name,
    type: extra.type ?? 'workers-home',
    town,
    address: `${town}示例地址`,
    latitude,
    longitude,
    amenities: extra.amenities ?? [],
    hours: extra.hours ?? officeHours,
    closedReason: extra.closedReason,
    sample: true
  }
}

// Approximate GCJ-02 positions around 密云 (sample data, as the seed's stations are).
const districtOffice: LatLng = { latitude: 40.3766, longitude: 116.8433 }
const gulou = station('鼓楼街道职工之家', '鼓楼街道', [40.379, 116.842], { amenities: ['hot-water', 'charging', 'wifi'] })
const guoyuan = station('果园街道暖心驿站', '果园街道', [40.395, 116.856], {
  type: 'warm-station',
  hours: allDay,
  amenities: ['hot-water', 'microwave', 'rest']
})
const xiwengzhuang = station('溪翁庄镇职工书屋', '溪翁庄镇', [40.4594, 116.8474], { type: 'reading-room', amenities: ['books', 'wifi'] })
const gubeikou = station('古北口镇户外劳动者服务站点', '古北口镇', [40.6961, 117.1527], {
  type: 'outdoor-station',
  hours: allDay,
  amenities: ['hot-water', 'charging', 'cool-drinks']
})
const shilipu = station('十里堡镇职工之家', '十里堡镇', [40.3405, 116.819], { closedReason: '内部装修', amenities: ['hot-water'] })
const mujiayu = station('穆家峪镇暖心驿站', '穆家峪镇', [40.4095, 116.9277], { type: 'warm-station', amenities: ['hot-water', 'charging'] })
const all = [xiwengzhuang, shilipu, gubeikou, gulou, mujiayu, guoyuan]

// Monday 2026-06-08, 20:00 in Beijing: only the round-the-clock stations are open.
const mondayEvening = new Date('2026-06-08T12:00:00Z')

describe('distance', () => {
  it('measures great-circle distance on the mean earth radius', () => {
    // One degree of a meridian is 6371008.8 m × π / 180.
    expect(distanceMeters({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111195.08, 1)
    expect(distanceMeters(districtOffice, districtOffice)).toBe(0)
    // 密云 to 天安门, about 64 km as the crow flies (reference computed separately with the haversine formula).
    expect(distanceMeters(districtOffice, { latitude: 39.9087, longitude: 116.3975 })).toBeCloseTo(64365.02, 0)
    expect(distanceMeters(districtOffice, gubeikou)).toBeCloseTo(44111.18, 0)
  })

  it('writes metres to the nearest 10 under 1 km, one decimal under 10 km, whole kilometres beyond', () => {
    expect(formatDistance(0)).toBe('50 米内')
    expect(formatDistance(49.9)).toBe('50 米内')
    expect(formatDistance(50)).toBe('50 米')
    expect(formatDistance(288.7)).toBe('290 米')
    expect(formatDistance(345)).toBe('350 米')
    expect(formatDistance(994)).toBe('990 米')
    expect(formatDistance(996)).toBe('1.0 公里')
    expect(formatDistance(1234)).toBe('1.2 公里')
    expect(formatDistance(9213.5)).toBe('9.2 公里')
    expect(formatDistance(9960)).toBe('10 公里')
    expect(formatDistance(35400)).toBe('35 公里')
  })
})

describe('WGS-84 to GCJ-02', () => {
  const closeTo = (actual: LatLng, expected: LatLng, digits: number) => {
    expect(actual.latitude).toBeCloseTo(expected.latitude, digits)
    expect(actual.longitude).toBeCloseTo(expected.longitude, digits)
  }

  it('matches published reference pairs of the public algorithm', () => {
    // wandergis/coordtransform's README example.
    closeTo(wgs84ToGcj02({ latitude: 39.915, longitude: 116.404 }), { latitude: 39.91640428150164, longitude: 116.41024449916938 }, 9)
    // googollee/eviltransform's test pair (上海).
    closeTo(wgs84ToGcj02({ latitude: 31.1774276, longitude: 121.5272106 }), { latitude: 31.17530398364597, longitude: 121.531541859215 }, 9)
  })

  it('moves 天安门 by the few hundred metres every Chinese map shows', () => {
    const tiananmen = { latitude: 39.9087, longitude: 116.3975 }
    const gcj = wgs84ToGcj02(tiananmen)
    // Reference computed separately (Python, same published formulas).
    expect(distanceMeters(gcj, { latitude: 39.91010349934476, longitude: 116.40374357265176 })).toBeLessThan(1)
    expect(distanceMeters(gcj, tiananmen)).toBeGreaterThan(400)
    expect(distanceMeters(gcj, tiananmen)).toBeLessThan(700)
  })

  it('returns points outside China unchanged', () => {
    expect(wgs84ToGcj02({ latitude: 51.5074, longitude: -0.1278 })).toEqual({ latitude: 51.5074, longitude: -0.1278 })
    expect(wgs84ToGcj02({ latitude: 35.6762, longitude: 139.6503 })).toEqual({ latitude: 35.6762, longitude: 139.6503 })
  })
})

describe('the directory order', () => {
  it('puts the nearest first and suspended stations last when the worker shares a location', () => {
    const arranged = arrangeStations(all, { origin: districtOffice, holidays: [], now: mondayEvening })
    expect(arranged.map((item) => item.station.name)).toEqual([
      '鼓楼街道职工之家',
      '果园街道暖心驿站',
      '穆家峪镇暖心驿站',
      '溪翁庄镇职工书屋',
      '古北口镇户外劳动者服务站点',
      '十里堡镇职工之家'
    ])
    expect(arranged.map((item) => formatDistance(item.distance ?? Number.NaN))).toEqual(['290 米', '2.3 公里', '8.0 公里', '9.2 公里', '44 公里', '4.5 公里'])
    expect(arranged.map((item) => item.open.status)).toEqual(['closed', 'open', 'closed', 'closed', 'open', 'suspended'])
  })

  it('breaks distance ties by name, the same on every phone', () => {
    const home = station('职工之家', '鼓楼街道', [40.379, 116.842])
    const books = station('职工书屋', '鼓楼街道', [40.379, 116.842], { type: 'reading-room' })
    const order = (list: StationSummary[]) =>
      arrangeStations(list, { origin: districtOffice, holidays: [], now: mondayEvening }).map((item) => item.station.name)
    expect(order([home, books])).toEqual(['职工之家', '职工书屋'])
    expect(order([books, home])).toEqual(['职工之家', '职工书屋'])
  })

  it('without a location: open now first, then closed, suspended last; by town, then name', () => {
    const arranged = arrangeStations(all, { holidays: [], now: mondayEvening })
    expect(arranged.map((item) => item.station.name)).toEqual([
      '古北口镇户外劳动者服务站点',
      '果园街道暖心驿站',
      '溪翁庄镇职工书屋',
      '穆家峪镇暖心驿站',
      '鼓楼街道职工之家',
      '十里堡镇职工之家'
    ])
    expect(arranged.every((item) => item.distance === undefined)).toBe(true)
    expect(arranged[2].open).toEqual({ status: 'closed', label: '已关门 · 明天 08:00 开门' })
    expect(arranged[5].open).toEqual({ status: 'suspended', label: '暂停开放' })
  })

  it('follows the clock: in office hours the office-hours stations are open too', () => {
    const mondayMorning = new Date('2026-06-08T02:00:00Z')
    const arranged = arrangeStations(all, { holidays: [], now: mondayMorning })
    expect(arranged.filter((item) => item.open.status === 'open')).toHaveLength(5)
    expect(arranged[arranged.length - 1].station.name).toBe('十里堡镇职工之家')
  })

  it('leaves the list it was given alone', () => {
    const given = [...all]
    arrangeStations(given, { origin: districtOffice, holidays: [], now: mondayEvening })
    expect(given).toEqual(all)
  })
})

describe('the directory filters', () => {
  const items = arrangeStations(all, { holidays: [], now: mondayEvening })
  const names = (list: typeof items) => list.map((item) => item.station.name).sort()

  it('keeps every station without a filter', () => {
    expect(filterStations(items, {})).toHaveLength(all.length)
  })

  it('filters by type', () => {
    expect(names(filterStations(items, { type: 'warm-station' }))).toEqual(['果园街道暖心驿站', '穆家峪镇暖心驿站'].sort())
  })

  it('requires every chosen amenity', () => {
    expect(names(filterStations(items, { amenities: ['hot-water', 'charging'] }))).toEqual(
      ['鼓楼街道职工之家', '古北口镇户外劳动者服务站点', '穆家峪镇暖心驿站'].sort()
    )
    expect(names(filterStations(items, { amenities: ['hot-water', 'charging', 'wifi'] }))).toEqual(['鼓楼街道职工之家'])
    expect(filterStations(items, { amenities: ['first-aid'] })).toEqual([])
  })

  it('keeps only stations open now, and combines filters', () => {
    expect(names(filterStations(items, { openNow: true }))).toEqual(['果园街道暖心驿站', '古北口镇户外劳动者服务站点'].sort())
    expect(names(filterStations(items, { openNow: true, type: 'warm-station', amenities: ['microwave'] }))).toEqual(['果园街道暖心驿站'])
    expect(filterStations(items, { openNow: true, type: 'reading-room' })).toEqual([])
  })
})

describe('navigation link', () => {
  it('opens a route on 高德 to the station, named, from wherever the phone is', () => {
    const url = amapNavigationUrl({ name: '鼓楼街道职工之家 & 书屋, 东门', latitude: 40.379, longitude: 116.842 })
    expect(url.startsWith('https://uri.amap.com/navigation?')).toBe(true)
    const query = new URL(url).searchParams
    // lon,lat,name; the name's own comma must not split it into a fourth part.
    const to = new URL(url).search.match(/[?&]to=([^&]*)/)![1]
    expect(to.split(',')).toEqual(['116.842', '40.379', encodeURIComponent('鼓楼街道职工之家 & 书屋, 东门')])
    expect(query.get('to')).toBe('116.842,40.379,鼓楼街道职工之家 & 书屋, 东门')
    expect(query.get('from')).toBeNull()
    expect(query.get('mode')).toBe('car')
    expect(query.get('src')).toBe('miyun-union')
    expect(query.get('callnative')).toBe('1')
    expect([...query.keys()].sort()).toEqual(['callnative', 'mode', 'src', 'to'])
  })
})
