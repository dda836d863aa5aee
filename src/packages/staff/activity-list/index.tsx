import { listStaffActivities } from '@/api/staff/activities'
import { ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, activityStatus } from '@/domain/activities'
import type { StaffActivitySummary } from '@/domain/activity-input'
import { lastEditedLine } from '@/domain/content'
import { formatDateRange } from '@/domain/dates'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { EventStaffList, STATUS_TONES } from '../components/event-staff-list'
import { StaffPage } from '../components/staff-page'
import { StaffRow, type RowAction } from '../components/staff-row'

export default function StaffActivityListPage() {
  return (
    <StaffPage roles={['editor']} className='staff-activities'>
      <EventStaffList
        load={listStaffActivities}
        what='活动'
        hint='状态按报名和活动日期自动计算；带「示例」的记录请核实后换成真实信息。'
        onNew={() => void go(routes.staffActivityEdit())}
        renderRow={(item, handles) => <ActivityRow key={item.id} item={item} handles={handles} />}
      />
    </StaffPage>
  )
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
