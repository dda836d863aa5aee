/**
 * The worker's position, asked for once when a 服务阵地 page opens and used only on the phone (to sort by
 * distance): it is never sent to the server or kept. A refusal or a failure is a state the page explains with a
 * note, never a blocking dialog, and the list is usable the whole time.
 *
 * WeChat calls are behind `process.env.TARO_ENV === 'weapp'` so the H5 build leaves them (and Taro's open-API
 * wrapper they bring into the shared vendor chunk) out; a browser is asked through its own geolocation.
 */
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { wgs84ToGcj02, type LatLng } from '@/domain/station-geo'

/**
 * Past this the note says the position could not be found yet. The request itself goes on: in WeChat the clock
 * starts before the privacy popup and the permission dialog, and a worker who taps 允许 after it still gets the
 * list by distance.
 */
export const LOCATION_TIMEOUT_MS = 8_000

export type WorkerLocation =
  | { status: 'locating' }
  | { status: 'located'; origin: LatLng }
  /**
   * The worker said no (to the permission or WeChat's privacy popup). `blocked`: asked again from the page and
   * refused at once, which is what a browser that has blocked the site does; only its settings can undo it.
   */
  | { status: 'denied'; blocked: boolean }
  /** No answer in time, the phone's location switched off, no fix indoors: allowed, but nowhere to be had. */
  | { status: 'unlocatable' }

type Failure = 'denied' | 'unlocatable'

class LocationFailure extends Error {
  constructor(readonly reason: Failure) {
    super(`getLocation:fail ${reason}`)
  }
}

/** A browser reports WGS-84; the stations are stored in GCJ-02. */
function browserPosition(): Promise<LatLng> {
  return new Promise((resolve, reject) => {
    const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation
    if (!geolocation) {
      reject(new LocationFailure('unlocatable'))
      return
    }
    geolocation.getCurrentPosition(
      ({ coords }) => resolve(wgs84ToGcj02({ latitude: coords.latitude, longitude: coords.longitude })),
      // 1 is PERMISSION_DENIED; 2 (no fix) and 3 (timeout) mean the position could not be had.
      (error) => reject(new LocationFailure(error.code === 1 ? 'denied' : 'unlocatable')),
      // A fix up to a minute old sorts as well as a new one and comes at once. No browser timeout: the page's own
      // clock explains the wait, and a late fix is still used.
      { maximumAge: 60_000 }
    )
  })
}

/** Whether the worker has turned 使用我的位置信息 off for this mini-program (false); undefined when never asked. */
async function wechatRefusedLocation(): Promise<boolean> {
  try {
    const { authSetting } = await Taro.getSetting()
    return authSetting['scope.userLocation'] === false
  } catch {
    return false
  }
}

/** WeChat converts to GCJ-02 itself. */
async function wechatPosition(): Promise<LatLng> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' })
    return { latitude, longitude }
  } catch (error) {
    const message = String((error as { errMsg?: unknown } | undefined)?.errMsg ?? '')
    // The privacy popup refused ("privacy permission is not authorized"): WeChat shows it again at the next call.
    if (/privacy|auth deny|auth denied/i.test(message)) throw new LocationFailure('denied')
    // Otherwise the message does not say reliably whether the worker refused ("system permission denied" is
    // WeChat itself lacking the phone's permission; the location switch off reads differently per phone).
    throw new LocationFailure((await wechatRefusedLocation()) ? 'denied' : 'unlocatable')
  }
}

export function useWorkerLocation(): { location: WorkerLocation; askAgain: () => void } {
  const [location, setLocation] = useState<WorkerLocation>({ status: 'locating' })
  const latestCall = useRef(0)

  const run = useCallback((askedAgain: boolean) => {
    const call = ++latestCall.current
    // An answer to an earlier request, or one arriving after the page closed, is dropped.
    const isLatest = () => call === latestCall.current
    setLocation((previous) => (previous.status === 'located' ? previous : { status: 'locating' }))
    const timer = setTimeout(() => {
      if (isLatest()) setLocation((previous) => (previous.status === 'locating' ? { status: 'unlocatable' } : previous))
    }, LOCATION_TIMEOUT_MS)
    const position = process.env.TARO_ENV === 'weapp' ? wechatPosition() : browserPosition()
    position.then(
      (origin) => {
        clearTimeout(timer)
        if (isLatest()) setLocation({ status: 'located', origin })
      },
      (error: unknown) => {
        clearTimeout(timer)
        if (!isLatest()) return
        const reason: Failure = error instanceof LocationFailure ? error.reason : 'unlocatable'
        // A browser asks again by itself unless the site is blocked: refused again at once means blocked.
        const blocked = askedAgain && process.env.TARO_ENV !== 'weapp'
        setLocation((previous) => (previous.status === 'located' ? previous : reason === 'denied' ? { status: 'denied', blocked } : { status: 'unlocatable' }))
      }
    )
  }, [])

  useEffect(() => {
    run(false)
    return () => {
      // A counter, not a rendered node: bumping it on unmount is what makes a late answer stale.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      latestCall.current++
    }
  }, [run])

  /**
   * 「开启定位」 and 「重试」. WeChat does not ask a second time once the worker refused: its settings page is where
   * it is allowed, so the worker is sent there only when getSetting says it was refused (a privacy-popup refusal
   * or a phone with location off just asks again).
   */
  const askAgain = useCallback(() => {
    if (process.env.TARO_ENV !== 'weapp') {
      run(true)
      return
    }
    void wechatRefusedLocation().then((refused) => {
      if (!refused) {
        run(true)
        return
      }
      Taro.openSetting()
        .then((result) => {
          if (result.authSetting['scope.userLocation']) run(true)
        })
        .catch(() => {
          // Closed without a choice: the note stays.
        })
    })
  }, [run])

  return { location, askAgain }
}
