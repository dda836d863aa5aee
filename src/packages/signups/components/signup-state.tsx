import { Text, View } from '@tarojs/components'
import { SIGNUP_STATE_LABELS, type MySignup } from '@/domain/signups'
import './signup-state.scss'

/** A sign-up's state as a worker reads it: 候补中 with the place in the queue, 未通过 with the reason. */
export function stateText(signup: Pick<MySignup, 'state' | 'waitlistPosition'>): string {
  if (signup.state === 'waitlisted' && signup.waitlistPosition !== undefined) return `候补第 ${signup.waitlistPosition} 位`
  return SIGNUP_STATE_LABELS[signup.state]
}

export function SignupStateBadge({ signup }: { signup: Pick<MySignup, 'state' | 'waitlistPosition'> }) {
  return <Text className={`signup-state signup-state--${signup.state}`}>{stateText(signup)}</Text>
}

/** The one line under a state that says what happens next. */
export function stateHint(signup: Pick<MySignup, 'state' | 'reason'>): string | undefined {
  switch (signup.state) {
    case 'pending':
      return '工作人员审核后会通知您，结果也可在「我的报名」查看'
    case 'confirmed':
      return '请按时参加，到场后扫码或输入现场的 6 位签到码签到'
    case 'waitlisted':
      return '有人取消时按顺序递补，递补成功会通知您'
    case 'rejected':
      return signup.reason ? `原因：${signup.reason}` : undefined
    case 'cancelled':
      return signup.reason ? `原因：${signup.reason}` : undefined
    default:
      return undefined
  }
}

export function StateHint({ signup }: { signup: Pick<MySignup, 'state' | 'reason'> }) {
  const hint = stateHint(signup)
  return hint ? (
    <View className='signup-state__hint'>
      <Text>{hint}</Text>
    </View>
  ) : null
}
