import { Button, Text, View } from '@tarojs/components'
import Taro, { usePageScroll, useReachBottom, useShareAppMessage } from '@tarojs/taro'
import { useCallback, useMemo, useRef, useState } from 'react'
import { getStationDirectory, peekStationDirectory } from '@/api/stations'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { useResource } from '@/api/use-resource'
import { Chip, FilterChips } from '@/components/filter-chips'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { arrangeStations, filterStations, type LatLng } from '@/domain/station-geo'
import { AMENITIES, AMENITY_LABELS, STATION_TYPES, STATION_TYPE_LABELS, type Amenity, type StationDirectory, type StationType } from '@/domain/stations'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { LocationNote } from '../components/location-note'
import { MoreFooter, StationBlocks, useShownBlocks } from '../components/station-blocks'
import { useWorkerLocation, type WorkerLocation } from '../components/use-worker-location'
import './index.scss'

interface Filter {
  type?: StationType
  amenities: Amenity[]
  openNow: boolean
}

const NO_FILTER: Filter = { amenities: [], openNow: false }

const isFiltered = (filter: Filter) => Boolean(filter.type || filter.amenities.length || filter.openNow)

/**
 * 只看营业中 first (what a worker out on the road wants), then the types; the ten amenities fold behind one toggle
 * that says how many are chosen, so the nearest station is near the top of the first screen.
 */
function Filters({ filter, onChange }: { filter: Filter; onChange: (filter: Filter) => void }) {
  const [amenitiesOpen, setAmenitiesOpen] = useState(false)
  const chosen = filter.amenities.length
  const toggleAmenity = (amenity: Amenity) =>
    onChange({
      ...filter,
      amenities: filter.amenities.includes(amenity) ? filter.amenities.filter((item) => item !== amenity) : [...filter.amenities, amenity]
    })
  return (
    <View className='stations__filters'>
      <FilterChips title='筛选' hideTitle>
        <Chip label='只看营业中' active={filter.openNow} onClick={() => onChange({ ...filter, openNow: !filter.openNow })} />
        <Chip
          label={chosen > 0 ? `设施筛选（${chosen}）` : '设施筛选'}
          active={chosen > 0}
          expanded={amenitiesOpen}
          onClick={() => setAmenitiesOpen(!amenitiesOpen)}
        />
      </FilterChips>
      <FilterChips<StationType | undefined>
        title='类型'
        options={[{ value: undefined, label: '全部' }, ...STATION_TYPES.map((type) => ({ value: type, label: STATION_TYPE_LABELS[type] }))]}
        isActive={(type) => filter.type === type}
        onSelect={(type) => onChange({ ...filter, type })}
      />
      {amenitiesOpen && (
        <FilterChips
          title='设施'
          options={AMENITIES.map((amenity) => ({ value: amenity, label: AMENITY_LABELS[amenity] }))}
          isActive={(amenity) => filter.amenities.includes(amenity)}
          onSelect={toggleAmenity}
        />
      )}
    </View>
  )
}

function Directory({
  directory,
  origin,
  filter,
  onFilterChange
}: {
  directory: StationDirectory
  origin?: LatLng
  filter: Filter
  onFilterChange: (filter: Filter) => void
}) {
  // Open or closed is read on the phone's clock when the list is arranged: a kept copy from yesterday still says
  // what is open now.
  const arranged = useMemo(() => arrangeStations(directory.stations, { origin, holidays: directory.holidays, now: new Date() }), [directory, origin])
  const shown = useMemo(() => filterStations(arranged, filter), [arranged, filter])
  const { blocks, hasMore, showMore } = useShownBlocks(shown, filter)
  const filtered = isFiltered(filter)

  useReachBottom(() => showMore())

  return (
    <View>
      <Filters filter={filter} onChange={onFilterChange} />
      {shown.length === 0 ? (
        <View className='stations__empty'>
          <Text className='stations__empty-text'>没有符合条件的服务站点</Text>
          {filtered && (
            <Button className='stations__clear' onClick={() => onFilterChange(NO_FILTER)}>
              清除筛选
            </Button>
          )}
        </View>
      ) : (
        <View>
          {filtered && <Text className='stations__count'>符合条件的站点：{shown.length} 个</Text>}
          <StationBlocks blocks={blocks} />
          <MoreFooter page='stations' hasMore={hasMore} onMore={showMore} />
        </View>
      )}
    </View>
  )
}

function originOf(location: WorkerLocation): LatLng | undefined {
  return location.status === 'located' ? location.origin : undefined
}

/** Read once per page (see useScrolledIntoList). getWindowInfo is base library 2.20.1; older clients have only getSystemInfoSync. */
function screenHeight(): number {
  return process.env.TARO_ENV === 'weapp' ? (Taro.canIUse('getWindowInfo') ? Taro.getWindowInfo() : Taro.getSystemInfoSync()).windowHeight : window.innerHeight
}

/**
 * Whether the worker has scrolled down into the list (half a screen: the first cards are no longer where they
 * were). Only a change of that answer re-renders the page.
 */
function useScrolledIntoList(): boolean {
  const [scrolled, setScrolled] = useState(false)
  const threshold = useRef<number | undefined>(undefined)
  usePageScroll(({ scrollTop }) => {
    threshold.current ??= screenHeight() / 2
    const now = scrollTop > threshold.current
    setScrolled((previous) => (previous === now ? previous : now))
  })
  return scrolled
}

/** Taro knows what scrolls: the page in WeChat, the page's own element (not the window) in Taro's H5 router. */
function scrollToTop(): void {
  Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => {
    // Nothing to scroll: the list is re-sorted where the worker is.
  })
}

/**
 * The position the list is sorted by. A position arriving while the worker is reading the list (scrolled into it,
 * or a filter set) is offered, not applied: re-sorting then would put another station under the thumb. Before that
 * it is applied at once. Decided when the position arrives; the offer then waits for the worker's tap.
 */
function useSortOrigin(origin: LatLng | undefined, reading: boolean): { sortOrigin?: LatLng; offered: boolean; sortNow: () => void } {
  const [seen, setSeen] = useState(origin)
  const [sortOrigin, setSortOrigin] = useState(origin)
  if (origin !== seen) {
    setSeen(origin)
    if (!reading || origin === undefined) setSortOrigin(origin)
  }
  const sortNow = useCallback(() => {
    setSortOrigin(origin)
    scrollToTop()
  }, [origin])
  return { sortOrigin, offered: origin !== undefined && origin !== sortOrigin, sortNow }
}

export default function StationsOverviewPage() {
  const { state, reload } = useResource(() => getStationDirectory(), [], peekStationDirectory)
  const { location, askAgain } = useWorkerLocation()
  const [filter, setFilter] = useState<Filter>(NO_FILTER)
  const scrolled = useScrolledIntoList()
  const { sortOrigin, offered, sortNow } = useSortOrigin(originOf(location), scrolled || isFiltered(filter))

  usePullDownReload(reload)
  useShareAppMessage(() => ({ title: '密云工会 · 服务阵地', path: routes.stations() }))

  return (
    <PageRoot className={offered ? 'stations stations--offering' : 'stations'}>
      <View className='stations__hero'>
        <Text className='stations__figure'>210余个</Text>
        <Text className='stations__figure-label'>“十四五”期间建成的工会服务阵地</Text>
      </View>

      <View className='stations__bar'>
        <LocationNote location={location} sorted={!offered} onAskAgain={askAgain} onSort={sortNow} />
        {/* H5 has no map component: there each card links out to a map service instead. */}
        {process.env.TARO_ENV === 'weapp' && (
          <View className='stations__map' role='button' onClick={() => void go(routes.stationMap())}>
            <Text>地图</Text>
          </View>
        )}
      </View>

      <PageState state={state} onRetry={() => void reload()} what='服务阵地'>
        {(directory) => <Directory directory={directory} origin={sortOrigin} filter={filter} onFilterChange={setFilter} />}
      </PageState>

      <View className='stations__source'>
        <Text>内容来源：《凝心铸魂践初心 赋能奋进启新程——记密云区总工会“十四五”工作成就与“十五五”发展蓝图》</Text>
      </View>

      {offered && (
        <View className='stations__resort' role='button' onClick={sortNow}>
          <Text>已获取您的位置，按距离排列</Text>
        </View>
      )}
    </PageRoot>
  )
}
