import {
  addDays,
  beijing,
  beijingClock,
  beijingDate,
  beijingInstant,
  formatCalendarDate,
  formatDate,
  formatDateRange,
  formatDateTime,
  isCalendarDate,
  isInstant,
  signupStatus,
  toUtcIso,
  weekdayOf
} from '@/domain/dates'
import { printedInZone } from '../support/in-zone'

describe('Beijing time', () => {
  it('reads an instant as Beijing wall time, across the UTC date line', () => {
    expect(formatDateTime('2026-11-30T16:30:00Z')).toBe('2026年12月1日 00:30')
    expect(formatDate('2026-12-31T16:00:00.000Z')).toBe('2027年1月1日')
    expect(formatDateTime('2026-06-01T09:05:00+08:00')).toBe('2026年6月1日 09:05')
    expect(beijing('2026-03-09T01:02:03-05:00').format('YYYY-MM-DD HH:mm:ss')).toBe('2026-03-09 14:02:03')
  })

  it('turns to the next Beijing day at 16:00 UTC, not a minute before', () => {
    expect(beijingClock('2026-06-07T15:59:00Z')).toEqual({ date: '2026-06-07', weekday: 6, minutes: 23 * 60 + 59 })
    expect(beijingClock('2026-06-07T16:00:00Z')).toEqual({ date: '2026-06-08', weekday: 0, minutes: 0 })
    expect(beijingDate(new Date('2026-06-07T15:59:59.999Z'))).toBe('2026-06-07')
    expect(beijingDate(Date.parse('2026-06-07T16:00:00Z'))).toBe('2026-06-08')
  })

  it('turns the month and the year at Beijing midnight', () => {
    expect(beijingDate('2026-04-30T15:59:00Z')).toBe('2026-04-30')
    expect(beijingDate('2026-04-30T16:00:00Z')).toBe('2026-05-01')
    expect(beijingDate('2026-12-31T15:59:00Z')).toBe('2026-12-31')
    expect(beijingDate('2026-12-31T16:00:00Z')).toBe('2027-01-01')
    expect(formatDateTime('2026-12-31T16:00:00Z')).toBe('2027年1月1日 00:00')
  })

  it('has a 29 February in 2028 and none in 2027', () => {
    expect(beijingDate('2028-02-28T16:00:00Z')).toBe('2028-02-29')
    expect(beijingDate('2028-02-29T16:00:00Z')).toBe('2028-03-01')
    expect(beijingDate('2027-02-28T16:00:00Z')).toBe('2027-03-01')
    expect(beijingClock('2028-02-29T04:00:00Z')).toEqual({ date: '2028-02-29', weekday: 1, minutes: 12 * 60 })
  })

  it('adds days in Beijing time, over month and year ends and the leap day', () => {
    expect(beijing('2026-12-31T15:00:00Z').add(1, 'day').format('YYYY-MM-DD')).toBe('2027-01-01')
    expect(beijing('2028-02-28T12:00:00+08:00').add(1, 'day').format('M月D日')).toBe('2月29日')
    expect(beijing('2028-02-29T09:00:00+08:00').add(1, 'year').format('YYYY-MM-DD HH:mm')).toBe('2029-02-28 09:00')
    expect(beijing('2026-01-31T09:00:00+08:00').add(1, 'month').format('YYYY-MM-DD')).toBe('2026-02-28')
    expect(beijingDate('2026-11-24T10:00:00+08:00', 1)).toBe('2026-11-25')
    expect(beijingDate('2026-12-31T23:30:00+08:00', 1)).toBe('2027-01-01')
    expect(beijingDate('2026-03-01T00:30:00+08:00', -1)).toBe('2026-02-28')
    expect(beijing('2026-12-31T23:30:00+08:00').add(1, 'hour').valueOf()).toBe(Date.parse('2027-01-01T00:30:00+08:00'))
  })

  it('shortens a range within one day or one year', () => {
    expect(formatDateRange('2026-12-01T09:00:00+08:00', '2026-12-01T17:30:00+08:00')).toBe('2026年12月1日 09:00–17:30')
    expect(formatDateRange('2026-12-01T09:00:00+08:00', '2026-12-03T17:00:00+08:00')).toBe('2026年12月1日–12月3日')
    expect(formatDateRange('2026-12-30T09:00:00+08:00', '2027-01-02T17:00:00+08:00')).toBe('2026年12月30日–2027年1月2日')
    // One Beijing day, though two UTC dates.
    expect(formatDateRange('2026-12-01T06:00:00+08:00', '2026-12-01T23:00:00+08:00')).toBe('2026年12月1日 06:00–23:00')
  })

  it('stores instants in UTC Z form and refuses what is not a date', () => {
    expect(toUtcIso('2026-12-01T09:00:00+08:00')).toBe('2026-12-01T01:00:00.000Z')
    expect(() => toUtcIso('明天')).toThrow('无效的日期')
    expect(() => beijing('2026-13-01T00:00:00Z')).toThrow('无效的日期')
  })

  it('writes the instant of a day and a time picked in Beijing', () => {
    const at = beijingInstant('2027-01-01', '00:30')
    expect(at).toBe('2027-01-01T00:30:00+08:00')
    expect(toUtcIso(at)).toBe('2026-12-31T16:30:00.000Z')
  })
})

describe('Beijing dates', () => {
  it('count days over month and year ends and the leap day', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(addDays('2026-06-30', 9)).toBe('2026-07-09')
  })

  it('name the weekday, Monday first', () => {
    expect(weekdayOf('2026-06-08')).toBe(0)
    expect(weekdayOf('2026-06-07')).toBe(6)
    expect(weekdayOf('2028-02-29')).toBe(1)
    expect(weekdayOf('2027-10-01')).toBe(4)
  })

  it('are written the Chinese way', () => {
    expect(formatCalendarDate('2026-07-01')).toBe('2026年7月1日')
    expect(formatCalendarDate('2028-02-29', { withYear: false })).toBe('2月29日')
  })

  it.each([
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2100-12-31', true],
    ['2101-01-01', false]
  ])('%s is a calendar date: %s', (date, valid) => {
    expect(isCalendarDate(date)).toBe(valid)
  })

  it('refuse instants that name no real time', () => {
    expect(isInstant('2028-02-29T09:00:00+08:00')).toBe(true)
    expect(isInstant('2027-02-29T09:00:00+08:00')).toBe(false)
    expect(isInstant('2026-12-31T23:59:59.999+08:00')).toBe(true)
    expect(isInstant('2026-12-31T24:00:00+08:00')).toBe(false)
    expect(isInstant('2026-12-31T16:00:00-15:00')).toBe(false)
  })
})

describe('status from sign-up and event dates', () => {
  const dates = {
    signupStartsAt: '2026-12-31T16:00:00Z',
    signupEndsAt: '2027-01-10T18:00:00+08:00',
    eventStartsAt: '2027-01-20T09:00:00+08:00',
    eventEndsAt: '2027-01-20T17:00:00+08:00'
  }

  it('opens sign-up at Beijing midnight of the new year, given in UTC', () => {
    expect(signupStatus(dates, '2027-01-01T07:59:59+08:00')).toBe('signup')
    expect(signupStatus(dates, '2026-12-31T23:59:59+08:00')).toBe('upcoming')
    expect(signupStatus(dates, new Date('2027-01-01T00:00:00+08:00'))).toBe('signup')
  })

  it('moves on the second after a bound, whatever the caller passes', () => {
    expect(signupStatus(dates, Date.parse('2027-01-10T18:00:01+08:00'))).toBe('ongoing')
    expect(signupStatus(dates, '2027-01-20T09:00:01Z')).toBe('ended')
  })
})

describe('no daylight saving', () => {
  it('reads Beijing time the same on a machine whose zone changes its clocks', () => {
    // The zone is read once per process, so the rules run in a child process on New York time, where 02:00–03:00 on
    // 2026-03-08 does not exist and 01:00–02:00 on 2026-11-01 happens twice: Beijing wall times that fall there
    // (a wall clock kept in the machine's zone, as dayjs's utcOffset(480) keeps it, would turn 02:30 into 03:30).
    const script = `
      import { beijing, beijingClock, beijingDate, formatDateTime } from './src/domain/dates'
      console.log(JSON.stringify({
        wallInLocalGap: formatDateTime('2026-03-07T18:30:00Z'),
        dayIntoLocalGap: beijing('2026-03-06T18:30:00Z').add(1, 'day').format('YYYY-MM-DD HH:mm'),
        dayOverFall: beijing('2026-10-31T05:30:00Z').add(1, 'day').valueOf() - Date.parse('2026-10-31T05:30:00Z'),
        clockInRepeat: beijingClock('2026-11-01T05:30:00Z'),
        dayBack: beijingDate('2026-03-09T01:00:00Z', -1)
      }))`
    expect(printedInZone('America/New_York', script)).toEqual({
      wallInLocalGap: '2026年3月8日 02:30',
      dayIntoLocalGap: '2026-03-08 02:30',
      dayOverFall: 24 * 60 * 60 * 1000,
      clockInRepeat: { date: '2026-11-01', weekday: 6, minutes: 13 * 60 + 30 },
      dayBack: '2026-03-08'
    })
  })
})
