import type { CompetitionStatus, IsoDateTime } from './types'

export interface CompetitionDates {
  signupStartsAt: IsoDateTime
  signupEndsAt: IsoDateTime
  eventStartsAt: IsoDateTime
  eventEndsAt: IsoDateTime
}

export const STATUS_LABELS: Record<CompetitionStatus, string> = {
  upcoming: '即将报名',
  signup: '报名中',
  ongoing: '进行中',
  ended: '已结束'
}

/**
 * Status is derived from the dates, never stored.
 * Bounds are inclusive: at signupStartsAt sign-up is open, at signupEndsAt it is still open,
 * at eventEndsAt the event is still on. After sign-up closes the competition counts as 进行中
 * (preliminaries and preparation run until the final ends).
 */
export function competitionStatus(dates: CompetitionDates, now: Date | string | number = Date.now()): CompetitionStatus {
  const at = typeof now === 'string' ? Date.parse(now) : new Date(now).getTime()
  if (at < Date.parse(dates.signupStartsAt)) return 'upcoming'
  if (at <= Date.parse(dates.signupEndsAt)) return 'signup'
  if (at <= Date.parse(dates.eventEndsAt)) return 'ongoing'
  return 'ended'
}
