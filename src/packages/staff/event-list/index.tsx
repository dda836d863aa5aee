/**
 * 报名与签到 (经办 and 管理员): every activity and competition workers can sign up for, those to come first; a row opens
 * the event's sign-ups, 「签到屏」 its check-in screen.
 */
import { Text, View } from '@tarojs/components'
import { listSignupEvents, type SignupEventItem } from '@/api/staff/signups'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { useReloadOnReturn } from '@/api/use-reload-on-return'
import { PageState } from '@/components/page-state'
import { SIGNUP_STATUS_LABELS, formatDateRange, signupStatus } from '@/domain/dates'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { STATUS_TONES } from '../components/event-staff-list'
import { StaffPage } from '../components/staff-page'
import { StaffRow } from '../components/staff-row'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import './index.scss'

const TYPE_LABELS = { activity: '活动', competition: '竞赛' } as const

export default function StaffEventListPage() {
  return (
    <StaffPage roles={['handler']} className='staff-events'>
      <EventList />
    </StaffPage>
  )
}

function EventList() {
  const resource = useStaffResource(() => listSignupEvents(Date.now()), [])
  const { state, reload } = resource
  usePullDownReload(reload)
  useReloadOnReturn(reload)
  return (
    <View>
      <Text className='staff-events__hint'>点一项查看报名名单、审核和候补；活动开始前 1 小时起可打开「签到屏」让职工扫码签到。</Text>
      <PageState state={state} onRetry={() => void reload()} what='活动和竞赛' isEmpty={(items) => items.length === 0} emptyText='还没有可报名的活动或竞赛'>
        {(items) => (
          <View className='staff-events__items'>
            {items.map((item) => (
              <EventRow key={`${item.type}:${item.id}`} item={item} />
            ))}
          </View>
        )}
      </PageState>
    </View>
  )
}

function EventRow({ item }: { item: SignupEventItem }) {
  const status = signupStatus(item, Date.now())
  return (
    <StaffRow
      title={item.title}
      tags={[
        { label: TYPE_LABELS[item.type], tone: 'neutral' },
        item.cancelled ? { label: '已取消', tone: 'warning' } : { label: SIGNUP_STATUS_LABELS[status], tone: STATUS_TONES[status] },
        { label: item.label, tone: 'neutral' }
      ]}
      lines={[`${formatDateRange(item.eventStartsAt, item.eventEndsAt)} · ${item.place}`]}
      onClick={() => void go(routes.staffEventSignups(item.type, item.id))}
      data={{ 'data-event': `${item.type}:${item.id}` }}
      actions={[
        { label: '报名', onClick: () => void go(routes.staffEventSignups(item.type, item.id)) },
        { label: '签到屏', onClick: () => void go(routes.staffCheckInScreen(item.type, item.id)) }
      ]}
    />
  )
}
