import { competitionStatus } from '@/domain/competitions'

const dates = {
  signupStartsAt: '2026-11-10T09:00:00+08:00',
  signupEndsAt: '2026-12-15T18:00:00+08:00',
  eventStartsAt: '2026-12-20T09:00:00+08:00',
  eventEndsAt: '2026-12-21T17:00:00+08:00'
}

describe('competition status from dates', () => {
  it('is upcoming until the moment sign-up opens', () => {
    expect(competitionStatus(dates, '2026-11-10T08:59:59+08:00')).toBe('upcoming')
    expect(competitionStatus(dates, '2026-11-10T00:59:59Z')).toBe('upcoming')
  })
  it('opens sign-up at the exact start and keeps it open through the exact end', () => {
    expect(competitionStatus(dates, '2026-11-10T09:00:00+08:00')).toBe('signup')
    expect(competitionStatus(dates, '2026-12-15T18:00:00+08:00')).toBe('signup')
  })
  it('is ongoing from the second after sign-up closes through the end of the event', () => {
    expect(competitionStatus(dates, '2026-12-15T18:00:01+08:00')).toBe('ongoing')
    expect(competitionStatus(dates, '2026-12-21T17:00:00+08:00')).toBe('ongoing')
  })
  it('is ended after the event ends, whatever the clock zone of the caller', () => {
    expect(competitionStatus(dates, '2026-12-21T17:00:01+08:00')).toBe('ended')
    expect(competitionStatus(dates, '2026-12-21T09:00:01Z')).toBe('ended')
  })
})
