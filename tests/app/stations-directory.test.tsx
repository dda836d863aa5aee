/**
 * 服务阵地 directory, against the real API and its seeded sample stations: the order with and without the worker's
 * position (as the phone's browser reports it), a position that comes late, refused or not to be had, the filters,
 * opening a station, 导航 links on H5, 20 cards at a time, and the loading, error and offline states. Expectations
 * come from the API's records, not from copies of them.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import StationsOverviewPage from '../../src/packages/stations/overview/index'
import StationMapPage from '../../src/packages/stations/map/index'
import { amapNavigationUrl, distanceMeters, wgs84ToGcj02, type LatLng } from '../../src/domain/station-geo'
import {
  AMENITIES,
  AMENITY_LABELS,
  STATION_CODE_ALPHABET,
  STATION_TYPES,
  STATION_TYPE_LABELS,
  type StationDirectory,
  type StationSummary
} from '../../src/domain/stations'
import { routes } from '../../src/routes'
import { spyNavigation } from './page-helpers'
import { firePageEvent, renderPage } from './support/render-page'
import { goOffline, goOnline, serverFailsWith } from './support/network'
import { noPhoneLocation, phoneLocation, positionLater, scrollPageTo, standingAt, stationDirectory } from './stations-helpers'

const NO_LOCATION_NOTE = '未获得位置权限，已按开放状态和所在镇街排列'
const CANNOT_LOCATE_NOTE = '暂时无法获取位置，请确认手机定位已打开'
const BROWSER_BLOCKED_NOTE = '浏览器已禁止定位，请在浏览器设置中允许本网站使用位置'
const RESORT_BAR = '已获取您的位置，按距离排列'
const STATUS_RANK: Record<string, number> = { open: 0, closed: 1, suspended: 2 }

function cards(): HTMLElement[] {
  return screen.queryAllByTestId('station-card')
}

function cardName(card: HTMLElement): string {
  return card.querySelector('.station-card__name')?.textContent ?? ''
}

function cardNames(): string[] {
  return cards().map(cardName)
}

function cardStatus(card: HTMLElement): string {
  return card.querySelector('.open-state')?.getAttribute('data-status') ?? ''
}

/** The distance a card shows, in metres, or undefined when it shows none. */
function cardDistance(card: HTMLElement): number | undefined {
  const text = card.querySelector('.station-card__where')?.textContent ?? ''
  if (/· 50 米内$/.test(text)) return 0
  const metres = /· (\d+) 米/.exec(text)
  if (metres) return Number(metres[1])
  const km = /· (\d+(?:\.\d)?) 公里/.exec(text)
  return km ? Number(km[1]) * 1000 : undefined
}

function amenitiesToggle(): HTMLElement {
  return screen.getByRole('button', { name: /^设施筛选/ })
}

function chip(group: '类型' | '设施', label: string): HTMLElement {
  // The amenities are folded behind 「设施筛选」 until the worker opens it.
  if (group === '设施' && amenitiesToggle().getAttribute('aria-expanded') !== 'true') fireEvent.click(amenitiesToggle())
  return within(screen.getByRole('group', { name: group })).getByRole('button', { name: label })
}

async function showsAll(directory: StationDirectory): Promise<void> {
  await waitFor(() => expect(cardNames().sort()).toEqual(directory.stations.map((station) => station.name).sort()))
}

function expectFallbackOrder(): void {
  const ranks = cards().map((card) => STATUS_RANK[cardStatus(card)])
  expect(ranks.every((rank) => rank !== undefined)).toBe(true)
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
  for (const card of cards()) expect(cardDistance(card)).toBeUndefined()
}

beforeEach(() => noPhoneLocation())

describe('服务阵地 directory', () => {
  it('keeps the article’s figure and lists every seeded station with its type, town, state and 「示例」 tag', async () => {
    const directory = await stationDirectory()
    expect(directory.stations.length).toBeGreaterThan(3)
    renderPage(<StationsOverviewPage />)
    expect(screen.getByText('210余个')).toBeInTheDocument()
    expect(screen.getByText('“十四五”期间建成的工会服务阵地')).toBeInTheDocument()
    expect(screen.getByText(/内容来源：《凝心铸魂践初心 赋能奋进启新程/)).toBeInTheDocument()
    await showsAll(directory)
    for (const station of directory.stations) {
      const card = cards().find((element) => cardName(element) === station.name)!
      expect(card.textContent).toContain(STATION_TYPE_LABELS[station.type])
      expect(card.textContent).toContain(station.town)
      if (station.sample) expect(within(card).getByText('示例')).toBeInTheDocument()
      const state = card.querySelector('.open-state')!
      if (station.closedReason) expect(state).toHaveTextContent(`暂停开放：${station.closedReason}`)
      else expect(state.textContent).toMatch(/^(营业中|已关门)/)
      expect(card.textContent).toContain(AMENITY_LABELS[station.amenities[0]])
    }
  })

  it('when the worker refuses the location: says so, lists open stations first, and 开启定位 asks again', async () => {
    const directory = await stationDirectory()
    const target = directory.stations.find((station) => !station.closedReason && station.code !== directory.stations[0].code)!
    const location = phoneLocation({ refuse: true }, { at: standingAt(target) })
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    expect(await screen.findByText(NO_LOCATION_NOTE)).toBeInTheDocument()
    // Never a dialog: the whole list is there under the note.
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expectFallbackOrder()
    expect(cards().map(cardStatus)).toContain('closed')
    expect(cardStatus(cards()[cards().length - 1])).toBe('suspended')

    fireEvent.click(screen.getByText('开启定位'))
    await waitFor(() => expect(cardName(cards()[0])).toBe(target.name))
    expect(location.asked()).toBe(2)
    expect(screen.getByText('已按离您的距离排列')).toBeInTheDocument()
    expect(screen.queryByText(NO_LOCATION_NOTE)).not.toBeInTheDocument()
  })

  it('shows the list at once, then puts the station the worker stands at first, with distances growing down the list', async () => {
    const directory = await stationDirectory()
    // The browser reports WGS-84 and the page converts it: standing here puts the worker on the target.
    const target = [...directory.stations].reverse().find((station) => !station.closedReason)!
    expect(distanceMeters(wgs84ToGcj02(standingAt(target)), target)).toBeLessThan(5)
    phoneLocation({ at: standingAt(target), afterMs: 400 })

    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    expect(screen.getByText('正在获取您的位置，获取后按距离排列')).toBeInTheDocument()
    expect(cards().every((card) => cardDistance(card) === undefined)).toBe(true)

    await waitFor(() => expect(cardName(cards()[0])).toBe(target.name))
    // Standing at it: closer than a phone's position can tell.
    expect(cards()[0].querySelector('.station-card__where')?.textContent).toMatch(/· 50 米内$/)
    const open = cards().filter((card) => cardStatus(card) !== 'suspended')
    const distances = open.map((card) => cardDistance(card)!)
    expect(distances.every((distance) => distance !== undefined)).toBe(true)
    // Shown rounded (10 m, 0.1 km): the order must still read as nearest first.
    distances.slice(1).forEach((distance, index) => expect(distance).toBeGreaterThanOrEqual(distances[index] - 100))
    // A station closed by staff stays last, however near.
    expect(cardStatus(cards()[cards().length - 1])).toBe('suspended')
  })

  it('when the browser refuses again after 开启定位 (the site is blocked), says to allow it in the browser’s settings', async () => {
    const directory = await stationDirectory()
    const location = phoneLocation({ refuse: true })
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    expect(await screen.findByText(NO_LOCATION_NOTE)).toBeInTheDocument()
    fireEvent.click(screen.getByText('开启定位'))
    expect(await screen.findByText(BROWSER_BLOCKED_NOTE)).toBeInTheDocument()
    expect(location.asked()).toBe(2)
    expect(screen.getByRole('button', { name: '开启定位' })).toBeInTheDocument()
    expectFallbackOrder()
  })

  it('when allowed but no position can be had (location switched off), says so — not 「未获得位置权限」 — and 重新定位 asks again', async () => {
    const directory = await stationDirectory()
    const target = directory.stations.find((station) => !station.closedReason && station.code !== directory.stations[0].code)!
    const location = phoneLocation({ noFix: true }, { at: standingAt(target) })
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    expect(await screen.findByText(CANNOT_LOCATE_NOTE)).toBeInTheDocument()
    expect(screen.queryByText(NO_LOCATION_NOTE)).not.toBeInTheDocument()
    expect(screen.queryByText('开启定位')).not.toBeInTheDocument()
    expectFallbackOrder()
    fireEvent.click(screen.getByRole('button', { name: '重新定位' }))
    await waitFor(() => expect(cardName(cards()[0])).toBe(target.name))
    expect(location.asked()).toBe(2)
  })

  it('a position arriving while the worker reads further down does not re-sort under the thumb: a bar offers it', async () => {
    const pageScrollTo = jest.spyOn(Taro, 'pageScrollTo')
    const many = unionSizedDirectory(await stationDirectory(), 45)
    servesDirectory(many)
    const target = [...many.stations].reverse().find((station) => !station.closedReason)!
    const position = positionLater()
    phoneLocation({ at: standingAt(target), after: position.after })
    renderPage(<StationsOverviewPage />)
    await waitFor(() => expect(cards()).toHaveLength(20))
    await firePageEvent('onReachBottom')
    await waitFor(() => expect(cards()).toHaveLength(40))
    await scrollPageTo(3 * window.innerHeight)
    const before = cardNames()

    position.arrive()
    const bar = await screen.findByRole('button', { name: RESORT_BAR })
    // The same cards in the same places: nothing moved, nothing collapsed.
    expect(cardNames()).toEqual(before)
    expect(cards().every((card) => cardDistance(card) === undefined)).toBe(true)
    expect(screen.queryByText('已按离您的距离排列')).not.toBeInTheDocument()

    fireEvent.click(bar)
    // The copies of a station share its place: the first card is one of those, where the worker stands.
    await waitFor(() => expect(cardDistance(cards()[0])).toBe(0))
    expect(cards()).toHaveLength(40)
    // Back to the top, where the nearest station now is.
    expect(pageScrollTo).toHaveBeenCalledWith({ scrollTop: 0, duration: 0 })
    expect(screen.queryByRole('button', { name: RESORT_BAR })).not.toBeInTheDocument()
    expect(screen.getByText('已按离您的距离排列')).toBeInTheDocument()
  })

  it('a position arriving after the worker set a filter is offered too; before any scroll or filter it re-sorts at once', async () => {
    const directory = await stationDirectory()
    const target = [...directory.stations].reverse().find((station) => !station.closedReason)!
    const position = positionLater()
    phoneLocation({ at: standingAt(target), after: position.after })
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    // Scrolled a little and back: still at the top when the position comes.
    await scrollPageTo(3 * window.innerHeight)
    await scrollPageTo(0)
    fireEvent.click(screen.getByRole('button', { name: '只看营业中' }))
    await waitFor(() => expect(cards().every((card) => cardStatus(card) === 'open')).toBe(true))
    const before = cardNames()
    position.arrive()
    fireEvent.click(await screen.findByRole('button', { name: RESORT_BAR }))
    await waitFor(() => expect(cardName(cards()[0])).toBe(target.name))
    expect(cardNames().sort()).toEqual([...before].sort())
  })

  it('filters by type, by several amenities at once, and to what is open now; an empty result offers 清除筛选', async () => {
    const directory = await stationDirectory()
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)

    const type = STATION_TYPES.find((candidate) => directory.stations.filter((station) => station.type === candidate).length >= 2)!
    fireEvent.click(chip('类型', STATION_TYPE_LABELS[type]))
    await waitFor(() =>
      expect(cardNames().sort()).toEqual(directory.stations.filter((station) => station.type === type).map((s) => s.name).sort())
    )
    expect(chip('类型', STATION_TYPE_LABELS[type])).toHaveAttribute('aria-pressed', 'true')
    fireEvent.click(chip('类型', '全部'))
    await showsAll(directory)

    // Two amenities: only stations with both.
    const [first, second] = ['cool-drinks', 'fridge'] as const
    const withBoth = directory.stations.filter((station) => station.amenities.includes(first) && station.amenities.includes(second))
    const withFirst = directory.stations.filter((station) => station.amenities.includes(first))
    expect(withBoth.length).toBeGreaterThan(0)
    expect(withFirst.length).toBeGreaterThan(withBoth.length)
    fireEvent.click(chip('设施', AMENITY_LABELS[first]))
    await waitFor(() => expect(cardNames().sort()).toEqual(withFirst.map((s) => s.name).sort()))
    fireEvent.click(chip('设施', AMENITY_LABELS[second]))
    await waitFor(() => expect(cardNames().sort()).toEqual(withBoth.map((s) => s.name).sort()))
    fireEvent.click(chip('设施', AMENITY_LABELS[first]))
    fireEvent.click(chip('设施', AMENITY_LABELS[second]))
    await showsAll(directory)

    const openBefore = cards().filter((card) => cardStatus(card) === 'open').length
    expect(openBefore).toBeLessThan(directory.stations.length)
    fireEvent.click(screen.getByRole('button', { name: '只看营业中' }))
    await waitFor(() => expect(cards()).toHaveLength(openBefore))
    expect(cards().every((card) => cardStatus(card) === 'open')).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: '只看营业中' }))
    await showsAll(directory)

    // A type and an amenity no station has together.
    const pair = STATION_TYPES.flatMap((t) => AMENITIES.map((a) => [t, a] as const)).find(
      ([t, a]) => !directory.stations.some((station) => station.type === t && station.amenities.includes(a))
    )!
    fireEvent.click(chip('类型', STATION_TYPE_LABELS[pair[0]]))
    fireEvent.click(chip('设施', AMENITY_LABELS[pair[1]]))
    expect(await screen.findByText('没有符合条件的服务站点')).toBeInTheDocument()
    expect(cards()).toHaveLength(0)
    fireEvent.click(screen.getByText('清除筛选'))
    await showsAll(directory)
    expect(chip('类型', '全部')).toHaveAttribute('aria-pressed', 'true')
  })

  it('puts 只看营业中 first and folds the amenities behind 「设施筛选」, which counts the chosen ones', async () => {
    const directory = await stationDirectory()
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    const buttons = screen.getAllByRole('button')
    expect(buttons[buttons.findIndex((button) => /^(只看营业中|全部|设施筛选)/.test(button.textContent ?? ''))]).toHaveTextContent('只看营业中')
    expect(screen.queryByRole('group', { name: '设施' })).not.toBeInTheDocument()
    for (const amenity of AMENITIES) expect(screen.queryByRole('button', { name: AMENITY_LABELS[amenity] })).not.toBeInTheDocument()
    expect(amenitiesToggle()).toHaveAttribute('aria-expanded', 'false')

    fireEvent.click(chip('设施', AMENITY_LABELS['cool-drinks']))
    fireEvent.click(chip('设施', AMENITY_LABELS.fridge))
    fireEvent.click(amenitiesToggle())
    expect(screen.queryByRole('group', { name: '设施' })).not.toBeInTheDocument()
    expect(amenitiesToggle()).toHaveTextContent('设施筛选（2）')
    // Folded, the choice still filters.
    const withBoth = directory.stations.filter((station) => station.amenities.includes('cool-drinks') && station.amenities.includes('fridge'))
    await waitFor(() => expect(cardNames().sort()).toEqual(withBoth.map((station) => station.name).sort()))
  })

  it('tapping a card opens that station’s page', async () => {
    const { navigateTo } = spyNavigation()
    const directory = await stationDirectory()
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    const card = cards()[1]
    const station = directory.stations.find((candidate) => candidate.name === cardName(card))!
    fireEvent.click(within(card).getByText(station.name))
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.station(station.code) }))
  })

  it('on H5 every card has 导航, a link the browser opens to a 高德 route to the station; there is no 地图 button', async () => {
    const directory = await stationDirectory()
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    for (const card of cards()) {
      const station = directory.stations.find((candidate) => candidate.name === cardName(card))!
      const link = within(card).getByRole('link', { name: '导航' })
      expect(link).toHaveAttribute('href', amapNavigationUrl(station))
      const href = new URL(link.getAttribute('href')!)
      expect(href.pathname).toBe('/navigation')
      expect(href.searchParams.get('to')).toBe(`${station.longitude},${station.latitude},${station.name}`)
    }
    expect(screen.queryByText('地图')).not.toBeInTheDocument()
  })

  it('a sample station says 「示例位置」 next to its 导航, or next to its distance once there is one; a real one does not', async () => {
    const real = await stationDirectory()
    const [first, second] = real.stations.filter((station) => !station.closedReason)
    const realStation = { ...second, sample: false, sampleNote: undefined }
    servesDirectory({ ...real, stations: real.stations.map((station) => (station.code === second.code ? realStation : station)) })
    const position = positionLater()
    phoneLocation({ at: standingAt(first), after: position.after })
    renderPage(<StationsOverviewPage />)
    await waitFor(() => expect(cards()).toHaveLength(real.stations.length))
    const cardOf = (name: string) => cards().find((card) => cardName(card) === name)!
    const actions = (card: HTMLElement) => card.querySelector<HTMLElement>('.station-card__actions')!
    expect(within(actions(cardOf(first.name))).getByText('示例位置')).toBeInTheDocument()
    expect(within(cardOf(realStation.name)).queryByText('示例位置')).not.toBeInTheDocument()

    position.arrive()
    await waitFor(() => expect(cardName(cards()[0])).toBe(first.name))
    const meta = cards()[0].querySelector<HTMLElement>('.station-card__meta')!
    expect(within(meta).getByText('示例位置')).toBeInTheDocument()
    expect(within(cards()[0]).getAllByText('示例位置')).toHaveLength(1)
    expect(within(cardOf(realStation.name)).queryByText('示例位置')).not.toBeInTheDocument()
  })

  it('a closed station first by distance is marked closed as plainly as an open one is marked open', async () => {
    const directory = await stationDirectory()
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    const closed = cards().find((card) => cardStatus(card) === 'closed')!
    const open = cards().find((card) => cardStatus(card) === 'open')!
    // Words first (colour is never the only sign), on a state pill of its own.
    expect(closed.querySelector('.open-state')!.textContent).toMatch(/^已关门/)
    expect(closed.querySelector('.open-state')).toHaveClass('open-state--closed')
    expect(open.querySelector('.open-state')!.textContent).toMatch(/^营业中/)
  })

  it('with 210+ stations, shows 20 cards and 20 more each time the worker reaches the bottom', async () => {
    const real = await stationDirectory()
    const many = unionSizedDirectory(real, 45)
    servesDirectory(many)
    renderPage(<StationsOverviewPage />)
    await waitFor(() => expect(cards()).toHaveLength(20))
    expect(screen.getByText('上拉加载更多')).toBeInTheDocument()
    await firePageEvent('onReachBottom')
    await waitFor(() => expect(cards()).toHaveLength(40))
    await firePageEvent('onReachBottom')
    await waitFor(() => expect(cards()).toHaveLength(45))
    expect(screen.getByText('没有更多了')).toBeInTheDocument()
    expect(new Set(cardNames()).size).toBe(45)
    // A filter starts again from the top of the (shorter) list.
    fireEvent.click(screen.getByRole('button', { name: '只看营业中' }))
    await waitFor(() => expect(cards().length).toBeLessThanOrEqual(20))
  })

  it('pulling down to refresh keeps every card the worker had loaded', async () => {
    const many = unionSizedDirectory(await stationDirectory(), 45)
    const served = servesDirectory(many)
    renderPage(<StationsOverviewPage />)
    await waitFor(() => expect(cards()).toHaveLength(20))
    await firePageEvent('onReachBottom')
    await waitFor(() => expect(cards()).toHaveLength(40))
    const before = cardNames()
    const asked = served.asked()
    const stopped = jest.spyOn(Taro, 'stopPullDownRefresh')
    await firePageEvent('onPullDownRefresh')
    // The refreshed list is on screen when the spinner stops.
    await waitFor(() => expect(stopped).toHaveBeenCalled())
    expect(served.asked()).toBe(asked + 1)
    expect(cardNames()).toEqual(before)
  })

  it('when the server fails, says what failed with 重试, which loads the list once it is back', async () => {
    const directory = await stationDirectory()
    serverFailsWith(503)
    renderPage(<StationsOverviewPage />)
    expect(await screen.findByText('服务阵地加载失败')).toBeInTheDocument()
    goOnline()
    fireEvent.click(screen.getByText('重试'))
    await showsAll(directory)
  })

  it('offline after one visit, shows the kept list marked as offline content', async () => {
    const directory = await stationDirectory()
    const first = renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    first.unmount()
    goOffline()
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    expect(screen.getByText(/网络不可用，正在显示离线内容（保存于/)).toBeInTheDocument()
  })
})

describe('服务阵地 map page in a browser', () => {
  it('lists the stations with 导航 links instead of a map', async () => {
    const directory = await stationDirectory()
    renderPage(<StationMapPage />)
    await showsAll(directory)
    expect(within(cards()[0]).getByRole('link', { name: '导航' })).toHaveAttribute('href', expect.stringContaining('uri.amap.com/navigation?'))
  })
})

type WeChatLocationAnswer = { at: LatLng; afterMs?: number } | { errMsg: string }

/**
 * WeChat's location APIs as a phone answers them: getLocation with each answer in turn (a position, after a while,
 * or a failure with WeChat's errMsg), getSetting with the worker's switch for 使用我的位置信息, and openSetting where
 * the worker turns it on.
 */
function wechatLocation(answers: WeChatLocationAnswer[], setting: { userLocation?: boolean }) {
  let asked = 0
  const getLocation = jest.spyOn(Taro, 'getLocation').mockImplementation((() => {
    const answer = answers[Math.min(asked, answers.length - 1)]
    asked++
    if ('errMsg' in answer) return Promise.reject({ errMsg: answer.errMsg })
    return new Promise((resolve) =>
      setTimeout(() => resolve({ ...answer.at, accuracy: 30, errMsg: 'getLocation:ok' }), answer.afterMs ?? 0)
    )
  }) as unknown as typeof Taro.getLocation)
  const authSetting = () => (setting.userLocation === undefined ? {} : { 'scope.userLocation': setting.userLocation })
  const getSetting = jest.spyOn(Taro, 'getSetting').mockImplementation((() =>
    Promise.resolve({ authSetting: authSetting(), errMsg: 'getSetting:ok' })) as unknown as typeof Taro.getSetting)
  const openSetting = jest.spyOn(Taro, 'openSetting').mockImplementation((() => {
    setting.userLocation = true
    return Promise.resolve({ authSetting: authSetting(), errMsg: 'openSetting:ok' })
  }) as unknown as typeof Taro.openSetting)
  return { getLocation, getSetting, openSetting }
}

describe('服务阵地 directory in WeChat', () => {
  const platform = process.env.TARO_ENV
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterEach(() => {
    process.env.TARO_ENV = platform
  })

  it('a worker who taps 允许 only after 8 s (privacy popup, then the permission dialog) still gets the list by distance', async () => {
    const directory = await stationDirectory()
    const target = [...directory.stations].reverse().find((station) => !station.closedReason)!
    wechatLocation([{ at: target, afterMs: 9_500 }], {})
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    // Meanwhile the list is there in its fallback order, and the note says the position is not there yet.
    expect(await screen.findByText(CANNOT_LOCATE_NOTE, undefined, { timeout: 10_000 })).toBeInTheDocument()
    expect(screen.queryByText(NO_LOCATION_NOTE)).not.toBeInTheDocument()
    expectFallbackOrder()
    await waitFor(() => expect(cardName(cards()[0])).toBe(target.name), { timeout: 5_000 })
    expect(screen.getByText('已按离您的距离排列')).toBeInTheDocument()
  }, 25_000)

  it('refused: says so, and 开启定位 opens WeChat’s settings because getSetting says it was refused', async () => {
    const directory = await stationDirectory()
    const target = [...directory.stations].reverse().find((station) => !station.closedReason)!
    const wechat = wechatLocation([{ errMsg: 'getLocation:fail auth deny' }, { at: target }], { userLocation: false })
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    expect(await screen.findByText(NO_LOCATION_NOTE)).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '开启定位' }))
    await waitFor(() => expect(cardName(cards()[0])).toBe(target.name))
    expect(wechat.openSetting).toHaveBeenCalledTimes(1)
    expect(wechat.getLocation).toHaveBeenCalledTimes(2)
  })

  it('refused in the privacy popup (the permission itself never refused): 开启定位 asks again, not through the settings page', async () => {
    const directory = await stationDirectory()
    const target = [...directory.stations].reverse().find((station) => !station.closedReason)!
    const wechat = wechatLocation([{ errMsg: 'getLocation:fail privacy permission is not authorized' }, { at: target }], {})
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    expect(await screen.findByText(NO_LOCATION_NOTE)).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '开启定位' }))
    await waitFor(() => expect(cardName(cards()[0])).toBe(target.name))
    expect(wechat.openSetting).not.toHaveBeenCalled()
    expect(wechat.getLocation).toHaveBeenCalledTimes(2)
  })

  it('allowed but the phone’s location is off: says to turn it on, and 重新定位 asks again', async () => {
    const directory = await stationDirectory()
    const target = [...directory.stations].reverse().find((station) => !station.closedReason)!
    const wechat = wechatLocation([{ errMsg: 'getLocation:fail:ERROR_NOCELL&WIFI_LOCATIONSWITCHOFF' }, { at: target }], { userLocation: true })
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    expect(await screen.findByText(CANNOT_LOCATE_NOTE)).toBeInTheDocument()
    expect(screen.queryByText(NO_LOCATION_NOTE)).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '重新定位' }))
    await waitFor(() => expect(cardName(cards()[0])).toBe(target.name))
    expect(wechat.openSetting).not.toHaveBeenCalled()
  })

  it('on the map, a sample station’s callout says 「（示例）」', async () => {
    const directory = await stationDirectory()
    renderPage(<StationMapPage />)
    const map = await waitFor(() => {
      const element = document.querySelector('#stations-map') as (HTMLElement & { markers?: Array<{ title: string; callout: { content: string } }> }) | null
      expect(element?.markers).toHaveLength(directory.stations.length)
      return element!
    })
    for (const marker of map.markers!) {
      const station = directory.stations.find((candidate) => candidate.name === marker.title)!
      const [title, state] = marker.callout.content.split('\n')
      expect(title).toBe(station.sample ? `${station.name}（示例）` : station.name)
      expect(state).toMatch(/^(营业中|已关门|暂停开放)/)
    }
  })

  it('offers 地图, which opens the map page, and leaves 导航 to the station page', async () => {
    wechatLocation([{ errMsg: 'getLocation:fail auth deny' }], { userLocation: false })
    const { navigateTo } = spyNavigation()
    const directory = await stationDirectory()
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    expect(screen.queryByRole('link', { name: '导航' })).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('地图'))
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.stationMap() }))
  })
})

/** The seeded stations repeated, each copy with its own code and name, as many as a union-sized directory has. */
function unionSizedDirectory(real: StationDirectory, count: number): StationDirectory {
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
function servesDirectory(directory: StationDirectory): { asked: () => number } {
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
