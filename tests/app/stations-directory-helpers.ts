/**
 * What the 服务阵地 directory tests read and fake: the cards as a worker sees them, the filter chips, WeChat's
 * location APIs as a phone answers them, and a union-sized directory served in place of the seeded one.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { LatLng } from '@/domain/station-geo'
import { STATION_CODE_ALPHABET, type StationDirectory, type StationSummary } from '@/domain/stations'

export const NO_LOCATION_NOTE = '未获得位置权限，已按开放状态和所在镇街排列'
export const CANNOT_LOCATE_NOTE = '暂时无法获取位置，请确认手机定位已打开'
export const BROWSER_BLOCKED_NOTE = '浏览器已禁止定位，请在浏览器设置中允许本网站使用位置'
export const RESORT_BAR = '已获取您的位置，按距离排列'
export const STATUS_RANK: Record<string, number> = { open: 0, closed: 1, suspended: 2 }

export function cards(): HTMLElement[] {
  return screen.queryAllByTestId('station-card')
}

export function cardName(card: HTMLElement): string {
  return card.querySelector('.station-card__name')?.textContent ?? ''
}

export function cardNames(): string[] {
  return cards().map(cardName)
}

export function cardStatus(card: HTMLElement): string {
  return card.querySelector('.open-state')?.getAttribute('data-status') ?? ''
}

/** The distance a card shows, in metres, or undefined when it shows none. */
export function cardDistance(card: HTMLElement): number | undefined {
  const text = card.querySelector('.station-card__where')?.textContent ?? ''
  if (/· 50 米内$/.test(text)) return 0
  const metres = /· (\d+) 米/.exec(text)
  if (metres) return Number(metres[1])
  const km = /· (\d+(?:\.\d)?) 公里/.exec(text)
  return km ? Number(km[1]) * 1000 : undefined
}

export function amenitiesToggle(): HTMLElement {
  return screen.getByRole('button', { name: /^设施筛选/ })
}

export function chip(group: '类型' | '设施', label: string): HTMLElement {
  // The amenities are folded behind 「设施筛选」 until the worker opens it.
  if (group === '设施' && amenitiesToggle().getAttribute('aria-expanded') !== 'true') fireEvent.click(amenitiesToggle())
  return within(screen.getByRole('group', { name: group })).getByRole('button', { name: label })
}

export async function showsAll(directory: StationDirectory): Promise<void> {
  await waitFor(() => expect(cardNames().sort()).toEqual(directory.stations.map((station) => station.name).sort()))
}

export function expectFallbackOrder(): void {
  const ranks = cards().map((card) => STATUS_RANK[cardStatus(card)])
  expect(ranks.every((rank) => rank !== undefined)).toBe(true)
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  for (const card of cards()) expect(cardDistance(card)).toBeUndefined()
}

export type WeChatLocationAnswer = { at: LatLng; afterMs?: number } | { errMsg: string }

/**
 * WeChat's location APIs as a phone answers them: getLocation with each answer in turn (a position, after a while,
 * or a failure with WeChat's errMsg), getSetting with the worker's switch for 使用我的位置信息, and openSetting where
 * the worker turns it on.
 */
export function wechatLocation(answers: WeChatLocationAnswer[], setting: { userLocation?: boolean }) {
  let asked = 0
  const getLocation = jest.spyOn(Taro, 'getLocation').mockImplementation((() => {
    const answer = answers[Math.min(asked, answers.length - 1)]
    asked++
    if ('errMsg' in answer) return Promise.reject({ errMsg: answer.errMsg })
    return new Promise((resolve) => setTimeout(() => resolve({ ...answer.at, accuracy: 30, errMsg: 'getLocation:ok' }), answer.afterMs ?? 0))
  }) as unknown as typeof Taro.getLocation)
  const authSetting = () => (setting.userLocation === undefined ? {} : { 'scope.userLocation': setting.userLocation })
  const getSetting = jest
    .spyOn(Taro, 'getSetting')
    .mockImplementation((() => Promise.resolve({ authSetting: authSetting(), errMsg: 'getSetting:ok' })) as unknown as typeof Taro.getSetting)
  const openSetting = jest.spyOn(Taro, 'openSetting').mockImplementation((() => {
    setting.userLocation = true
    return Promise.resolve({ authSetting: authSetting(), errMsg: 'openSetting:ok' })
  }) as unknown as typeof Taro.openSetting)
  return { getLocation, getSetting, openSetting }
}

/** The seeded stations repeated, each copy with its own code and name, as many as a union-sized directory has. */
export function unionSizedDirectory(real: StationDirectory, count: number): StationDirectory {
  const stations: StationSummary[] = Array.from({ length: count }, (_, index) => {
    const base = real.stations[index % real.stations.length]
    const size = STATION_CODE_ALPHABET.length
    const code = `ZZZZ${STATION_CODE_ALPHABET[Math.floor(index / size)]}${STATION_CODE_ALPHABET[index % size]}`
    return { ...base, id: `${base.id}-${index}`, code, name: `${base.name}（${index + 1}）` }
  })
  return { ...real, stations }
}

/**
 * The API answering /api/stations with this directory (everything else goes to the real server): a new object
 * each time, as a refresh brings. Returns how many times it was asked.
 */
export function servesDirectory(directory: StationDirectory): { asked: () => number } {
  const real = window.fetch
  let asked = 0
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (/\/api\/stations(\?|$)/.test(url)) {
      asked++
      return Promise.resolve(new Response(JSON.stringify(directory), { status: 200, headers: { 'Content-Type': 'application/json' } }))
    }
    return real(input, init)
  }
  return { asked: () => asked }
}
