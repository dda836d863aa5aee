/**
 * What the 服务阵地 page tests share: the real API's stations, a phone's position as its browser reports it, and a
 * record of the requests the pages send (to see that a scan is counted exactly once).
 */
import { wgs84ToGcj02, type LatLng } from '@/domain/station-geo'
import type { StationDirectory, StationPage } from '@/domain/stations'
import { apiJson } from './page-helpers'
import { firePageEvent } from './support/render-page'

export function stationDirectory(): Promise<StationDirectory> {
  return apiJson<StationDirectory>('/api/stations')
}

export function stationPage(code: string): Promise<StationPage> {
  return apiJson<StationPage>(`/api/stations/${code}`)
}

/**
 * Where a browser (WGS-84) must report the worker for the page's conversion to put them on the station (GCJ-02):
 * one step of the inverse, exact to well under a metre around 密云.
 */
export function standingAt(station: LatLng): LatLng {
  const shifted = wgs84ToGcj02(station)
  return {
    latitude: station.latitude - (shifted.latitude - station.latitude),
    longitude: station.longitude - (shifted.longitude - station.longitude)
  }
}

type PositionAnswer = { at: LatLng; afterMs?: number } | { at: LatLng; after: Promise<unknown> } | { refuse: true } | { noFix: true } | { never: true }

/**
 * The browser's geolocation as a phone gives it (jsdom has none): a position (after a while, or once `after`
 * settles), a refusal (PERMISSION_DENIED), no fix (POSITION_UNAVAILABLE: location off, indoors), or no answer at
 * all. Returns how many times the page asked.
 */
export function phoneLocation(...answers: PositionAnswer[]): { asked: () => number } {
  let asked = 0
  const geolocation = {
    getCurrentPosition(success: PositionCallback, failure?: PositionErrorCallback | null) {
      const answer = answers[Math.min(asked, answers.length - 1)]
      asked++
      if ('never' in answer) return
      if ('refuse' in answer) {
        setTimeout(() => failure?.({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError), 0)
        return
      }
      if ('noFix' in answer) {
        setTimeout(() => failure?.({ code: 2, message: 'Position unavailable' } as GeolocationPositionError), 0)
        return
      }
      const answerNow = () =>
        success({
          coords: { ...answer.at, accuracy: 20, altitude: null, altitudeAccuracy: null, heading: null, speed: null },
          timestamp: Date.now()
        } as GeolocationPosition)
      if ('after' in answer) void answer.after.then(answerNow)
      else setTimeout(answerNow, answer.afterMs ?? 0)
    }
  }
  Object.defineProperty(window.navigator, 'geolocation', { value: geolocation, configurable: true })
  return { asked: () => asked }
}

/** A browser without geolocation, as jsdom is: how every test starts. */
export function noPhoneLocation(): void {
  Object.defineProperty(window.navigator, 'geolocation', { value: undefined, configurable: true })
}

export interface SentRequest {
  method: string
  url: string
  body?: string
  status?: number
}

/** Every request the page sends from now on, with the server's answer's status. */
export function recordApiCalls(): SentRequest[] {
  const sent: SentRequest[] = []
  const current = window.fetch
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request: SentRequest = {
      method: (init?.method ?? 'GET').toUpperCase(),
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      body: typeof init?.body === 'string' ? init.body : undefined
    }
    sent.push(request)
    const response = await current(input, init)
    request.status = response.status
    return response
  }
  return sent
}

export function scansSent(sent: SentRequest[]): SentRequest[] {
  return sent.filter((request) => request.method === 'POST' && /\/api\/stations\/[^/]+\/scans$/.test(request.url))
}

/** A position to hand over when the test says so. */
export function positionLater(): { after: Promise<void>; arrive: () => void } {
  let arrive = () => {}
  const after = new Promise<void>((resolve) => {
    arrive = resolve
  })
  return { after, arrive }
}

/** The worker scrolls the page to this offset (CSS px), as the page's onPageScroll hears it. */
export async function scrollPageTo(scrollTop: number): Promise<void> {
  // render-page's lifecycle list names the events the other pages use; onPageScroll is registered the same way.
  await firePageEvent('onPageScroll' as Parameters<typeof firePageEvent>[0], { scrollTop })
}
