import { beijingClock } from '@/domain/dates'
import { dayKind, formatIntervals, hoursTable, intervalsOn, isClockTime, isSummerCampaignOn, openState } from '@/domain/station-hours'
import type { HolidayDate, OpeningHours, OpeningInterval } from '@/domain/stations'
import { printedInZone } from '../support/in-zone'

/** A Beijing wall-clock moment as an instant (the +08:00 offset makes it independent of the machine's zone). */
const at = (beijingDateTime: string) => new Date(`${beijingDateTime.replace(' ', 'T')}:00+08:00`)

const span = (open: string, close: string): OpeningInterval => ({ open, close })
const day = (open: string, close: string) => [span(open, close)]

function weekOf(...days: OpeningInterval[][]): OpeningInterval[][] {
  return Array.from({ length: 7 }, (_, index) => days[index] ?? [])
}

// 2026-06-05 is a Friday, 2026-06-08 a Monday; 2026-09-27 a Sunday, 2026-10-01 a Thursday.
const officeHours: OpeningHours = {
  week: weekOf(day('08:00', '18:00'), day('08:00', '18:00'), day('08:00', '18:00'), day('08:00', '18:00'), day('08:00', '18:00')),
  holiday: []
}

/** Weekdays 08:00–18:00, a late Friday that runs past midnight, closed at the weekend. */
const lateFriday = (holiday: OpeningInterval[] | null): OpeningHours => ({
  week: weekOf(day('08:00', '18:00'), day('08:00', '18:00'), day('08:00', '18:00'), day('08:00', '18:00'), day('18:00', '02:00')),
  holiday
})

const nationalDay: HolidayDate[] = [
  { date: '2026-09-27', kind: 'workday', name: '国庆节调休上班' },
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const, name: '国庆节' }))
]

describe('clock times', () => {
  it('accepts HH:mm within the day and 24:00 only where a close time is meant', () => {
    expect(isClockTime('00:00')).toBe(true)
    expect(isClockTime('08:30')).toBe(true)
    expect(isClockTime('23:59')).toBe(true)
    expect(isClockTime('24:00')).toBe(false)
    expect(isClockTime('24:00', { allow24: true })).toBe(true)
    expect(isClockTime('24:01', { allow24: true })).toBe(false)
    expect(isClockTime('8:00')).toBe(false)
    expect(isClockTime('12:60')).toBe(false)
    expect(isClockTime('08:00 ')).toBe(false)
    expect(isClockTime('')).toBe(false)
  })
})

describe('the Beijing day', () => {
  it('reads date, weekday (Monday = 0) and minutes in Beijing time, across the UTC date line', () => {
    expect(beijingClock(new Date('2026-06-05T16:30:00Z'))).toEqual({ date: '2026-06-06', weekday: 5, minutes: 30 })
    expect(beijingClock(new Date('2026-12-31T16:00:00Z'))).toEqual({ date: '2027-01-01', weekday: 4, minutes: 0 })
    expect(beijingClock(new Date('2026-06-07T15:59:00Z'))).toEqual({ date: '2026-06-07', weekday: 6, minutes: 23 * 60 + 59 })
  })

  it('tells holidays and make-up workdays from ordinary days', () => {
    expect(dayKind('2026-10-03', nationalDay)).toBe('holiday')
    expect(dayKind('2026-09-27', nationalDay)).toBe('workday')
    expect(dayKind('2026-10-08', nationalDay)).toBe('normal')
  })
})

describe('the intervals of a day', () => {
  it('uses the weekday on an ordinary day', () => {
    expect(intervalsOn(officeHours, '2026-06-05', [])).toEqual(day('08:00', '18:00'))
    expect(intervalsOn(officeHours, '2026-06-06', [])).toEqual([])
  })

  it('uses the holiday hours on a holiday: closed, shortened, or as on that weekday', () => {
    expect(intervalsOn(officeHours, '2026-10-01', nationalDay)).toEqual([])
    expect(intervalsOn({ ...officeHours, holiday: day('09:00', '12:00') }, '2026-10-01', nationalDay)).toEqual(day('09:00', '12:00'))
    expect(intervalsOn({ ...officeHours, holiday: null }, '2026-10-01', nationalDay)).toEqual(day('08:00', '18:00'))
    // A holiday on a Saturday with holiday: null keeps Saturday's (closed) hours.
    expect(intervalsOn({ ...officeHours, holiday: null }, '2026-10-03', nationalDay)).toEqual([])
  })

  it("keeps Monday's hours on a 调休 workday, even on a Sunday", () => {
    const mondayOnly: OpeningHours = { week: weekOf(day('07:30', '11:30')), holiday: [] }
    expect(intervalsOn(mondayOnly, '2026-09-27', nationalDay)).toEqual(day('07:30', '11:30'))
    expect(intervalsOn(mondayOnly, '2026-09-20', nationalDay)).toEqual([])
  })
})

describe('open now', () => {
  it('follows an interval past midnight into the next day, and closes at its end', () => {
    const hours = lateFriday([])
    expect(openState({ hours }, [], at('2026-06-05 17:59'))).toEqual({ status: 'closed', label: '已关门 · 今天 18:00 开门' })
    expect(openState({ hours }, [], at('2026-06-05 18:00'))).toEqual({ status: 'open', label: '营业中 · 次日 02:00 关门' })
    expect(openState({ hours }, [], at('2026-06-06 01:30'))).toEqual({ status: 'open', label: '营业中 · 02:00 关门' })
    expect(openState({ hours }, [], at('2026-06-06 02:00'))).toEqual({ status: 'closed', label: '已关门 · 周一 08:00 开门' })
  })

  it('applies the holiday rule of the day the interval started, not of the day it runs into', () => {
    const fridayHoliday: HolidayDate[] = [{ date: '2026-06-05', kind: 'holiday', name: '端午节' }]
    const saturdayHoliday: HolidayDate[] = [{ date: '2026-06-06', kind: 'holiday', name: '端午节' }]
    // Friday closed for the holiday: nothing runs into Saturday night.
    expect(openState({ hours: lateFriday([]) }, fridayHoliday, at('2026-06-06 01:30')).status).toBe('closed')
    // Friday is ordinary, Saturday the holiday: Friday's interval still runs until 02:00.
    expect(openState({ hours: lateFriday([]) }, saturdayHoliday, at('2026-06-06 01:30'))).toEqual({
      status: 'open',
      label: '营业中 · 02:00 关门'
    })
    // Friday's own holiday hours, longer than usual.
    expect(openState({ hours: lateFriday(day('20:00', '03:00')) }, fridayHoliday, at('2026-06-06 02:30'))).toEqual({
      status: 'open',
      label: '营业中 · 03:00 关门'
    })
    expect(openState({ hours: lateFriday(null) }, fridayHoliday, at('2026-06-06 01:30')).status).toBe('open')
  })

  it('says 全天开放 for a station open around the clock', () => {
    const allDay: OpeningHours = { week: weekOf(...Array.from({ length: 7 }, () => day('00:00', '24:00'))), holiday: null }
    expect(openState({ hours: allDay }, [], at('2026-06-06 03:00'))).toEqual({ status: 'open', label: '营业中 · 全天开放' })
    expect(openState({ hours: allDay }, nationalDay, at('2026-10-01 23:59'))).toEqual({ status: 'open', label: '营业中 · 全天开放' })
    const sundayOnly: OpeningHours = { week: weekOf([], [], [], [], [], [], day('00:00', '24:00')), holiday: null }
    expect(openState({ hours: sundayOnly }, [], at('2026-06-07 23:00')).label).toBe('营业中 · 全天开放')
    expect(openState({ hours: sundayOnly }, [], at('2026-06-06 20:00')).label).toBe('已关门 · 明天 00:00 开门')
  })

  it('reads a day open until midnight as 24:00, and joins it to an early opening after midnight', () => {
    const untilMidnight: OpeningHours = { week: weekOf(day('08:00', '24:00')), holiday: null }
    expect(openState({ hours: untilMidnight }, [], at('2026-06-08 20:00')).label).toBe('营业中 · 24:00 关门')
    const intoTuesday: OpeningHours = { week: weekOf(day('08:00', '24:00'), day('00:00', '02:00')), holiday: null }
    expect(openState({ hours: intoTuesday }, [], at('2026-06-08 23:00')).label).toBe('营业中 · 次日 02:00 关门')
  })

  it('handles a split day: open, closed over lunch, closed in the evening', () => {
    const split: OpeningHours = {
      week: weekOf(...Array.from({ length: 5 }, () => [span('08:00', '12:00'), span('14:00', '18:00')])),
      holiday: []
    }
    expect(openState({ hours: split }, [], at('2026-06-08 10:00')).label).toBe('营业中 · 12:00 关门')
    expect(openState({ hours: split }, [], at('2026-06-08 12:30'))).toEqual({ status: 'closed', label: '已关门 · 今天 14:00 开门' })
    expect(openState({ hours: split }, [], at('2026-06-08 19:00')).label).toBe('已关门 · 明天 08:00 开门')
    expect(openState({ hours: split }, [], at('2026-06-05 19:00')).label).toBe('已关门 · 周一 08:00 开门')
  })

  it('names the weekday of the next opening within a week, and gives none beyond', () => {
    const wednesdays: OpeningHours = { week: weekOf([], [], day('09:00', '11:00')), holiday: [] }
    expect(openState({ hours: wednesdays }, [], at('2026-06-05 12:00')).label).toBe('已关门 · 周三 09:00 开门')
    expect(openState({ hours: wednesdays }, [], at('2026-06-09 12:00')).label).toBe('已关门 · 明天 09:00 开门')
    // Wednesday after closing: the next opening is a week away, not 「周三」 as if it were today.
    expect(openState({ hours: wednesdays }, [], at('2026-06-10 12:00')).label).toBe('已关门 · 下周三 09:00 开门')
    const never: OpeningHours = { week: weekOf(), holiday: null }
    expect(openState({ hours: never }, [], at('2026-06-10 12:00'))).toEqual({ status: 'closed', label: '已关门' })
    // The whole 国庆 week closed: the first opening after it is more than 7 days away.
    expect(openState({ hours: officeHours }, nationalDay, at('2026-09-30 19:00'))).toEqual({ status: 'closed', label: '已关门' })
    expect(openState({ hours: officeHours }, nationalDay, at('2026-10-02 19:00')).label).toBe('已关门 · 周四 08:00 开门')
  })

  it('opens on a 调休 Sunday with Monday hours', () => {
    expect(openState({ hours: officeHours }, nationalDay, at('2026-09-27 09:00')).label).toBe('营业中 · 18:00 关门')
    expect(openState({ hours: officeHours }, [], at('2026-09-27 09:00')).label).toBe('已关门 · 明天 08:00 开门')
    expect(openState({ hours: officeHours }, nationalDay, at('2026-09-26 12:00')).label).toBe('已关门 · 明天 08:00 开门')
  })

  it('shows 暂停开放 while staff have closed the station, whatever the hours say', () => {
    expect(openState({ hours: officeHours, closedReason: '内部装修' }, [], at('2026-06-08 10:00'))).toEqual({
      status: 'suspended',
      label: '暂停开放'
    })
  })

  it('ignores a malformed interval instead of trusting it', () => {
    const broken: OpeningHours = { week: weekOf([span('25:00', '18:00'), span('08:00', '12:00')]), holiday: null }
    expect(openState({ hours: broken }, [], at('2026-06-08 13:00')).label).toBe('已关门 · 下周一 08:00 开门')
  })

  it('answers in Beijing time on a phone set to another time zone', () => {
    // The zone is read once per process, so the rules run in a child process whose clock is in Los Angeles.
    const script = `
      import { beijingClock } from './src/domain/dates'
      import { hoursTable, openState } from './src/domain/station-hours'
      const lateFriday = ${JSON.stringify(lateFriday([]))}
      const officeHours = ${JSON.stringify(officeHours)}
      const now = new Date('2026-06-05T17:30:00Z')
      console.log(JSON.stringify({
        phoneHour: now.getHours(),
        day: beijingClock(now),
        lateFriday: openState({ hours: lateFriday }, [], now).label,
        office: openState({ hours: officeHours }, [], now).label,
        todayRow: hoursTable(officeHours, [], now).rows.find((row) => row.today).label
      }))`
    // 2026-06-05T17:30Z is Saturday 01:30 in Beijing but Friday 10:30 on this phone.
    expect(printedInZone('America/Los_Angeles', script)).toEqual({
      phoneHour: 10,
      day: { date: '2026-06-06', weekday: 5, minutes: 90 },
      lateFriday: '营业中 · 02:00 关门',
      office: '已关门 · 周一 08:00 开门',
      todayRow: '周六'
    })
  })
})

describe('hours as text', () => {
  it('writes intervals the way a notice board does', () => {
    expect(formatIntervals(day('08:00', '18:00'))).toBe('08:00–18:00')
    expect(formatIntervals([span('14:00', '18:00'), span('08:00', '12:00')])).toBe('08:00–12:00、14:00–18:00')
    expect(formatIntervals(day('18:00', '02:00'))).toBe('18:00–次日02:00')
    expect(formatIntervals(day('08:00', '24:00'))).toBe('08:00–24:00')
    expect(formatIntervals(day('00:00', '24:00'))).toBe('全天开放')
    expect(formatIntervals([])).toBe('休息')
  })

  it('lists Monday to Sunday and the holiday rule, marking today', () => {
    const table = hoursTable({ ...lateFriday(null), note: '雨雪天气延长开放' }, [], at('2026-06-05 12:00'))
    expect(table.rows.map((row) => `${row.label} ${row.text}`)).toEqual([
      '周一 08:00–18:00',
      '周二 08:00–18:00',
      '周三 08:00–18:00',
      '周四 08:00–18:00',
      '周五 18:00–次日02:00',
      '周六 休息',
      '周日 休息',
      '法定节假日 同平日'
    ])
    expect(table.rows.filter((row) => row.today).map((row) => row.label)).toEqual(['周五'])
    expect(table.todayNote).toBeUndefined()
  })

  it('marks the holiday row on a holiday and says which holiday', () => {
    const newYear: HolidayDate[] = [{ date: '2026-01-01', kind: 'holiday', name: '元旦' }]
    const table = hoursTable(officeHours, newYear, at('2026-01-01 09:00'))
    expect(table.rows[7]).toEqual({ label: '法定节假日', text: '休息', today: true, todayMark: '今天' })
    expect(table.rows.filter((row) => row.today)).toHaveLength(1)
    expect(table.todayNote).toBe('今天是元旦（法定节假日）')
    const shortened = hoursTable({ ...officeHours, holiday: day('09:00', '12:00') }, newYear, at('2026-01-01 09:00'))
    expect(shortened.rows[7].text).toBe('09:00–12:00')
  })

  it("marks Monday's row on a 调休 workday as 「今天调休」, so a Sunday is not read as Monday", () => {
    const table = hoursTable(officeHours, nationalDay, at('2026-09-27 09:00'))
    expect(table.rows.filter((row) => row.today).map((row) => [row.label, row.todayMark])).toEqual([['周一', '今天调休']])
    expect(table.todayNote).toBe('今天调休上班（按周一时间开放）')
  })

  it('marks an ordinary day as 「今天」', () => {
    const table = hoursTable(officeHours, nationalDay, at('2026-09-29 09:00'))
    expect(table.rows.filter((row) => row.today).map((row) => [row.label, row.todayMark])).toEqual([['周二', '今天']])
  })
})

describe('夏送清凉 period', () => {
  const campaign = { startsOn: '2026-06-01', endsOn: '2026-08-31', sample: true }

  it('is on from the first Beijing day to the last, inclusive', () => {
    expect(isSummerCampaignOn(campaign, new Date('2026-05-31T15:59:00Z'))).toBe(false)
    expect(isSummerCampaignOn(campaign, new Date('2026-05-31T16:00:00Z'))).toBe(true)
    expect(isSummerCampaignOn(campaign, new Date('2026-08-31T15:59:00Z'))).toBe(true)
    expect(isSummerCampaignOn(campaign, new Date('2026-08-31T16:00:00Z'))).toBe(false)
  })

  it('is off when there is no campaign', () => {
    expect(isSummerCampaignOn(null, at('2026-07-01 12:00'))).toBe(false)
  })
})
