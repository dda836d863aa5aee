import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { listStaffStations, type StaffStationSummary } from '../../../api/staff/stations'
import { usePullDownReload } from '../../../api/use-pull-down-reload'
import { PageState } from '../../../components/page-state'
import { SampleTag } from '../../../components/sample-tag'
import { STATION_TYPE_LABELS } from '../../../domain/stations'
import { go } from '../../../navigation'
import { routes } from '../../../routes'
import { StaffPage } from '../components/staff-page'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { PosterActions } from './poster-actions'
import { allPosters } from './posters'
import './index.scss'

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

  // Back from the editor: what was just saved shows without a manual refresh.
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void reload()
    shownBefore.current = true
  })

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
        {(items) => (
          <View className='staff-stations__items'>
            <Text className='staff-stations__count'>共 {items.length} 个站点</Text>
            {items.map((item) => (
              <StationRow key={item.id} item={item} />
            ))}
          </View>
        )}
      </PageState>
    </View>
  )
}

function StationRow({ item }: { item: StaffStationSummary }) {
  return (
    <View
      className='staff-station-row'
      hoverClass='staff-station-row--pressed'
      role='link'
      aria-label={item.name}
      data-station-id={item.id}
      onClick={() => void go(routes.staffStationEdit(item.id))}
    >
      <Text className='staff-station-row__title'>{item.name}</Text>
      <View className='staff-station-row__meta'>
        {item.closedReason ? (
          <Text className='staff-station-row__state staff-station-row__state--closed'>暂停开放</Text>
        ) : (
          <Text className='staff-station-row__state'>开放中</Text>
        )}
        <Text className='staff-station-row__type'>{STATION_TYPE_LABELS[item.type]}</Text>
        <Text className='staff-station-row__type'>{item.town}</Text>
        {item.sample && <SampleTag note={item.sampleNote} />}
      </View>
      {item.closedReason && <Text className='staff-station-row__line'>暂停原因：{item.closedReason}</Text>}
      <Text className='staff-station-row__line'>
        编号 {item.code} · 近 30 天扫码 {item.scans30d} 次
      </Text>
    </View>
  )
}
