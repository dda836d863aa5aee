/** Station inputs as the station editor sends them: one it loaded back, and a new one. */
import type { Station } from '@/domain/stations'
import { stationInputOf, type StationInput } from '@/domain/station-input'

export const json = <T>(value: T): T => JSON.parse(JSON.stringify(value))

/** What the station editor sends back for a station it loaded. */
export function inputOf(station: Station, overrides: Partial<StationInput> = {}): StationInput {
  return json({ ...stationInputOf(station), ...overrides })
}

export const OFFICE = [{ open: '08:30', close: '17:30' }]

export function newStation(overrides: Partial<StationInput> = {}): StationInput {
  return {
    name: '密云区快递行业暖心驿站',
    type: 'warm-station',
    town: '果园街道',
    address: '密云区果园街道新南路 12 号',
    latitude: 40.3671,
    longitude: 116.8612,
    phone: '010-6904 1234',
    amenities: ['hot-water', 'charging', 'microwave'],
    hours: { week: [OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, [], []], holiday: [] },
    photos: ['/media/uploads/0f3a9c2e/750.jpg', '/media/uploads/9b7d1e4a/750.jpg'],
    summerOffer: '免费绿豆汤',
    description: '快递员、外卖送餐员可在此歇脚、热饭、充电。',
    sample: false,
    ...overrides
  }
}
