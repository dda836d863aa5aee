import { Button, Text, View } from '@tarojs/components'
import { fetchAvailability } from '@/api/availability'
import { useReloadOnReturn } from '@/api/use-reload-on-return'
import { useResource } from '@/api/use-resource'
import { formatDateTime, signupStatus, type Instant, type SignupDates } from '@/domain/dates'
import type { SignupEventType } from '@/domain/signup-events'
import { go } from '@/navigation'
import { routes } from '@/routes'
import './index.scss'

export type SignupAction = { open: true; label: '我要报名'; note: string } | { open: false; label: '报名未开始' | '报名已截止' | '活动已取消'; note?: string }

/**
 * What the sign-up button says, on the phone's clock: 「我要报名」 only while the window is open and the event is not
 * called off; otherwise an honest disabled label (a WeChat reviewer refuses a button that does nothing).
 */
export function signupAction(dates: SignupDates, cancelled: boolean, now: Instant = Date.now()): SignupAction {
  if (cancelled) return { open: false, label: '活动已取消' }
  switch (signupStatus(dates, now)) {
    case 'upcoming':
      return { open: false, label: '报名未开始', note: `${formatDateTime(dates.signupStartsAt)} 开始报名` }
    case 'signup':
      return { open: true, label: '我要报名', note: `报名截止：${formatDateTime(dates.signupEndsAt)}` }
    default:
      return { open: false, label: '报名已截止' }
  }
}

/** The places left, as the server counts them now; a kept copy only offline, and said so. */
function Places({ type, id }: { type: SignupEventType; id: string }) {
  const { state, reload } = useResource(() => fetchAvailability(type, id), [type, id])
  // Back from the sign-up form: the worker's own sign-up has taken a place.
  useReloadOnReturn(reload)
  if (state.status === 'loading') return <Text className='signup-bar__places signup-bar__places--muted'>正在查询名额…</Text>
  if (state.status === 'error') {
    return (
      <View className='signup-bar__places signup-bar__places--muted' role='button' onClick={() => void reload()}>
        <Text>名额暂时查不到，点此重试</Text>
      </View>
    )
  }
  return (
    <Text className='signup-bar__places' data-testid='signup-places'>
      {state.data.label}
      {state.offline ? '（离线，以联网后为准）' : ''}
    </Text>
  )
}

interface SignupBarProps {
  type: SignupEventType
  id: string
  dates: SignupDates
  cancelled?: boolean
}

/** The bottom bar of an activity or a competition: places, and the one way into the sign-up form. */
export function SignupBar({ type, id, dates, cancelled = false }: SignupBarProps) {
  const action = signupAction(dates, cancelled)
  // Places matter before and during sign-up; after it, or when called off, they would only distract.
  const showPlaces = action.open || action.label === '报名未开始'
  return (
    <View className='signup-bar'>
      {showPlaces && <Places type={type} id={id} />}
      {action.open ? (
        <Button className='signup-bar__go' onClick={() => void go(routes.signupForm(type, id))}>
          {action.label}
        </Button>
      ) : (
        <Button className='signup-bar__closed' disabled aria-disabled='true'>
          {action.label}
        </Button>
      )}
      {action.note && <Text className='signup-bar__note'>{action.note}</Text>}
    </View>
  )
}
