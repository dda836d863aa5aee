import { Button, Text, View } from '@tarojs/components'
import { listStaffCompetitions } from '@/api/staff/content'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { useReloadOnReturn } from '@/api/use-reload-on-return'
import { PageState } from '@/components/page-state'
import { hasRole } from '@/domain/accounts'
import { STATUS_LABELS, competitionStatus, type CompetitionStatus } from '@/domain/competitions'
import { formatDateRange } from '@/domain/dates'
import type { StaffCompetitionSummary } from '@/domain/competition-input'
import { lastEditedLine } from '@/domain/content'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { StaffPage, useStaff } from '../components/staff-page'
import { StaffRow, type RowAction, type RowTag } from '../components/staff-row'
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
  useReloadOnReturn(reload)
  // 经办 (and 管理员) also see each competition's sign-ups; an editor alone does not.
  const handles = hasRole(useStaff().roles, ['handler'])

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
              <CompetitionRow key={item.id} item={item} handles={handles} />
            ))}
          </View>
        )}
      </PageState>
    </View>
  )
}

const STATUS_TONES: Record<CompetitionStatus, RowTag['tone']> = {
  upcoming: 'info',
  signup: 'success',
  ongoing: 'warning',
  ended: 'neutral'
}

function CompetitionRow({ item, handles }: { item: StaffCompetitionSummary; handles: boolean }) {
  // From the dates on the phone's clock, as the worker pages do: never a stored status.
  const status = competitionStatus(item, Date.now())
  const actions: RowAction[] = handles ? [{ label: '报名', onClick: () => void go(routes.staffEventSignups('competition', item.id)) }] : []
  return (
    <StaffRow
      title={item.title}
      tags={[
        { label: STATUS_LABELS[status], tone: STATUS_TONES[status] },
        { label: item.trade, tone: 'neutral' }
      ]}
      sample={item.sample ? item : undefined}
      lines={[`比赛：${formatDateRange(item.eventStartsAt, item.eventEndsAt)}`, lastEditedLine(item)]}
      onClick={() => void go(routes.staffCompetitionEdit(item.id))}
      data={{ 'data-competition-id': item.id }}
      actions={actions}
    />
  )
}
