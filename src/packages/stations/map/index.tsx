import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useMemo } from 'react'
import { getStationDirectory, peekStationDirectory } from '@/api/stations'
import { useResource } from '@/api/use-resource'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { arrangeStations } from '@/domain/station-geo'
import type { StationDirectory } from '@/domain/stations'
import { MoreFooter, StationBlocks, useShownBlocks } from '../components/station-blocks'
import { StationMap } from './station-map'
import './index.scss'

function useArranged(directory: StationDirectory) {
  return useMemo(() => arrangeStations(directory.stations, { holidays: directory.holidays, now: new Date() }), [directory])
}

function MapView({ directory }: { directory: StationDirectory }) {
  return <StationMap items={useArranged(directory)} />
}

/** A browser has no map component: the list, each card with its 导航 link to a 高德 route, stands in for it. */
function ListView({ directory }: { directory: StationDirectory }) {
  // A refresh keeps the cards shown: nothing here starts the list again.
  const { blocks, hasMore, showMore } = useShownBlocks(useArranged(directory), 'all')
  useReachBottom(() => showMore())
  return (
    <View>
      <StationBlocks blocks={blocks} />
      <MoreFooter page='station-map-page' hasMore={hasMore} onMore={showMore} />
    </View>
  )
}

export default function StationMapPage() {
  const { state, reload } = useResource(() => getStationDirectory(), [], peekStationDirectory)
  return (
    <PageRoot className='station-map-page'>
      <PageState state={state} onRetry={() => void reload()} what='服务阵地'>
        {(directory) =>
          // Decided at build time, so the H5 build leaves the map code out.
          process.env.TARO_ENV === 'weapp' ? <MapView directory={directory} /> : <ListView directory={directory} />
        }
      </PageState>
    </PageRoot>
  )
}
