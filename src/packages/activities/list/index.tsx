import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { fetchActivities, type ActivityFilter } from '@/api/activities'
import { ActivityCard } from '@/components/activity-card'
import { CardPages } from '@/components/card-pages'
import { FilterChips } from '@/components/filter-chips'
import { PageRoot } from '@/components/page-root'
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, activityStatus, isOpenForSignup, type ActivityKind, type ActivitySummary } from '@/domain/activities'
import { routeParam } from '@/routes'

function filterFromParams(params: Partial<Record<string, string>>): ActivityFilter {
  const kind = routeParam(params.kind)
  return {
    kind: (ACTIVITY_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ActivityKind) : undefined,
    open: routeParam(params.open) === '1'
  }
}

/**
 * The server filters 「可报名」 with its own clock; filtering again with the phone's keeps the chip's promise: every
 * card under it can be signed up for now.
 */
function visibleItems(items: ActivitySummary[], filter: ActivityFilter): ActivitySummary[] {
  return filter.open ? items.filter((item) => isOpenForSignup({ ...item, status: activityStatus(item, Date.now()) })) : items
}

const card = (activity: ActivitySummary) => <ActivityCard key={activity.id} activity={activity} />

export default function ActivityListPage() {
  const router = useRouter()
  const [filter, setFilter] = useState<ActivityFilter>(() => filterFromParams(router.params))
  const select = (change: ActivityFilter) => setFilter((previous) => ({ ...previous, ...change }))
  const kindChips = [{ value: undefined, label: '全部' }, ...ACTIVITY_KINDS.map((kind) => ({ value: kind, label: ACTIVITY_KIND_LABELS[kind] }))]
  const openChips = [
    { value: false, label: '全部' },
    { value: true, label: '可报名' }
  ]

  return (
    <PageRoot className='activity-list'>
      <CardPages
        filters={
          <>
            <FilterChips title='报名' options={openChips} isActive={(open) => open === Boolean(filter.open)} onSelect={(open) => select({ open })} />
            <FilterChips<ActivityKind | undefined>
              title='类型'
              options={kindChips}
              isActive={(kind) => kind === filter.kind}
              onSelect={(kind) => select({ kind })}
            />
          </>
        }
        filter={filter}
        filterKey={[filter.kind, filter.open]}
        fetchPage={fetchActivities}
        visible={visibleItems}
        what='活动'
        emptyText={filter.open ? '暂无可报名的活动，可看看全部活动' : '暂无符合条件的活动'}
        hasFilter={Boolean(filter.kind || filter.open)}
        onClear={() => setFilter({})}
        card={card}
      />
    </PageRoot>
  )
}
