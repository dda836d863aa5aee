/**
 * The station rules staff pages and the server share (src/domain/station-input.ts), where HTTP adds nothing: the
 * sample stations pass the rules an editor is held to (so saving one back unchanged never fails), calendar dates,
 * and where one day's opening hours end.
 */
import { CONTENT_ID_PATTERN } from '../../src/domain'
import { isStationCode, type OpeningInterval } from '../../src/domain/stations'
import {
  closeReasonProblems,
  isCalendarDate,
  stationInputProblems,
  stationSettingsProblems,
  type StationInput
} from '../../src/domain/station-input'
import { seedStationSettings, seedStations } from '../../server/db/seed/stations'

const base: StationInput = {
  name: '测试驿站',
  type: 'warm-station',
  town: '鼓楼街道',
  address: '密云区鼓楼大街 1 号',
  latitude: 40.376,
  longitude: 116.849,
  amenities: [],
  hours: { week: [[], [], [], [], [], [], []], holiday: null },
  photos: [],
  sample: false
}

const withMonday = (monday: OpeningInterval[]): StationInput => ({ ...base, hours: { week: [monday, [], [], [], [], [], []], holiday: null } })
const fields = (input: StationInput) => stationInputProblems(input).map((problem) => problem.field)

describe('the sample stations', () => {
  it.each(seedStations.map((station) => [station.name, station] as const))('%s passes the editor’s rules', (_, station) => {
    expect(stationInputProblems(station)).toEqual([])
  })

  it('have unique ids and codes a poster can carry, and the settings pass their rules', () => {
    expect(new Set(seedStations.map((station) => station.id)).size).toBe(seedStations.length)
    expect(new Set(seedStations.map((station) => station.code)).size).toBe(seedStations.length)
    for (const station of seedStations) {
      expect(isStationCode(station.code)).toBe(true)
      expect(station.id).toMatch(new RegExp(CONTENT_ID_PATTERN))
      expect(station.address.endsWith('（示例地址）')).toBe(true)
      expect(station.phone).toBe('12351')
    }
    expect(stationSettingsProblems(seedStationSettings)).toEqual([])
  })
})

describe('opening hours', () => {
  it('lets a night run into the next morning without clashing with the same day’s morning', () => {
    expect(fields(withMonday([{ open: '06:00', close: '10:00' }, { open: '22:00', close: '08:00' }]))).toEqual([])
  })

  it('finds an overlap with an interval listed before a longer one', () => {
    // Sorted by opening time: 08:00–20:00 reaches past 12:00–13:00 and 14:00–15:00 both.
    expect(fields(withMonday([{ open: '14:00', close: '15:00' }, { open: '08:00', close: '20:00' }, { open: '12:00', close: '13:00' }]))).toEqual([
      'hours.week.0.2.open',
      'hours.week.0.1.open'
    ])
  })

  it('takes intervals that only touch', () => {
    expect(fields(withMonday([{ open: '08:00', close: '12:00' }, { open: '12:00', close: '18:00' }]))).toEqual([])
  })

  it('refuses 00:00–00:00 (全天 is 00:00–24:00) and 24:00 as an opening time', () => {
    expect(fields(withMonday([{ open: '00:00', close: '00:00' }]))).toEqual(['hours.week.0.0.close'])
    expect(fields(withMonday([{ open: '24:00', close: '06:00' }]))).toEqual(['hours.week.0.0.open'])
  })
})

describe('dates and reasons', () => {
  it.each([
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['1999-12-31', false],
    ['2027-1-1', false],
    ['2027-01-01T00:00', false]
  ])('%s is a calendar date: %s', (date, valid) => {
    expect(isCalendarDate(date)).toBe(valid)
  })

  it('allows a campaign of one day', () => {
    expect(stationSettingsProblems({ holidays: [], summerCampaign: { startsOn: '2027-07-01', endsOn: '2027-07-01', sample: false } })).toEqual([])
  })

  it('counts a reason in characters as people count them', () => {
    expect(closeReasonProblems('𠀀'.repeat(60))).toEqual([])
    expect(closeReasonProblems('𠀀'.repeat(61)).map((problem) => problem.field)).toEqual(['reason'])
  })
})
