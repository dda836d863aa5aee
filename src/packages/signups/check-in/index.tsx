import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ApiError } from '@/api/client'
import { checkIn, fetchMySignups } from '@/api/signups'
import { PageRoot } from '@/components/page-root'
import { isLive, type MySignup } from '@/domain/signups'
import { go } from '@/navigation'
import { routeParam, routes } from '@/routes'
import { checkInLinkOf, type CheckInLink } from '../components/check-in-link'
import { SignupStateBadge } from '../components/signup-state'
import './index.scss'

type Outcome = { status: 'working' } | { status: 'done'; signup: MySignup } | { status: 'refused'; message: string; retry: boolean }

/** The worker's live sign-up for the event the code belongs to, checked in with the code. */
async function checkInFor(link: CheckInLink): Promise<Outcome> {
  const mine = (await fetchMySignups()).data.filter((signup) => signup.event.type === link.type && signup.event.id === link.id)
  const live = mine.find((signup) => isLive(signup.state))
  if (!live)
    return { status: 'refused', message: mine.length ? '您在该活动的报名已结束（已取消或未通过），无法签到' : '您没有报名该活动，无法签到', retry: false }
  if (live.state === 'checked-in') return { status: 'done', signup: live }
  const answer = await checkIn(live.id, link.code)
  return { status: 'done', signup: answer.signup }
}

/**
 * Opened by the venue's check-in QR code (`?type=&id=&code=`: the event and the code on the screen, nothing personal):
 * signs in silently and checks the worker in, or says why not.
 */
export default function CheckInPage() {
  const router = useRouter()
  const link = checkInLinkOf({ type: routeParam(router.params.type), id: routeParam(router.params.id), code: routeParam(router.params.code) })
  const [outcome, setOutcome] = useState<Outcome>({ status: 'working' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!link) {
      setOutcome({ status: 'refused', message: '这个签到码无法识别，请重新扫描现场屏幕上的二维码，或在「我的报名」中输入 6 位签到码', retry: false })
      return
    }
    setOutcome({ status: 'working' })
    checkInFor(link).then(setOutcome, (error: unknown) =>
      setOutcome({
        status: 'refused',
        message: error instanceof ApiError ? error.message : '签到失败，请稍后重试',
        retry: !(error instanceof ApiError) || error.kind !== 'http'
      })
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [link?.type, link?.id, link?.code, attempt])

  return (
    <PageRoot className='check-in'>
      <View className='check-in__card' role={outcome.status === 'working' ? undefined : 'status'}>
        {outcome.status === 'working' && <Text className='check-in__title'>正在签到…</Text>}
        {outcome.status === 'done' && (
          <>
            <Text className='check-in__title'>签到成功</Text>
            <Text className='check-in__event'>{outcome.signup.event.title}</Text>
            <SignupStateBadge signup={outcome.signup} />
          </>
        )}
        {outcome.status === 'refused' && (
          <>
            <Text className='check-in__title'>未能签到</Text>
            <Text className='check-in__message'>{outcome.message}</Text>
            {outcome.retry && (
              <Button className='check-in__retry' onClick={() => setAttempt((count) => count + 1)}>
                重试
              </Button>
            )}
          </>
        )}
        <Button className='check-in__mine' onClick={() => void go(routes.mySignups())}>
          查看我的报名
        </Button>
      </View>
    </PageRoot>
  )
}
