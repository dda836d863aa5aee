/**
 * The station rules staff pages and the server share (src/domain/station-input.ts), where HTTP adds nothing: the
 * sample stations pass the rules an editor is held to (so saving one back unchanged never fails), calendar dates,
 * where one day's opening hours end, one-line text (no line breaks or control characters) and phone numbers.
 */
import { CONTENT_ID_PATTERN } from '@/domain'
import { isStationCode, type OpeningInterval } from '@/domain/stations'
import {
  PHONE_RULE_MESSAGE,
  STATION_LIMITS,
  closeReasonProblems,
  isCalendarDate,
  stationInputProblems,
  stationSettingsProblems,
  type StationInput
} from '@/domain/station-input'
import { seedStationSettings, seedStations } from '@server/stations/seed-data'

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
    expect(
      fields(
        withMonday([
          { open: '06:00', close: '10:00' },
          { open: '22:00', close: '08:00' }
        ])
      )
    ).toEqual([])
  })

  it('finds an overlap with an interval listed before a longer one', () => {
    // Sorted by opening time: 08:00–20:00 reaches past 12:00–13:00 and 14:00–15:00 both.
    expect(
      fields(
        withMonday([
          { open: '14:00', close: '15:00' },
          { open: '08:00', close: '20:00' },
          { open: '12:00', close: '13:00' }
        ])
      )
    ).toEqual(['hours.week.0.2.open', 'hours.week.0.1.open'])
  })

  it('takes intervals that only touch', () => {
    expect(
      fields(
        withMonday([
          { open: '08:00', close: '12:00' },
          { open: '12:00', close: '18:00' }
        ])
      )
    ).toEqual([])
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

/** Line breaks, the other controls, the Unicode line separators and the bidirectional overrides and isolates. */
const UNPRINTABLE = ['\n', '\r', '\t', '\u0001', '\u001f', '\u007f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069']
const show = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

describe('one-line text', () => {
  const oneLineFields: [string, string, (value: string) => StationInput][] = [
    ['name', '站点名称', (value) => ({ ...base, name: value })],
    ['town', '所在镇街', (value) => ({ ...base, town: value })],
    ['address', '地址', (value) => ({ ...base, address: value })],
    ['summerOffer', '夏送清凉服务', (value) => ({ ...base, summerOffer: value })],
    ['sampleNote', '示例说明', (value) => ({ ...base, sample: true, sampleNote: value })],
    ['hours.note', '开放时间说明', (value) => ({ ...base, hours: { ...base.hours, note: value } })]
  ]

  it.each(oneLineFields)('refuses line breaks and control characters in %s, naming it', (field, label, withValue) => {
    for (const character of UNPRINTABLE) {
      const problems = stationInputProblems(withValue(`鼓楼${character}暖心驿站`))
      expect({ character: show(character), problems }).toEqual({
        character: show(character),
        problems: [{ field, message: `${label}不能包含换行或控制字符` }]
      })
    }
    expect(stationInputProblems(withValue('鼓楼 暖心驿站'))).toEqual([])
  })

  it('refuses a name of line breaks however short it looks, before its length', () => {
    expect(stationInputProblems({ ...base, name: `鼓楼${'\n'.repeat(30)}驿站` })).toEqual([{ field: 'name', message: '站点名称不能包含换行或控制字符' }])
  })

  it('lets only the description keep its paragraphs: a line break, never another control character', () => {
    expect(stationInputProblems({ ...base, description: '快递员可在此歇脚。\n\n饮水、充电免费。' })).toEqual([])
    for (const character of UNPRINTABLE.filter((candidate) => candidate !== '\n')) {
      expect(stationInputProblems({ ...base, description: `歇脚${character}热饭` })).toEqual([
        { field: 'description', message: '站点介绍不能包含除换行外的控制字符' }
      ])
    }
  })

  it('holds the close reason and the holiday names to one line too', () => {
    expect(closeReasonProblems('装修改造\n暂停开放')).toEqual([{ field: 'reason', message: '暂停开放的原因不能包含换行或控制字符' }])
    expect(closeReasonProblems('装修改造，暂停开放')).toEqual([])
    const holidays = [
      { date: '2027-01-01', kind: 'holiday' as const, name: '元旦' },
      { date: '2027-02-06', kind: 'holiday' as const, name: '春节\u2028' }
    ]
    expect(stationSettingsProblems({ holidays, summerCampaign: null })).toEqual([
      { field: 'holidays.1.name', message: '节假日第 2 项的名称不能包含换行或控制字符' }
    ])
  })
})

describe('phone numbers', () => {
  it.each([
    '12351',
    '010-6904 1234',
    '69041234',
    '+86 10 6904 1234',
    '+8613800138000',
    '(010) 6904-1234',
    '(010)69041234',
    '010-69041234转801',
    '6904 1234 转 8001',
    '+86 10 6904 1234 转 8001'
  ])('takes %j', (phone) => {
    expect(stationInputProblems({ ...base, phone })).toEqual([])
  })

  it.each([
    ['dashes only', '---'],
    ['spaces only', '   '],
    ['nothing', ''],
    ['two digits', '1-2'],
    ['the country code alone', '+86 12'],
    ['a trailing dash', '123---'],
    ['empty parentheses', '()123'],
    ['an unclosed parenthesis', '(010 6904 1234'],
    ['an extension without its number', '69041234 转'],
    ['an extension alone', '转801'],
    ['letters', '010-MIYUN-1'],
    ['a line break', '010\n69041234'],
    ['full-width digits', '１２３５１'],
    ['too many characters', `+86 10 ${'6'.repeat(STATION_LIMITS.phone)}`]
  ])('refuses %s (%j), saying what a number may hold', (_, phone) => {
    expect(stationInputProblems({ ...base, phone })).toEqual([{ field: 'phone', message: PHONE_RULE_MESSAGE }])
  })

  it('says the rule in the message', () => {
    expect(PHONE_RULE_MESSAGE).toBe('电话只能包含数字、空格和 -，至少 3 位数字，不超过 24 字；可加开头的 +86、括号里的区号如 (010) 和分机如「转 801」')
  })
})
