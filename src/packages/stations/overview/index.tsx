import { Button, Text, View } from '@tarojs/components'
import { useReachBottom, useShareAppMessage } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { getStationDirectory } from '../../../api/stations'
import { usePullDownReload } from '../../../api/use-pull-down-reload'
import { useResource } from '../../../api/use-resource'
import { PageRoot } from '../../../components/page-root'
import { PageState } from '../../../components/page-state'
import { arrangeStations, filterStations, type LatLng } from '../../../domain/station-geo'
import { AMENITIES, AMENITY_LABELS, STATION_TYPES, STATION_TYPE_LABELS, type Amenity, type StationDirectory, type StationType } from '../../../domain/stations'
import { go } from '../../../navigation'
import { routes } from '../../../routes'
import { LocationNote } from '../components/location-note'
import { StationBlocks, useShownBlocks } from '../components/station-blocks'
import { useWorkerLocation, type WorkerLocation } from '../components/use-worker-location'
import './index.scss'

interface Filter {
  type?: StationType
  amenities: Amenity[]
  openNow: boolean
}

const NO_FILTER: Filter = { amenities: [], openNow: false }

function Chip({ label, active, onClick }: { label: string; active: boolean; onClick: () => void }) {
  return (
    <View className={`chip${active ? ' chip--active' : ''}`} role='button' aria-pressed={active ? 'true' : 'false'} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  )
}

function Filters({ filter, onChange }: { filter: Filter; onChange: (filter: Filter) => void }) {
  const toggleAmenity = (amenity: Amenity) =>
    onChange({
      ...filter,
      amenities: filter.amenities.includes(amenity) ? filter.amenities.filter((item) => item !== amenity) : [...filter.amenities, amenity]
    })
  return (
    <View className='stations__filters'>
      <View className='chip-row' role='group' aria-label='类型'>
        <Text className='chip-row__title'>类型</Text>
        <View className='chip-row__chips'>
          <Chip label='全部' active={!filter.type} onClick={() => onChange({ ...filter, type: undefined })} />
          {STATION_TYPES.map((type) => (
            <Chip key={type} label={STATION_TYPE_LABELS[type]} active={filter.type === type} onClick={() => onChange({ ...filter, type })} />
          ))}
        </View>
      </View>
      <View className='chip-row' role='group' aria-label='设施'>
        <Text className='chip-row__title'>设施</Text>
        <View className='chip-row__chips'>
          {AMENITIES.map((amenity) => (
            <Chip key={amenity} label={AMENITY_LABELS[amenity]} active={filter.amenities.includes(amenity)} onClick={() => toggleAmenity(amenity)} />
          ))}
        </View>
      </View>
      <View className='chip-row'>
        <Text className='chip-row__title'>时间</Text>
        <View className='chip-row__chips'>
          <Chip label='只看营业中' active={filter.openNow} onClick={() => onChange({ ...filter, openNow: !filter.openNow })} />
        </View>
      </View>
    </View>
  )
}

function Directory({ directory, origin }: { directory: StationDirectory; origin?: LatLng }) {
  const [filter, setFilter] = useState<Filter>(NO_FILTER)
  // Open or closed is read on the phone's clock when the list is arranged: a kept copy from yesterday still says
  // what is open now.
  const arranged = useMemo(
    () => arrangeStations(directory.stations, { origin, holidays: directory.holidays, now: new Date() }),
    [directory, origin]
  )
  const shown = useMemo(() => filterStations(arranged, filter), [arranged, filter])
  const { blocks, hasMore, showMore } = useShownBlocks(shown)
  const filtered = Boolean(filter.type || filter.amenities.length || filter.openNow)

  useReachBottom(() => showMore())

  return (
    <View>
      <Filters filter={filter} onChange={setFilter} />
      {shown.length === 0 ? (
        <View className='stations__empty'>
          <Text className='stations__empty-text'>没有符合条件的服务站点</Text>
          {filtered && (
            <Button className='stations__clear' onClick={() => setFilter(NO_FILTER)}>
              清除筛选
            </Button>
          )}
        </View>
      ) : (
        <View>
          {filtered && <Text className='stations__count'>符合条件的站点：{shown.length} 个</Text>}
          <StationBlocks blocks={blocks} />
          <View className='stations__footer'>
            {/* The tap is for a list too short to scroll, where reaching the bottom never fires. */}
            {hasMore ? (
              <View key='more' className='stations__more' role='button' onClick={showMore}>
                <Text>上拉加载更多</Text>
              </View>
            ) : (
              <Text key='end'>没有更多了</Text>
            )}
          </View>
        </View>
      )}
    </View>
  )
}

function originOf(location: WorkerLocation): LatLng | undefined {
  return location.status === 'located' ? location.origin : undefined
}

export default function StationsOverviewPage() {
  const { state, reload } = useResource(() => getStationDirectory(), [])
  const { location, askAgain } = useWorkerLocation()
  const origin = originOf(location)

  usePullDownReload(reload)
  useShareAppMessage(() => ({ title: '密云工会 · 服务阵地', path: routes.stations() }))

  return (
    <PageRoot className='stations'>
      <View className='stations__hero'>
        <Text className='stations__figure'>210余个</Text>
        <Text className='stations__figure-label'>“十四五”期间建成的工会服务阵地</Text>
        <Text className='stations__lead'>提升阵地“硬实力”，实现暖心服务“零距离”。</Text>
      </View>

      <View className='stations__bar'>
        <LocationNote location={location} onAskAgain={askAgain} />
        {/* H5 has no map component: there each card links out to a map service instead. */}
        {process.env.TARO_ENV === 'weapp' && (
          <View className='stations__map' role='button' onClick={() => void go(routes.stationMap())}>
            <Text>地图</Text>
          </View>
        )}
      </View>

      <PageState state={state} onRetry={() => void reload()} what='服务阵地'>
        {(directory) => <Directory directory={directory} origin={origin} />}
      </PageState>

      <View className='stations__source'>
        <Text>内容来源：《凝心铸魂践初心 赋能奋进启新程——记密云区总工会“十四五”工作成就与“十五五”发展蓝图》</Text>
      </View>
    </PageRoot>
  )
}
