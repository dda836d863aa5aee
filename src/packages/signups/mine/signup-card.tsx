import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ApiError } from '@/api/client'
import { cancelSignup, checkIn } from '@/api/signups'
import { formatDateRange, instantOf } from '@/domain/dates'
import { checkInOpen, isLive, type MySignup } from '@/domain/signups'
import { CHECK_IN_CODE } from '../components/check-in-link'
import { scanCheckIn } from '../components/scan-check-in'
import { SignupStateBadge, StateHint } from '../components/signup-state'

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : '操作失败，请稍后重试')

/** One sign-up in 我的报名: what, when, where, its state and what the worker can do with it now. */
export function SignupCard({ signup, onChanged }: { signup: MySignup; onChanged: () => void }) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const cancellable = isLive(signup.state) && signup.state !== 'checked-in' && Date.now() < instantOf(signup.event.eventStartsAt)
  // Weeks before the event a code box would only invite a refusal: it shows from an hour before the start to the end.
  const canCheckIn = signup.state === 'confirmed' && checkInOpen(signup.event, Date.now())

  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setProblem(undefined)
    try {
      await action()
      void Taro.showToast({ title: done, icon: 'success' })
      onChanged()
    } catch (error) {
      setProblem(messageOf(error))
    } finally {
      setBusy(false)
    }
  }

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: `确定取消「${signup.event.title}」的报名吗？取消后名额会让给候补的职工。`,
      confirmText: '取消报名',
      cancelText: '不取消'
    })
    if (confirm) await act(() => cancelSignup(signup.id), '已取消报名')
  }

  const checkInWith = async (digits: string) => {
    if (!CHECK_IN_CODE.test(digits)) {
      setProblem('请输入现场屏幕上的 6 位数字签到码')
      return
    }
    await act(() => checkIn(signup.id, digits), '签到成功')
  }

  const scan = async () => {
    const outcome = await scanCheckIn()
    if ('cancelled' in outcome) return
    if ('problem' in outcome) setProblem(outcome.problem)
    else if (outcome.link.type !== signup.event.type || outcome.link.id !== signup.event.id) setProblem('这是另一项活动的签到码，请扫描本活动现场的签到码')
    else await checkInWith(outcome.link.code)
  }

  return (
    <View className='signup-card' data-signup={signup.id}>
      <View className='signup-card__head'>
        <Text className='signup-card__title'>{signup.event.title}</Text>
        {signup.changed && <Text className='signup-card__changed'>有更新</Text>}
      </View>
      <View className='signup-card__state'>
        <SignupStateBadge signup={signup} />
      </View>
      <StateHint signup={signup} />
      <Text className='signup-card__meta'>时间：{formatDateRange(signup.event.eventStartsAt, signup.event.eventEndsAt)}</Text>
      <Text className='signup-card__meta'>地点：{signup.event.place}</Text>
      <Text className='signup-card__meta'>
        报名人：{signup.fields.name}　{signup.fields.phoneMasked}
      </Text>

      {canCheckIn && (
        <View className='signup-card__check-in'>
          <Input
            className='signup-card__code'
            type='number'
            maxlength={6}
            value={code}
            placeholder='输入现场 6 位签到码'
            aria-label='签到码'
            onInput={(event) => setCode(event.detail.value)}
          />
          <Button className='signup-card__check-in-button' disabled={busy} onClick={() => void checkInWith(code.trim())}>
            签到
          </Button>
        </View>
      )}
      {canCheckIn && process.env.TARO_ENV === 'weapp' && (
        <Button className='signup-card__scan' disabled={busy} onClick={() => void scan()}>
          扫码签到
        </Button>
      )}
      {problem && (
        <View className='signup-card__problem' role='alert'>
          <Text>{problem}</Text>
        </View>
      )}
      {cancellable && (
        <Button className='signup-card__cancel' disabled={busy} onClick={() => void cancel()}>
          取消报名
        </Button>
      )}
    </View>
  )
}
