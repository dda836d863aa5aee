import { memo } from 'react'
import { STATUS_LABELS, competitionStatus, type CompetitionStatus, type CompetitionSummary } from '@/domain/competitions'
import { formatDateRange } from '@/domain/dates'
import { routes } from '@/routes'
import { EventCard } from '../event-card'

/**
 * Status is derived here from the dates at render time: a list loaded yesterday (or kept offline) must not
 * keep saying 报名中 after sign-up closed, whatever status the server or the cache carried.
 */
export function displayedStatus(competition: CompetitionSummary): CompetitionStatus {
  return competitionStatus(competition, Date.now())
}

/** Before and during sign-up a worker needs the sign-up window; after it, the event dates. */
function keyDates(competition: CompetitionSummary, status: CompetitionStatus): { label: string; range: string } {
  if (status === 'upcoming' || status === 'signup') {
    return { label: '报名时间', range: formatDateRange(competition.signupStartsAt, competition.signupEndsAt) }
  }
  return { label: '比赛时间', range: formatDateRange(competition.eventStartsAt, competition.eventEndsAt) }
}

function CompetitionCardView({ competition }: { competition: CompetitionSummary }) {
  const status = displayedStatus(competition)
  const dates = keyDates(competition, status)
  return (
    <EventCard
      testId='competition-card'
      url={routes.competitionDetail(competition.id)}
      cover={competition.cover}
      badge={{ tone: status, label: STATUS_LABELS[status] }}
      tag={competition.trade}
      sample={competition.sample}
      sampleNote={competition.sampleNote}
      title={competition.title}
      lines={[`${dates.label}：${dates.range}`, `地点：${competition.venue}`]}
    />
  )
}

/** One competition in a list. Memoised: appending a page of a list must not re-render the cards already shown. */
export const CompetitionCard = memo(CompetitionCardView)
