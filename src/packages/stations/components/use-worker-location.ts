/**
 * The worker's position, asked for once when a 服务阵地 page opens and used only on the phone (to sort by
 * distance): it is never sent to the server or kept. A refusal or a failure is a state the page explains with a
 * note, never a blocking dialog, and the list is usable the whole time.
 */
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { wgs84ToGcj02, type LatLng } from '../../../domain/station-geo'

/** Weak networks and indoor GPS can take long; past this the list simply stays in its fallback order. */
export const LOCATION_TIMEOUT_MS = 8_000

export type WorkerLocation =
  | { status: 'locating' }
  | { status: 'located'; origin: LatLng }
  | { status: 'unavailable' }

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('getLocation:fail timeout')), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      }
    )
  })
}

/** GCJ-02, as the stations are stored: WeChat converts itself; a browser reports WGS-84, converted here. */
async function locate(): Promise<LatLng> {
  const weapp = process.env.TARO_ENV === 'weapp'
  const position = await withTimeout(
    Taro.getLocation(
      weapp
        ? { type: 'gcj02' }
        : // Taro's H5 getLocation only speaks WGS-84, and hands highAccuracyExpireTime to the browser as its timeout.
          { type: 'wgs84', highAccuracyExpireTime: LOCATION_TIMEOUT_MS }
    ),
    LOCATION_TIMEOUT_MS
  )
  const point = { latitude: position.latitude, longitude: position.longitude }
  return weapp ? point : wgs84ToGcj02(point)
}

export function useWorkerLocation(): { location: WorkerLocation; askAgain: () => void } {
  const [location, setLocation] = useState<WorkerLocation>({ status: 'locating' })
  const latestCall = useRef(0)

  const run = useCallback(() => {
    const call = ++latestCall.current
    setLocation((previous) => (previous.status === 'located' ? previous : { status: 'locating' }))
    locate().then(
      (origin) => {
        if (call === latestCall.current) setLocation({ status: 'located', origin })
      },
      () => {
        if (call === latestCall.current) setLocation((previous) => (previous.status === 'located' ? previous : { status: 'unavailable' }))
      }
    )
  }, [])

  useEffect(() => {
    run()
    return () => {
      // An answer arriving after the page closed is dropped.
      latestCall.current++
    }
  }, [run])

  /**
   * 「开启定位」. WeChat does not ask a second time once refused: its settings page is where the worker allows it.
   * A browser asks again by itself (or fails at once when the site is blocked, and the note stays).
   */
  const askAgain = useCallback(() => {
    if (process.env.TARO_ENV !== 'weapp') {
      run()
      return
    }
    Taro.openSetting()
      .then((result) => {
        if (result.authSetting['scope.userLocation']) run()
      })
      .catch(() => {
        // Closed without a choice: the note stays.
      })
  }, [run])

  return { location, askAgain }
}
