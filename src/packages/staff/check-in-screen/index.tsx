/**
 * The 签到屏 (经办 and 管理员), for a phone or a projector at the venue: a QR code of the check-in page with the code,
 * the 6 digits in large type, and the live count 已签到 / 应到. Read again every few seconds while the page shows (the
 * code changes every 30 s; the count as workers arrive) and never while it is hidden. A refresh replaces the code in
 * place — no loading screen in between — and a failed one keeps the last answer, saying so once it is out of date.
 */
import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ApiError, apiUrl } from '@/api/client'
import { checkInAddress, getCheckInScreen, getEventTitle, type EventRef } from '@/api/staff/signups'
import { NotFound } from '@/components/not-found'
import type { CheckInScreen } from '@/domain/signups'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { StaffPage, toLogin } from '../components/staff-page'
import { eventOfParams } from '../event-signups/event-params'
import { QrCode } from './qr-code'
import './index.scss'

/** How often the screen asks again: a new code shows within this of the change, a new arrival within this too. */
export const CHECK_IN_POLL_MS = 3_000

export default function StaffCheckInScreenPage() {
  return (
    <StaffPage roles={['handler']} className='check-in-screen'>
      <CheckInScreenView />
    </StaffPage>
  )
}

/** Where the H5 app lives: the API's origin (it serves the web app), or this page's own on H5 when that is ''. */
function webOrigin(): string {
  const base = apiUrl('')
  if (base) return base
  return typeof window !== 'undefined' && window.location ? window.location.origin : ''
}

/** Not every platform has it (H5 may not): the screen then dims as the phone is set to, and nothing else changes. */
function keepScreenOn(): void {
  try {
    void Promise.resolve(Taro.setKeepScreenOn({ keepScreenOn: true })).catch(() => undefined)
  } catch {
    // Not available here.
  }
}

function CheckInScreenView() {
  const event = eventOfParams(useRouter().params)
  if (!event) {
    return <NotFound title='未找到该活动或竞赛' hint='链接有误。' actionText='返回报名与签到' onAction={() => void go(routes.staffEvents())} />
  }
  return <LiveScreen type={event.type} id={event.id} />
}

function LiveScreen({ type, id }: EventRef) {
  const event = useMemo<EventRef>(() => ({ type, id }), [type, id])
  const [screen, setScreen] = useState<CheckInScreen>()
  const [title, setTitle] = useState<string>()
  const [failure, setFailure] = useState<ApiError>()
  const timer = useRef<ReturnType<typeof setInterval>>()

  const refresh = useCallback(async () => {
    try {
      setScreen(await getCheckInScreen(event))
      setFailure(undefined)
    } catch (error) {
      const failed = error instanceof ApiError ? error : new ApiError('network', '网络连接失败')
      if (failed.status === 401) toLogin()
      setFailure(failed)
    }
  }, [event])

  const start = useCallback(() => {
    if (timer.current) return
    void refresh()
    timer.current = setInterval(() => void refresh(), CHECK_IN_POLL_MS)
  }, [refresh])
  const stop = useCallback(() => {
    clearInterval(timer.current)
    timer.current = undefined
  }, [])

  useEffect(() => {
    let alive = true
    start()
    getEventTitle(event)
      .then((found) => {
        if (!alive) return
        setTitle(found)
        void Taro.setNavigationBarTitle({ title: `签到 · ${found}` }).catch(() => undefined)
      })
      .catch(() => undefined)
    // The screen stays on at the venue: WeChat must not dim and lock it mid check-in.
    keepScreenOn()
    return () => {
      alive = false
      stop()
    }
  }, [start, stop, event])
  useDidShow(start)
  useDidHide(stop)

  if (!screen) {
    if (failure?.notFound) {
      return (
        <NotFound title='未找到该活动或竞赛' hint='它可能已被删除，或链接有误。' actionText='返回报名与签到' onAction={() => void go(routes.staffEvents())} />
      )
    }
    return (
      <View className='check-in-screen__waiting' role={failure ? 'alert' : 'status'}>
        <Text>{failure ? `签到码读取失败：${failure.message}，正在重试…` : '正在读取签到码…'}</Text>
      </View>
    )
  }

  const stale = Date.now() > Date.parse(screen.validUntil)
  const address = checkInAddress(screen.path, webOrigin())
  return (
    <View className='check-in-screen__body'>
      {title && <Text className='check-in-screen__title'>{title}</Text>}
      <View className={`check-in-screen__qr${stale ? ' check-in-screen__qr--stale' : ''}`}>
        <QrCode text={address} label='签到二维码' />
      </View>
      <Text className='check-in-screen__hint'>微信或手机相机扫码签到；也可在「我的报名」中输入签到码</Text>
      <Text className={`check-in-screen__code${stale ? ' check-in-screen__code--stale' : ''}`} aria-label='签到码' data-code={screen.code}>
        {screen.code}
      </Text>
      <Text className='check-in-screen__hint'>签到码每 30 秒更换一次</Text>
      <View className='check-in-screen__count' role='status' aria-label='签到人数'>
        <Text className='check-in-screen__count-number'>
          {screen.checkedIn} / {screen.confirmed}
        </Text>
        <Text className='check-in-screen__count-label'>已签到 / 应到</Text>
      </View>
      {failure && (
        <View className='check-in-screen__warning' role='alert'>
          <Text>{stale ? '网络不稳，签到码已过期，正在重新获取…' : '网络不稳，正在重试…'}</Text>
        </View>
      )}
    </View>
  )
}
