import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { fetchCompetitions, type CompetitionFilter } from '@/api/competitions'
import { CardPages } from '@/components/card-pages'
import { CompetitionCard, displayedStatus } from '@/components/competition-card'
import { FilterChips } from '@/components/filter-chips'
import { PageRoot } from '@/components/page-root'
import { COMPETITION_STATUSES, STATUS_LABELS, TRADES, type CompetitionStatus, type CompetitionSummary, type Trade } from '@/domain/competitions'
import { routeParam } from '@/routes'

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

const card = (competition: CompetitionSummary) => <CompetitionCard key={competition.id} competition={competition} />

interface Chip<T> {
  value: T | undefined
  label: string
}

export default function CompetitionListPage() {
  const router = useRouter()
  const [filter, setFilter] = useState<CompetitionFilter>(() => filterFromParams(router.params))
  const select = (change: CompetitionFilter) => setFilter((previous) => ({ ...previous, ...change }))

  const statusChips: Chip<CompetitionStatus>[] = [
    { value: undefined, label: '全部' },
    ...STATUS_CHIPS.map((status) => ({ value: status, label: STATUS_LABELS[status] }))
  ]
  const tradeChips: Chip<Trade>[] = [{ value: undefined, label: '全部' }, ...TRADES.map((trade) => ({ value: trade, label: trade }))]

  return (
    <PageRoot className='competition-list'>
      <CardPages
        filters={
          <>
            <FilterChips title='状态' options={statusChips} isActive={(status) => status === filter.status} onSelect={(status) => select({ status })} />
            <FilterChips title='工种' options={tradeChips} isActive={(trade) => trade === filter.trade} onSelect={(trade) => select({ trade })} />
          </>
        }
        filter={filter}
        filterKey={[filter.status, filter.trade]}
        fetchPage={fetchCompetitions}
        visible={visibleItems}
        what='竞赛'
        emptyText='暂无符合条件的竞赛'
        hasFilter={Boolean(filter.status || filter.trade)}
        onClear={() => setFilter({})}
        card={card}
      />
    </PageRoot>
  )
}
