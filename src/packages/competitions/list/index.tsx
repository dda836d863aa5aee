import { Button, CustomWrapper, Text, View } from '@tarojs/components'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { memo, useMemo, useState } from 'react'
import { fetchCompetitions, type CompetitionFilter } from '@/api/competitions'
import { useLaterPages } from '@/api/use-later-pages'
import { useResource } from '@/api/use-resource'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { CompetitionCard, displayedStatus } from '@/components/competition-card'
import { FilterChips } from '@/components/filter-chips'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import {
  COMPETITION_STATUSES,
  STATUS_LABELS,
  TRADES,
  type CompetitionStatus,
  type CompetitionSummary,
  type Trade
} from '@/domain/competitions'
import { routeParam } from '@/routes'
import './index.scss'

/** The order a worker scans the filter in: what can be joined now first. */
const STATUS_CHIPS: CompetitionStatus[] = ['signup', 'ongoing', 'ended', 'upcoming']

function filterFromParams(params: Partial<Record<string, string>>): CompetitionFilter {
  const status = routeParam(params.status)
  const trade = routeParam(params.trade)
  return {
    status: (COMPETITION_STATUSES as readonly string[]).includes(status ?? '') ? (status as CompetitionStatus) : undefined,
    trade: (TRADES as readonly string[]).includes(trade ?? '') ? (trade as Trade) : undefined
  }
}

/**
 * The server filters by status with its own clock; the badge is derived with the phone's. Filtering again here
 * keeps the promise of the chip: under 报名中 every card says 报名中.
 */
function visibleItems(items: CompetitionSummary[], filter: CompetitionFilter): CompetitionSummary[] {
  return filter.status ? items.filter((item) => displayedStatus(item) === filter.status) : items
}

/**
 * One loaded page of cards in its own CustomWrapper: appending page 3 updates only the new wrapper, so the
 * cards of pages 1–2 are not sent to the view again. Memoised on the page's array, which never changes once loaded.
 */
const PageBlock = memo(function PageBlock({ items }: { items: CompetitionSummary[] }) {
  return (
    <CustomWrapper>
      {items.map((competition) => (
        <CompetitionCard key={competition.id} competition={competition} />
      ))}
    </CustomWrapper>
  )
})

interface Chip<T> {
  value: T | undefined
  label: string
}

export default function CompetitionListPage() {
  const router = useRouter()
  const [filter, setFilter] = useState<CompetitionFilter>(() => filterFromParams(router.params))
  const { state, reload } = useResource(() => fetchCompetitions(filter, 1), [filter.status, filter.trade])

  const firstPage = state.status === 'ready' ? state.data : undefined
  const firstBlock = useMemo(() => (firstPage ? visibleItems(firstPage.items, filter) : []), [firstPage, filter])

  const { pages: more, loadMore: loadNextPage } = useLaterPages(
    firstPage,
    (page) => fetchCompetitions(filter, page),
    (items) => visibleItems(items, filter)
  )

  useReachBottom(() => {
    void loadNextPage()
  })

  usePullDownReload(reload)

  const select = (change: CompetitionFilter) => setFilter((previous) => ({ ...previous, ...change }))
  const hasFilter = Boolean(filter.status || filter.trade)

  const statusChips: Chip<CompetitionStatus>[] = [
    { value: undefined, label: '全部' },
    ...STATUS_CHIPS.map((status) => ({ value: status, label: STATUS_LABELS[status] }))
  ]
  const tradeChips: Chip<Trade>[] = [{ value: undefined, label: '全部' }, ...TRADES.map((trade) => ({ value: trade, label: trade }))]

  return (
    <PageRoot className='competition-list'>
      <View className='competition-list__filters'>
        <FilterChips title='状态' options={statusChips} isActive={(status) => status === filter.status} onSelect={(status) => select({ status })} />
        <FilterChips title='工种' options={tradeChips} isActive={(trade) => trade === filter.trade} onSelect={(trade) => select({ trade })} />
      </View>
      <PageState state={state} onRetry={() => void reload()} what='竞赛'>
        {() => {
          const shown = firstBlock.length + more.blocks.reduce((count, block) => count + block.length, 0)
          if (shown === 0 && !more.hasMore) {
            return (
              <View className='competition-list__empty'>
                <Text className='competition-list__empty-text'>暂无符合条件的竞赛</Text>
                {hasFilter && (
                  <Button className='competition-list__clear' onClick={() => setFilter({})}>
                    清除筛选
                  </Button>
                )}
              </View>
            )
          }
          return (
            <View>
              {/*
                Only the page blocks live in this container: WeChat's setData then appends the new block alone.
                A sibling after them (the footer) would make Taro resend every child, earlier blocks included.
              */}
              <View className='competition-list__items'>
                <PageBlock items={firstBlock} />
                {more.blocks.map((block, index) => (
                  <PageBlock key={index + 2} items={block} />
                ))}
              </View>
              <View className='competition-list__footer'>
                {more.status === 'loading' && <Text>正在加载更多…</Text>}
                {more.status === 'error' && (
                  <View className='competition-list__more-error' role='button' onClick={() => void loadNextPage()}>
                    <Text>{more.error?.message ?? '加载失败'}，点此重试</Text>
                  </View>
                )}
                {more.status === 'idle' && !more.hasMore && <Text>没有更多了</Text>}
                {/* The tap is for a list too short to scroll, where reaching the bottom never fires. */}
                {more.status === 'idle' && more.hasMore && (
                  <View className='competition-list__more' role='button' onClick={() => void loadNextPage()}>
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
