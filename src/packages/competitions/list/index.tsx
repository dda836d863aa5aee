import { Button, CustomWrapper, Text, View } from '@tarojs/components'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { memo, useCallback, useMemo, useRef, useState } from 'react'
import { ApiError } from '../../../api/client'
import { fetchCompetitions, type CompetitionFilter } from '../../../api/competitions'
import { toApiError, useResource } from '../../../api/use-resource'
import { usePullDownReload } from '../../../api/use-pull-down-reload'
import { CompetitionCard, displayedStatus } from '../../../components/competition-card'
import { PageRoot } from '../../../components/page-root'
import { PageState } from '../../../components/page-state'
import { STATUS_LABELS } from '../../../domain/competition-status'
import { COMPETITION_STATUSES, TRADES, type CompetitionStatus, type CompetitionSummary, type Page, type Trade } from '../../../domain/types'
import { routeParam } from '../../../routes'
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

function ChipRow<T extends string>({
  title,
  chips,
  selected,
  onSelect
}: {
  title: string
  chips: Chip<T>[]
  selected: T | undefined
  onSelect: (value: T | undefined) => void
}) {
  return (
    <View className='chip-row' role='group' aria-label={title}>
      <Text className='chip-row__title'>{title}</Text>
      <View className='chip-row__chips'>
        {chips.map((chip) => {
          const active = chip.value === selected
          return (
            <View
              key={chip.label}
              className={`chip${active ? ' chip--active' : ''}`}
              role='button'
              aria-pressed={active ? 'true' : 'false'}
              onClick={() => onSelect(chip.value)}
            >
              <Text>{chip.label}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}

/** Pages after the first, tied to the first page they continue: a new first page (filter, refresh) starts over. */
interface MorePages {
  after: Page<CompetitionSummary> | undefined
  blocks: CompetitionSummary[][]
  lastPage: number
  hasMore: boolean
  loading: boolean
  error?: ApiError
}

const NO_MORE_PAGES: MorePages = { after: undefined, blocks: [], lastPage: 1, hasMore: false, loading: false }

export default function CompetitionListPage() {
  const router = useRouter()
  const [filter, setFilter] = useState<CompetitionFilter>(() => filterFromParams(router.params))
  const { state, reload } = useResource(() => fetchCompetitions(filter, 1), [filter.status, filter.trade])

  const firstPage = state.status === 'ready' ? state.data : undefined
  const firstBlock = useMemo(() => (firstPage ? visibleItems(firstPage.items, filter) : []), [firstPage, filter])

  const [moreState, setMore] = useState<MorePages>(NO_MORE_PAGES)
  const more: MorePages =
    firstPage && moreState.after === firstPage
      ? moreState
      : { ...NO_MORE_PAGES, after: firstPage, hasMore: firstPage?.hasMore ?? false }
  const moreRef = useRef(more)
  moreRef.current = more

  // Set at once, not on the next render: two reach-bottom events in a row must not ask for the same page twice.
  const requesting = useRef(false)

  const loadNextPage = useCallback(async () => {
    const current = moreRef.current
    if (!current.after || !current.hasMore || current.loading || requesting.current) return
    requesting.current = true
    const base = current.after
    const page = current.lastPage + 1
    setMore({ ...current, loading: true, error: undefined })
    try {
      const loaded = await fetchCompetitions(filter, page)
      setMore((previous) => {
        if (previous.after !== base) return previous
        // An item published between two loads shifts the offsets; never show a card twice.
        const seen = new Set([base.items, ...previous.blocks].flat().map((item) => item.id))
        const fresh = visibleItems(loaded.data.items.filter((item) => !seen.has(item.id)), filter)
        return { after: base, blocks: [...previous.blocks, fresh], lastPage: page, hasMore: loaded.data.hasMore, loading: false }
      })
    } catch (error) {
      setMore((previous) => (previous.after === base ? { ...previous, loading: false, error: toApiError(error) } : previous))
    } finally {
      requesting.current = false
    }
  }, [filter])

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
        <ChipRow title='状态' chips={statusChips} selected={filter.status} onSelect={(status) => select({ status })} />
        <ChipRow title='工种' chips={tradeChips} selected={filter.trade} onSelect={(trade) => select({ trade })} />
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
                {more.loading && <Text>正在加载更多…</Text>}
                {!more.loading && more.error && (
                  <View className='competition-list__more-error' role='button' onClick={() => void loadNextPage()}>
                    <Text>{more.error.message}，点此重试</Text>
                  </View>
                )}
                {!more.loading && !more.error && !more.hasMore && <Text>没有更多了</Text>}
                {/* The tap is for a list too short to scroll, where reaching the bottom never fires. */}
                {!more.loading && !more.error && more.hasMore && (
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
