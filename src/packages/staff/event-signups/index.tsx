/**
 * An event's sign-ups (经办 and 管理员): the places and the count in each state, then the list in queue order — or
 * one state only, the waitlist in its order — with review, 人工签到, 显示号码 on each card; 签到屏 and 导出 CSV.
 */
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { notFoundError } from '@/api/client'
import { getEventSignups, type EventRef } from '@/api/staff/signups'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { useReloadOnReturn } from '@/api/use-reload-on-return'
import { NotFound } from '@/components/not-found'
import { PageState } from '@/components/page-state'
import { formatDateRange } from '@/domain/dates'
import { SIGNUP_STATES, SIGNUP_STATE_LABELS, type SignupState, type StaffEventSignups, type StaffSignup } from '@/domain/signups'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { StaffPage } from '../components/staff-page'
import { OptionChips } from '../editor-kit/controls'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { eventOfParams } from './event-params'
import { ExportCsv } from './export-csv'
import { SignupCard } from './signup-card'
import './index.scss'

type Shown = SignupState | 'all'

export default function StaffEventSignupsPage() {
  return (
    <StaffPage roles={['handler']} className='event-signups'>
      <EventSignups />
    </StaffPage>
  )
}

function EventSignups() {
  const params = useRouter().params
  const event = eventOfParams(params)
  const resource = useStaffResource(() => (event ? getEventSignups(event) : Promise.reject(notFoundError('未找到该活动'))), [event?.type, event?.id])
  const { state, reload } = resource
  usePullDownReload(reload)
  useReloadOnReturn(reload)

  if (state.status === 'error' && state.error.notFound) {
    return (
      <NotFound title='未找到该活动或竞赛' hint='它可能已被删除，或链接有误。' actionText='返回报名与签到' onAction={() => void go(routes.staffEvents())} />
    )
  }
  return (
    <PageState state={state} onRetry={() => void reload()} what='报名名单'>
      {(list) => <SignupList list={list} onChanged={() => void reload()} />}
    </PageState>
  )
}

function SignupList({ list, onChanged }: { list: StaffEventSignups; onChanged: () => void }) {
  const [shown, setShown] = useState<Shown>('all')
  const { event, availability, counts } = list
  const ref: EventRef = { type: event.type, id: event.id }
  const states = SIGNUP_STATES.filter((each) => counts[each] > 0 || each === shown)
  const signups = shownSignups(list.signups, shown)

  return (
    <View>
      <View className='event-signups__head'>
        <Text className='event-signups__title'>{event.title}</Text>
        <Text className='event-signups__line'>
          {formatDateRange(event.eventStartsAt, event.eventEndsAt)} · {event.place}
        </Text>
        <Text className='event-signups__line'>
          {availability.capacity === null ? '名额不限' : `名额 ${availability.capacity}，已占 ${availability.taken}`} · {availability.label}
          {event.reviewRequired ? ' · 报名需审核' : ''}
        </Text>
        {event.cancelled && <Text className='event-signups__cancelled'>此活动已取消，报名的职工已收到通知</Text>}
      </View>
      <View className='event-signups__tools'>
        <Button className='event-signups__button' onClick={() => void go(routes.staffCheckInScreen(ref.type, ref.id))}>
          打开签到屏
        </Button>
        <ExportCsv event={ref} title={event.title} />
      </View>

      <OptionChips<Shown>
        label='按状态查看'
        className='event-signups__chips'
        optionClass='event-signups__chip'
        options={['all', ...states]}
        labels={
          Object.fromEntries([
            ['all', `全部 ${list.signups.length}`],
            ...states.map((each) => [each, `${SIGNUP_STATE_LABELS[each]} ${counts[each]}`])
          ]) as Record<Shown, string>
        }
        isOn={(option) => option === shown}
        onTap={setShown}
      />
      {signups.length === 0 ? (
        <Text className='event-signups__empty'>{list.signups.length === 0 ? '还没有人报名' : '这个状态下没有报名'}</Text>
      ) : (
        <View className='event-signups__items'>
          {signups.map((signup) => (
            <SignupCard key={signup.id} signup={signup} onChanged={onChanged} />
          ))}
        </View>
      )}
    </View>
  )
}

/** In queue order; the waitlist alone in its own order (who is promoted next first). */
function shownSignups(signups: StaffSignup[], shown: Shown): StaffSignup[] {
  if (shown === 'all') return signups
  const some = signups.filter((signup) => signup.state === shown)
  return shown === 'waitlisted' ? [...some].sort((a, b) => (a.waitlistPosition ?? a.seq) - (b.waitlistPosition ?? b.seq)) : some
}
