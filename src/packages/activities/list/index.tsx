import { Button, CustomWrapper, Text, View } from '@tarojs/components'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { memo, useMemo, useState } from 'react'
import { fetchActivities, type ActivityFilter } from '@/api/activities'
import { useLaterPages } from '@/api/use-later-pages'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { useResource } from '@/api/use-resource'
import { ActivityCard } from '@/components/activity-card'
import { FilterChips } from '@/components/filter-chips'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, activityStatus, isOpenForSignup, type ActivityKind, type ActivitySummary } from '@/domain/activities'
import { routeParam } from '@/routes'
import './index.scss'

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

/** One loaded page of cards in its own CustomWrapper, as on the competitions list: appending updates only the new one. */
const PageBlock = memo(function PageBlock({ items }: { items: ActivitySummary[] }) {
  return (
    <CustomWrapper>
      {items.map((activity) => (
        <ActivityCard key={activity.id} activity={activity} />
      ))}
    </CustomWrapper>
  )
})

export default function ActivityListPage() {
  const router = useRouter()
  const [filter, setFilter] = useState<ActivityFilter>(() => filterFromParams(router.params))
  const { state, reload } = useResource(() => fetchActivities(filter, 1), [filter.kind, filter.open])

  const firstPage = state.status === 'ready' ? state.data : undefined
  const firstBlock = useMemo(() => (firstPage ? visibleItems(firstPage.items, filter) : []), [firstPage, filter])
  const { pages: more, loadMore } = useLaterPages(
    firstPage,
    (page) => fetchActivities(filter, page),
    (items) => visibleItems(items, filter)
  )

  useReachBottom(() => {
    void loadMore()
  })
  usePullDownReload(reload)

  const select = (change: ActivityFilter) => setFilter((previous) => ({ ...previous, ...change }))
  const hasFilter = Boolean(filter.kind || filter.open)
  const kindChips = [{ value: undefined, label: '全部' }, ...ACTIVITY_KINDS.map((kind) => ({ value: kind, label: ACTIVITY_KIND_LABELS[kind] }))]
  const openChips = [
    { value: false, label: '全部' },
    { value: true, label: '可报名' }
  ]

  return (
    <PageRoot className='activity-list'>
      <View className='activity-list__filters'>
        <FilterChips title='报名' options={openChips} isActive={(open) => open === Boolean(filter.open)} onSelect={(open) => select({ open })} />
        <FilterChips<ActivityKind | undefined> title='类型' options={kindChips} isActive={(kind) => kind === filter.kind} onSelect={(kind) => select({ kind })} />
      </View>
      <PageState state={state} onRetry={() => void reload()} what='活动'>
        {() => {
          const shown = firstBlock.length + more.blocks.reduce((count, block) => count + block.length, 0)
          if (shown === 0 && !more.hasMore) {
            return (
              <View className='activity-list__empty'>
                <Text className='activity-list__empty-text'>{filter.open ? '暂无可报名的活动，可看看全部活动' : '暂无符合条件的活动'}</Text>
                {hasFilter && (
                  <Button className='activity-list__clear' onClick={() => setFilter({})}>
                    清除筛选
                  </Button>
                )}
              </View>
            )
          }
          return (
            <View>
              {/* Only the page blocks in this container: WeChat's setData then appends the new block alone. */}
              <View className='activity-list__items'>
                <PageBlock items={firstBlock} />
                {more.blocks.map((block, index) => (
                  <PageBlock key={index + 2} items={block} />
                ))}
              </View>
              <View className='activity-list__footer'>
                {more.status === 'loading' && <Text>正在加载更多…</Text>}
                {more.status === 'error' && (
                  <View className='activity-list__more-error' role='button' onClick={() => void loadMore()}>
                    <Text>{more.error?.message ?? '加载失败'}，点此重试</Text>
                  </View>
                )}
                {more.status === 'idle' && !more.hasMore && <Text>没有更多了</Text>}
                {/* The tap is for a list too short to scroll, where reaching the bottom never fires. */}
                {more.status === 'idle' && more.hasMore && (
                  <View role='button' onClick={() => void loadMore()}>
                    <Text>上拉加载更多</Text>
                  </View>
                )}
              </View>
            </View>
          )
        }}
      </PageState>
    </PageRoot>
  )
}
