import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { listStaffCompetitions } from '../../../api/staff/content'
import { usePullDownReload } from '../../../api/use-pull-down-reload'
import { PageState } from '../../../components/page-state'
import { SampleTag } from '../../../components/sample-tag'
import type { StaffCompetitionSummary } from '../../../domain/competition-input'
import { STATUS_LABELS, competitionStatus } from '../../../domain/competitions'
import { lastEditedLine } from '../../../domain/content'
import { formatDateRange } from '../../../domain/dates'
import { go } from '../../../navigation'
import { routes } from '../../../routes'
import { StaffPage } from '../components/staff-page'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import './index.scss'

export default function StaffCompetitionListPage() {
  return (
    <StaffPage roles={['editor']} className='staff-competitions'>
      <CompetitionList />
    </StaffPage>
  )
}

function CompetitionList() {
  const resource = useStaffResource(listStaffCompetitions, [])
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
      <View className='staff-competitions__head'>
        <Text className='staff-competitions__hint'>状态按报名和比赛日期自动计算；带「示例」的记录请核实后换成真实信息。</Text>
        <Button className='staff-competitions__new' onClick={() => void go(routes.staffCompetitionEdit())}>
          新建竞赛
        </Button>
      </View>
      <PageState
        state={state}
        onRetry={() => void reload()}
        what='竞赛'
        isEmpty={(items) => items.length === 0}
        emptyText='还没有竞赛，点「新建竞赛」添加第一项'
      >
        {(items) => (
          <View className='staff-competitions__items'>
            {items.map((item) => (
              <CompetitionRow key={item.id} item={item} />
            ))}
          </View>
        )}
      </PageState>
    </View>
  )
}

function CompetitionRow({ item }: { item: StaffCompetitionSummary }) {
  // From the dates on the phone's clock, as the worker pages do: never a stored status.
  const status = competitionStatus(item, Date.now())
  return (
    <View
      className='staff-competition-row'
      hoverClass='staff-competition-row--pressed'
      role='link'
      data-competition-id={item.id}
      onClick={() => void go(routes.staffCompetitionEdit(item.id))}
    >
      <Text className='staff-competition-row__title'>{item.title}</Text>
      <View className='staff-competition-row__meta'>
        <Text className={`staff-competition-row__status staff-competition-row__status--${status}`}>{STATUS_LABELS[status]}</Text>
        <Text className='staff-competition-row__trade'>{item.trade}</Text>
        {item.sample && <SampleTag note={item.sampleNote} />}
      </View>
      <Text className='staff-competition-row__line'>比赛：{formatDateRange(item.eventStartsAt, item.eventEndsAt)}</Text>
      <Text className='staff-competition-row__line'>{lastEditedLine(item)}</Text>
    </View>
  )
}
