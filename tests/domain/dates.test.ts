import { beijing, formatDate, formatDateRange, formatDateTime, toUtcIso } from '../../src/domain/dates'

describe('Beijing time', () => {
  it('reads an instant as Beijing wall time, across the UTC date line', () => {
    expect(formatDateTime('2026-11-30T16:30:00Z')).toBe('2026年12月1日 00:30')
    expect(formatDate('2026-12-31T16:00:00.000Z')).toBe('2027年1月1日')
    expect(formatDateTime('2026-06-01T09:05:00+08:00')).toBe('2026年6月1日 09:05')
    expect(beijing('2026-03-09T01:02:03-05:00').format('YYYY-MM-DD HH:mm:ss')).toBe('2026-03-09 14:02:03')
  })

  it('adds days in Beijing time, over month and year ends', () => {
    expect(beijing('2026-12-31T15:00:00Z').add(1, 'day').format('YYYY-MM-DD')).toBe('2027-01-01')
    expect(beijing('2028-02-28T12:00:00+08:00').add(1, 'day').format('M月D日')).toBe('2月29日')
  })

  it('shortens a range within one day or one year', () => {
    expect(formatDateRange('2026-12-01T09:00:00+08:00', '2026-12-01T17:30:00+08:00')).toBe('2026年12月1日 09:00–17:30')
    expect(formatDateRange('2026-12-01T09:00:00+08:00', '2026-12-03T17:00:00+08:00')).toBe('2026年12月1日–12月3日')
    expect(formatDateRange('2026-12-30T09:00:00+08:00', '2027-01-02T17:00:00+08:00')).toBe('2026年12月30日–2027年1月2日')
  })

  it('stores instants in UTC Z form and refuses what is not a date', () => {
    expect(toUtcIso('2026-12-01T09:00:00+08:00')).toBe('2026-12-01T01:00:00.000Z')
    expect(() => toUtcIso('明天')).toThrow('无效的日期')
  })
})
