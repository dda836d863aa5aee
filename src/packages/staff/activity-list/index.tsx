import { Button, Text, View } from '@tarojs/components'
import { listStaffActivities } from '@/api/staff/activities'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { useReloadOnReturn } from '@/api/use-reload-on-return'
import { PageState } from '@/components/page-state'
import { hasRole } from '@/domain/accounts'
import { ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, activityStatus, type ActivityStatus } from '@/domain/activities'
import type { StaffActivitySummary } from '@/domain/activity-input'
import { lastEditedLine } from '@/domain/content'
import { formatDateRange } from '@/domain/dates'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { StaffPage, useStaff } from '../components/staff-page'
import { StaffRow, type RowAction, type RowTag } from '../components/staff-row'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import './index.scss'

export default function StaffActivityListPage() {
  return (
    <StaffPage roles={['editor']} className='staff-activities'>
      <ActivityList />
    </StaffPage>
  )
}

function ActivityList() {
  const resource = useStaffResource(listStaffActivities, [])
  const { state, reload } = resource
  usePullDownReload(reload)
  useReloadOnReturn(reload)
  // 经办 (and 管理员) also see each activity's sign-ups; an editor alone does not.
  const handles = hasRole(useStaff().roles, ['handler'])

  return (
    <View>
      <View className='staff-activities__head'>
        <Text className='staff-activities__hint'>状态按报名和活动日期自动计算；带「示例」的记录请核实后换成真实信息。</Text>
        <Button className='staff-activities__new' onClick={() => void go(routes.staffActivityEdit())}>
          新建活动
        </Button>
      </View>
      <PageState
        state={state}
        onRetry={() => void reload()}
        what='活动'
        isEmpty={(items) => items.length === 0}
        emptyText='还没有活动，点「新建活动」添加第一项'
      >
        {(items) => (
          <View className='staff-activities__items'>
            {items.map((item) => (
              <ActivityRow key={item.id} item={item} handles={handles} />
            ))}
          </View>
        )}
      </PageState>
    </View>
  )
}

const STATUS_TONES: Record<ActivityStatus, RowTag['tone']> = {
  upcoming: 'info',
  signup: 'success',
  ongoing: 'warning',
  ended: 'neutral'
}

function ActivityRow({ item, handles }: { item: StaffActivitySummary; handles: boolean }) {
  // From the dates on the phone's clock, as the worker pages do: never a stored status.
  const status = activityStatus(item, Date.now())
  const actions: RowAction[] = handles ? [{ label: '报名', onClick: () => void go(routes.staffEventSignups('activity', item.id)) }] : []
  return (
    <StaffRow
      title={item.title}
      tags={[
        item.cancelled ? { label: '已取消', tone: 'warning' } : { label: ACTIVITY_STATUS_LABELS[status], tone: STATUS_TONES[status] },
        { label: ACTIVITY_KIND_LABELS[item.kind], tone: 'neutral' }
      ]}
      sample={item.sample ? item : undefined}
      lines={[`活动：${formatDateRange(item.eventStartsAt, item.eventEndsAt)} · ${item.capacity} 个名额`, lastEditedLine(item)]}
      onClick={() => void go(routes.staffActivityEdit(item.id))}
      data={{ 'data-activity-id': item.id }}
      actions={actions}
    />
  )
}
