/**
 * Which station the page shows, and counting the QR scan that opened it.
 *
 * Parameters arrive as WeChat or the H5 router hands them over, still encoded: WeChat passes a 小程序码's `scene`
 * and a URL QR's `q` percent-encoded, and neither WeChat nor Taro (the H5 router parses with decode: false) decodes
 * page options. They go to stationEntryFromParams untouched, which decodes at most once — nothing here decodes.
 *
 * Cold start: the page opens with the QR's parameters. Warm start: WeChat reLaunches the app onto the page with the
 * new parameters, which is a new page instance and so the same as a cold start. Should WeChat instead bring back a
 * station page that is already open (the documentation promises a reLaunch; this is the fallback), the page reads
 * the new enter options when it is shown again and switches to that station.
 */
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { countStationScan } from '@/api/stations'
import { stationEntryFromParams, type StationEntry } from '@/domain/station-codes'
import { STATION_PAGE_PATH } from '@/domain/stations'

export interface StationOpening {
  entry: StationEntry
  /** Increases with every opening of this page instance: the one scan per opening is counted against it. */
  serial: number
}

interface EnterOptions {
  path?: string
  scene?: number
  query?: Record<string, string | undefined>
}

function enterOptions(): EnterOptions | undefined {
  try {
    return Taro.getEnterOptionsSync() as EnterOptions
  } catch {
    return undefined
  }
}

/** What identifies one entry into the app: the same page, scene value and parameters is the same entry. */
function fingerprintOf(options: EnterOptions | undefined): string | undefined {
  return options ? JSON.stringify([options.path ?? '', options.scene ?? 0, options.query ?? {}]) : undefined
}

/**
 * An entry an already-open page took over and counted. If WeChat then also reLaunches onto the page with the same
 * entry, the new instance must not count it a second time. Cleared by the next page that opens.
 */
let countedByOpenPage: string | undefined

export function useStationEntry(params: Record<string, string | undefined>): StationOpening {
  // Read once, when the page is created: later renders must not reinterpret (or re-decode) anything.
  const [opening, setOpening] = useState<StationOpening>(() => ({ entry: stationEntryFromParams(params), serial: 1 }))
  const [start] = useState(() => {
    const enter = fingerprintOf(enterOptions()) ?? ''
    const alreadyCounted = countedByOpenPage !== undefined && countedByOpenPage === enter
    countedByOpenPage = undefined
    return { enter, alreadyCounted }
  })
  const seenEnter = useRef(start.enter)
  const counted = useRef(0)

  useDidShow(() => {
    const options = enterOptions()
    const fingerprint = fingerprintOf(options)
    // The first show after opening, and every return from another page or from the background without a new entry.
    if (!options || fingerprint === undefined || fingerprint === seenEnter.current) return
    seenEnter.current = fingerprint
    if ((options.path ?? '').replace(/^\//, '') !== STATION_PAGE_PATH) return
    const entry = stationEntryFromParams(options.query ?? {})
    if (entry.kind === 'none') return
    if (entry.kind === 'code' && entry.channel) countedByOpenPage = fingerprint
    setOpening((previous) => ({ entry, serial: previous.serial + 1 }))
  })

  const { entry, serial } = opening
  useEffect(() => {
    // Once per opening, whatever re-renders or re-runs the effect.
    if (counted.current >= serial) return
    counted.current = serial
    if (serial === 1 && start.alreadyCounted) return
    if (entry.kind === 'code' && entry.channel) void countStationScan(entry.code, entry.channel)
  }, [entry, serial, start])

  return opening
}
