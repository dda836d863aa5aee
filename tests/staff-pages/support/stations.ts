/**
 * Stations for the station page tests: each test makes its own (as 王编辑 at another computer), so no two tests, and
 * no other suite on the shared server, edit the same one; and what workers then read, straight from the worker API.
 */
import type { StaffStation, StationInput } from '@/domain/station-input'
import type { StationPage } from '@/domain/stations'
import http from 'node:http'
import { apiJson } from '../../app/page-helpers'
import { REAL_TIMERS_BUT_DATE } from '../../support/clock'
import { anotherDesk } from './desk'
import { otherSession } from './staff'
import { uniqueTitle } from './editor'

export const uniqueStationName = uniqueTitle

const OFFICE_DAY = { open: '09:00', close: '17:00' }

/** A 暖心驿站 open on weekdays, marked as sample data. */
export function stationInput(name: string): StationInput {
  return {
    name,
    type: 'warm-station',
    town: '鼓楼街道',
    address: '密云区鼓楼东大街 1 号（示例地址）',
    latitude: 40.376,
    longitude: 116.843,
    amenities: ['hot-water'],
    hours: { week: [[OFFICE_DAY], [OFFICE_DAY], [OFFICE_DAY], [OFFICE_DAY], [OFFICE_DAY], [], []], holiday: [] },
    photos: [],
    sample: true,
    sampleNote: '地址为示例'
  }
}

export async function createdStation(what: string, change: Partial<StationInput> = {}): Promise<StaffStation> {
  const wang = await otherSession('editor')
  return wang.request<StaffStation>('POST', '/api/staff/stations', { ...stationInput(uniqueStationName(what)), ...change })
}

/** What a worker's phone reads for the station. */
export async function workerStation(code: string): Promise<StationPage['station']> {
  return (await apiJson<StationPage>(`/api/stations/${code}`)).station
}

/**
 * A request from a worker's phone of its own: a loopback address no other scan uses (see desk.ts), since the server
 * counts repeats from one caller for one station once. Resolves with the status.
 */
function fromAPhone(method: 'GET' | 'POST', path: string, body?: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, window.location.href)
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const request = http.request(url, { method, localAddress: anotherDesk(), headers: payload ? { 'Content-Type': 'application/json' } : {} }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    request.on('error', reject)
    if (payload) request.write(payload)
    request.end()
  })
}

/** A scan as the station page reports it (小程序码 or a URL QR opened in WeChat), from a phone of its own. */
export async function postScan(code: string, channel: 'wxacode' | 'wechat-link'): Promise<void> {
  const status = await fromAPhone('POST', `/api/stations/${code}/scans`, { channel })
  if (status !== 204) throw new Error(`scan ${code} ${channel} → ${status}`)
}

/**
 * A URL QR opened in a phone's browser: the server counts it and answers with the station page — here 503, as the
 * page tests' server has no H5 build to draw it in (the count comes first either way).
 */
export async function browserScan(code: string): Promise<void> {
  const status = await fromAPhone('GET', `/s/${code}`)
  if (status !== 200 && status !== 503) throw new Error(`browser scan ${code} → ${status}`)
}

/**
 * What the H5 page saved as a download: the blob behind the object URL and the file name of the link it clicked.
 * jsdom has no object URLs and cannot follow a download link; a browser does both.
 */
export function captureDownloads(): { files: { name: string; blob: Blob }[] } {
  const captured = { files: [] as { name: string; blob: Blob }[] }
  const blobs = new Map<string, Blob>()
  let next = 0
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      next += 1
      const url = `blob:http://127.0.0.1/poster-${next}`
      blobs.set(url, blob)
      return url
    },
    revokeObjectURL: (url: string) => blobs.delete(url)
  })
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)
    if (blob) captured.files.push({ name: this.download, blob })
  })
  return captured
}

export async function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsText(blob, 'latin1')
  })
}

/**
 * The poster PDF as a weak network delivers it: the server answers 200 with its headers, and then the body breaks off
 * (the connection drops: Chromium rejects the body read with 「Failed to fetch」) or never comes. Other requests go
 * to the real server.
 */
export function posterBodyFails(how: 'breaks-off' | 'stalls'): void {
  const current = window.fetch
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!/\/posters?\.pdf/.test(url)) return current(input, init)
    const response = new Response('', { status: 200, headers: { 'Content-Type': 'application/pdf', 'Content-Length': '2000000' } })
    response.blob = () => (how === 'breaks-off' ? Promise.reject(new TypeError('Failed to fetch')) : new Promise<Blob>(() => undefined))
    return Promise.resolve(response)
  }
}

/**
 * Runs `during` with setTimeout on jest's clock, so a deadline minutes away can be reached at once; afterwards the
 * timers are real again and the clock is back where it was (as tests/app/support/setup-after-env.ts sets it).
 */
export async function withTimeoutsOnJestClock(during: () => Promise<void> | void): Promise<void> {
  const now = Date.now()
  jest.useFakeTimers({ now, doNotFake: REAL_TIMERS_BUT_DATE.filter((name) => name !== 'setTimeout' && name !== 'clearTimeout') })
  try {
    await during()
  } finally {
    jest.useFakeTimers({ now, doNotFake: [...REAL_TIMERS_BUT_DATE] })
  }
}
