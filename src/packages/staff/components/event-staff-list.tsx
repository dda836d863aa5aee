/**
 * The staff list of activities or of competitions: the hint and 「新建…」 above, then a row per record, each saying
 * its status in the tone every event list uses; 经办 (and 管理员) also get a 「报名」 action per row.
 */
import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { useReloadOnReturn } from '@/api/use-reload-on-return'
import { PageState } from '@/components/page-state'
import { hasRole } from '@/domain/accounts'
import type { SignupStatus } from '@/domain/dates'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { useStaff } from './staff-page'
import type { RowTag } from './staff-row'
import './event-staff-list.scss'

/** The tone of each sign-up status, the same on every staff event list. */
export const STATUS_TONES: Record<SignupStatus, RowTag['tone']> = {
  upcoming: 'info',
  signup: 'success',
  ongoing: 'warning',
  ended: 'neutral'
}

interface EventStaffListProps<T extends { id: string }> {
  load: () => Promise<T[]>
  /** 「活动」, 「竞赛」 */
  what: string
  hint: string
  onNew: () => void
  /** `handles`: the staffer may see the record's sign-ups. */
  renderRow: (item: T, handles: boolean) => ReactNode
}

export function EventStaffList<T extends { id: string }>({ load, what, hint, onNew, renderRow }: EventStaffListProps<T>) {
  const resource = useStaffResource(load, [])
  const { state, reload } = resource
  usePullDownReload(reload)
  useReloadOnReturn(reload)
  // 经办 (and 管理员) also see each record's sign-ups; an editor alone does not.
  const handles = hasRole(useStaff().roles, ['handler'])

  return (
    <View>
      <View className='staff-event-list__head'>
        <Text className='staff-event-list__hint'>{hint}</Text>
        <Button className='staff-event-list__new' onClick={onNew}>
          新建{what}
        </Button>
      </View>
      <PageState
        state={state}
        onRetry={() => void reload()}
        what={what}
        isEmpty={(items) => items.length === 0}
        emptyText={`还没有${what}，点「新建${what}」添加第一项`}
      >
        {(items) => <View className='staff-event-list__items'>{items.map((item) => renderRow(item, handles))}</View>}
      </PageState>
    </View>
  )
}
