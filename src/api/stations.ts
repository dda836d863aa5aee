import Taro from '@tarojs/taro'
import type { ScanChannel, StationDirectory, StationPage } from '../domain/stations'
import { apiUrl, get, peek, REQUEST_TIMEOUT_MS, type Loaded, type Peeked } from './client'

/** Every station at once: the directory sorts and filters on the phone (by distance, open now). */
export function getStationDirectory(): Promise<Loaded<StationDirectory>> {
  return get<StationDirectory>('/api/stations')
}

export function peekStationDirectory(): Peeked<StationDirectory> | undefined {
  return peek<StationDirectory>('/api/stations')
}

const stationPagePath = (code: string) => `/api/stations/${encodeURIComponent(code)}`

export function getStationPage(code: string): Promise<Loaded<StationPage>> {
  return get<StationPage>(stationPagePath(code))
}

export function peekStationPage(code: string): Peeked<StationPage> | undefined {
  return peek<StationPage>(stationPagePath(code))
}

/**
 * Counts one QR scan for the station and today. Never cached and never retried: a lost count is better than a
 * double one. Resolves whether or not the server took it, so a worker never sees a counting failure.
 */
export async function countStationScan(code: string, channel: ScanChannel): Promise<void> {
  try {
    await Taro.request({
      url: apiUrl(`/api/stations/${encodeURIComponent(code)}/scans`),
      method: 'POST',
      timeout: REQUEST_TIMEOUT_MS,
      header: { 'Content-Type': 'application/json' },
      data: { channel },
      dataType: '其他',
      responseType: 'text'
    })
  } catch {
    // Offline or the server is down: the page shows the station anyway; this scan is simply not counted.
  }
}
