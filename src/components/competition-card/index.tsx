import { Image, Text, View } from '@tarojs/components'
import { memo } from 'react'
import { mediaUrl } from '@/api/client'
import {
  STATUS_LABELS,
  competitionStatus,
  type CompetitionStatus,
  type CompetitionSummary
} from '@/domain/competitions'
import { formatDateRange } from '@/domain/dates'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { SampleTag } from '../sample-tag'
import './index.scss'

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
  const cover = mediaUrl(competition.cover)
  return (
    <View
      className='competition-card'
      data-testid='competition-card'
      data-status={status}
      role='link'
      onClick={() => void go(routes.competitionDetail(competition.id))}
    >
      {cover && <Image className='competition-card__cover' src={cover} mode='aspectFill' />}
      <View className='competition-card__body'>
        <View className='competition-card__tags'>
          <Text className={`status-badge status-badge--${status}`}>{STATUS_LABELS[status]}</Text>
          <Text className='trade-tag'>{competition.trade}</Text>
          {competition.sample && <SampleTag note={competition.sampleNote} />}
        </View>
        <Text className='competition-card__title'>{competition.title}</Text>
        <Text className='competition-card__line'>
          {dates.label}：{dates.range}
        </Text>
        <Text className='competition-card__line'>地点：{competition.venue}</Text>
      </View>
    </View>
  )
}

/** One competition in a list. Memoised: appending a page of a list must not re-render the cards already shown. */
export const CompetitionCard = memo(CompetitionCardView)
