import { Button, Input, Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { listStaffStations, type StaffStationSummary } from '@/api/staff/stations'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { useReloadOnReturn } from '@/api/use-reload-on-return'
import { PageState } from '@/components/page-state'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { StaffPage } from '../components/staff-page'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { PosterActions } from './poster-actions'
import { allPosters } from './posters'
import { searchStations, searchWords } from './search'
import { StationRowPages, useShownPages } from './station-rows'
import './index.scss'

/** Longer than any station name (see STATION_LIMITS), so a pasted name is never cut. */
const MAX_SEARCH_LENGTH = 60

export default function StaffStationListPage() {
  return (
    <StaffPage roles={['editor']} className='staff-stations'>
      <StationList />
    </StaffPage>
  )
}

function StationList() {
  const resource = useStaffResource(listStaffStations, [])
  const { state, reload } = resource
  usePullDownReload(reload)
  useReloadOnReturn(reload)
  const [query, setQuery] = useState('')

  return (
    <View>
      <View className='staff-stations__head'>
        <Text className='staff-stations__hint'>带「示例」的站点请核实后换成真实信息；暂停开放的站点职工仍能看到，并看到原因。</Text>
        <Button className='staff-stations__new' onClick={() => void go(routes.staffStationEdit())}>
          新建站点
        </Button>
        <Button className='staff-stations__settings' onClick={() => void go(routes.staffStationSettings())}>
          站点设置（节假日、夏送清凉）
        </Button>
      </View>
      <PosterActions label='打印全部海报' requestOf={allPosters} />
      <Text className='staff-stations__hint'>全部海报为每个开放中的站点一页 A4，暂停开放的站点不打印。</Text>
      <PageState
        state={state}
        onRetry={() => void reload()}
        what='站点'
        isEmpty={(items) => items.length === 0}
        emptyText='还没有站点，点「新建站点」添加第一个'
      >
        {(items) => <SearchableList items={items} query={query} onQuery={setQuery} />}
      </PageState>
    </View>
  )
}

interface SearchableListProps {
  items: StaffStationSummary[]
  query: string
  onQuery: (query: string) => void
}

function SearchableList({ items, query, onQuery }: SearchableListProps) {
  const search = searchWords(query).join(' ')
  const found = useMemo(() => searchStations(items, search), [items, search])
  const { pages, shown, hasMore, showMore } = useShownPages(found, search)
  useReachBottom(() => showMore())

  return (
    <View>
      <View className='staff-stations__search'>
        <Input
          className='staff-stations__search-input'
          value={query}
          placeholder='搜索站点名称、编号或镇街'
          confirmType='search'
          maxlength={MAX_SEARCH_LENGTH}
          aria-label='搜索站点'
          onInput={(event) => onQuery(event.detail.value)}
        />
        {query && (
          <View className='staff-stations__search-clear' role='button' aria-label='清除搜索' onClick={() => onQuery('')}>
            <Text>✕</Text>
          </View>
        )}
      </View>
      <Text className='staff-stations__count'>{search ? `找到 ${found.length} 个站点（共 ${items.length} 个）` : `共 ${items.length} 个站点`}</Text>
      {found.length === 0 ? (
        <View className='staff-stations__none'>
          <Text>没有名称、编号或镇街含「{search}」的站点</Text>
          <Button className='staff-stations__more' onClick={() => onQuery('')}>
            清除搜索
          </Button>
        </View>
      ) : (
        <View>
          <StationRowPages pages={pages} />
          <View className='staff-stations__footer'>
            {/* The tap is for a list too short to scroll, where reaching the bottom never fires. */}
            {hasMore ? (
              <Button key='more' className='staff-stations__more' onClick={showMore}>
                显示更多（已显示 {shown} 个，共 {found.length} 个）
              </Button>
            ) : (
              <Text key='end'>已显示全部 {found.length} 个站点</Text>
            )}
          </View>
        </View>
      )}
    </View>
  )
}
