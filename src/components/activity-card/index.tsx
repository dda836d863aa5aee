import { memo } from 'react'
import { ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, activityStatus, type ActivitySummary } from '@/domain/activities'
import { formatDateRange, type SignupDates } from '@/domain/dates'
import { routes } from '@/routes'
import { EventCard } from '../event-card'
import type { BadgeTone } from '../status-badge'

/**
 * An activity's badge on the phone's clock (a list kept offline must not keep saying 报名中 after sign-up closed);
 * one called off says 已取消 whatever its dates.
 */
export function activityBadge(activity: Pick<ActivitySummary, 'cancelled' | keyof SignupDates>): { tone: BadgeTone; label: string } {
  if (activity.cancelled) return { tone: 'cancelled', label: '已取消' }
  const status = activityStatus(activity, Date.now())
  return { tone: status, label: ACTIVITY_STATUS_LABELS[status] }
}

function ActivityCardView({ activity }: { activity: ActivitySummary }) {
  return (
    <EventCard
      testId='activity-card'
      url={routes.activityDetail(activity.id)}
      cover={activity.cover}
      badge={activityBadge(activity)}
      tag={ACTIVITY_KIND_LABELS[activity.kind]}
      sample={activity.sample}
      sampleNote={activity.sampleNote}
      title={activity.title}
      lines={[`时间：${formatDateRange(activity.eventStartsAt, activity.eventEndsAt)}`, `地点：${activity.place}`]}
    />
  )
}

/** One activity in a list. Memoised: appending a page must not re-render the cards already shown. */
export const ActivityCard = memo(ActivityCardView)
