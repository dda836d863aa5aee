/**
 * The station rows in pages of 20, the next page shown as the staffer reaches the bottom. Each page is a block in
 * its own CustomWrapper and keeps its identity while the list does, so showing one more page sends WeChat only the
 * new rows (the worker directory does the same, src/packages/stations/components/station-blocks.tsx, typed for its
 * own cards).
 */
import { CustomWrapper, View } from '@tarojs/components'
import { memo, useCallback, useMemo, useState } from 'react'
import type { StaffStationSummary } from '@/api/staff/stations'
import { STATION_TYPE_LABELS } from '@/domain/stations'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { StaffRow } from '../components/staff-row'

export const ROWS_PER_PAGE = 20

type Row = StaffStationSummary

/**
 * The rows cut into pages, of which the first `count` are shown. Another search starts again at the first page; a
 * reload (back from the editor) keeps as many pages as were shown, so the staffer is not sent back to the top.
 */
export function useShownPages(rows: Row[], search: string): { pages: Row[][]; shown: number; hasMore: boolean; showMore: () => void } {
  const all = useMemo(() => {
    const pages: Row[][] = []
    for (let start = 0; start < rows.length; start += ROWS_PER_PAGE) pages.push(rows.slice(start, start + ROWS_PER_PAGE))
    return pages
  }, [rows])
  const [state, setState] = useState({ search, count: 1 })
  const count = state.search === search ? state.count : 1
  const showMore = useCallback(
    () => setState((previous) => ({ search, count: Math.min((previous.search === search ? previous.count : 1) + 1, all.length) })),
    [search, all.length]
  )
  const pages = all.slice(0, count)
  return { pages, shown: pages.reduce((sum, page) => sum + page.length, 0), hasMore: count < all.length, showMore }
}

const RowPage = memo(function RowPage({ rows }: { rows: Row[] }) {
  return (
    <CustomWrapper>
      <View className='staff-stations__page'>
        {rows.map((row) => (
          <StationRow key={row.id} item={row} />
        ))}
      </View>
    </CustomWrapper>
  )
})

/** Only the pages live in this container, so appending one does not make Taro resend its siblings. */
export function StationRowPages({ pages }: { pages: Row[][] }) {
  return (
    <View className='staff-stations__items'>
      {pages.map((rows, index) => (
        <RowPage key={index} rows={rows} />
      ))}
    </View>
  )
}

function StationRow({ item }: { item: Row }) {
  return (
    <StaffRow
      title={item.name}
      ariaLabel={item.name}
      tags={[
        item.closedReason ? { label: '暂停开放', tone: 'warning' } : { label: '开放中', tone: 'success' },
        { label: STATION_TYPE_LABELS[item.type], tone: 'neutral' },
        { label: item.town, tone: 'neutral' }
      ]}
      sample={item.sample ? item : undefined}
      lines={[...(item.closedReason ? [`暂停原因：${item.closedReason}`] : []), `编号 ${item.code} · 近 30 天扫码 ${item.scans30d} 次`]}
      onClick={() => void go(routes.staffStationEdit(item.id))}
      data={{ 'data-station-id': item.id }}
    />
  )
}
