import { Button, Text, View } from '@tarojs/components'
import type { SignupResponse } from '@/domain/signups'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { SignupStateBadge, StateHint } from '../components/signup-state'

function headline(answer: SignupResponse): string {
  if (answer.existing) return '您已报名过该项目'
  switch (answer.signup.state) {
    case 'confirmed':
      return '报名成功'
    case 'pending':
      return '已提交，待审核'
    case 'waitlisted':
      return `名额已满，您是候补第 ${answer.signup.waitlistPosition ?? 1} 位`
    default:
      return '已提交'
  }
}

/** What the worker sees once the server has the sign-up: the outcome, what happens next, and 我的报名. */
export function SignupResult({ answer }: { answer: SignupResponse }) {
  return (
    <View className='signup-result' role='status'>
      <Text className='signup-result__title'>{headline(answer)}</Text>
      <View className='signup-result__state'>
        <SignupStateBadge signup={answer.signup} />
      </View>
      <StateHint signup={answer.signup} />
      <Button className='signup-result__mine' onClick={() => void go(routes.mySignups())}>
        查看我的报名
      </Button>
    </View>
  )
}
