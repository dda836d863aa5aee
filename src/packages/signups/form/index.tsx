import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { notFoundError } from '@/api/client'
import { fetchSignupEvent, type SignupEventInfo } from '@/api/signups'
import { useResource } from '@/api/use-resource'
import { NotFound } from '@/components/not-found'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { formatDateRange, formatDateTime, signupStatus } from '@/domain/dates'
import { isContentId } from '@/domain/limits'
import { isSignupEventType } from '@/domain/signup-events'
import { go } from '@/navigation'
import { routeParam, routes } from '@/routes'
import { SignupFields } from './signup-fields'
import { SignupResult } from './signup-result'
import { useSignupForm } from './use-signup-form'
import './index.scss'

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='signup-event__fact'>
      <Text className='signup-event__label'>{label}</Text>
      <Text className='signup-event__value'>{value}</Text>
    </View>
  )
}

/** Why the event takes no sign-up now, in words; undefined while it does. */
function closedReason(event: SignupEventInfo): string | undefined {
  if (event.cancelledReason !== undefined) return `该活动已取消：${event.cancelledReason}`
  const status = signupStatus(event.dates)
  if (status === 'upcoming') return `报名未开始，${formatDateTime(event.dates.signupStartsAt)} 开始报名`
  if (status !== 'signup') return '报名已截止'
  return undefined
}

function SignupPage({ event }: { event: SignupEventInfo }) {
  const form = useSignupForm(event)
  const closed = closedReason(event)
  const places = form.availability === 'failed' ? '名额暂时无法读取' : (form.availability?.label ?? '正在读取名额…')
  return (
    <View className='signup-page'>
      <View className='signup-event'>
        <Text className='signup-event__title'>{event.title}</Text>
        <Fact label='时间' value={formatDateRange(event.dates.eventStartsAt, event.dates.eventEndsAt)} />
        <Fact label='地点' value={event.place} />
        <Fact label='名额' value={places} />
        {event.reviewRequired && <Text className='signup-event__note'>报名需工作人员审核</Text>}
      </View>
      {form.sending.status === 'done' ? (
        <SignupResult answer={form.sending.answer} />
      ) : closed ? (
        <View className='signup-page__closed' role='alert'>
          <Text>{closed}</Text>
        </View>
      ) : (
        <SignupFields event={event} form={form} />
      )}
    </View>
  )
}

/** The sign-up form: `?type=activity|competition&id=…` — nothing personal in the address. */
export default function SignupFormPage() {
  const router = useRouter()
  const type = routeParam(router.params.type)
  const id = routeParam(router.params.id) ?? ''
  const valid = isSignupEventType(type) && isContentId(id)
  const { state, reload } = useResource(() => (valid ? fetchSignupEvent(type, id) : Promise.reject(notFoundError('未找到该报名项目'))), [type, id])
  const notFound = state.status === 'error' && state.error.notFound
  return (
    <PageRoot className='signup-form-page'>
      {notFound ? (
        <NotFound title='未找到该报名项目' hint='它可能已被删除，或链接有误。' actionText='返回首页' onAction={() => void go(routes.home())} />
      ) : (
        <PageState state={state} onRetry={() => void reload()} what='报名信息'>
          {(event) => <SignupPage key={`${event.type}:${event.id}`} event={event} />}
        </PageState>
      )}
    </PageRoot>
  )
}
