import { listStaffCompetitions } from '@/api/staff/content'
import { STATUS_LABELS, competitionStatus } from '@/domain/competitions'
import { formatDateRange } from '@/domain/dates'
import type { StaffCompetitionSummary } from '@/domain/competition-input'
import { lastEditedLine } from '@/domain/content'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { EventStaffList, STATUS_TONES } from '../components/event-staff-list'
import { StaffPage } from '../components/staff-page'
import { StaffRow, type RowAction } from '../components/staff-row'

export default function StaffCompetitionListPage() {
  return (
    <StaffPage roles={['editor']} className='staff-competitions'>
      <EventStaffList
        load={listStaffCompetitions}
        what='竞赛'
        hint='状态按报名和比赛日期自动计算；带「示例」的记录请核实后换成真实信息。'
        onNew={() => void go(routes.staffCompetitionEdit())}
        renderRow={(item, handles) => <CompetitionRow key={item.id} item={item} handles={handles} />}
      />
    </StaffPage>
  )
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
