/**
 * 服务阵地 directory and the worker's position, against the real API and its seeded sample stations: the order with
 * and without it (as the phone's browser and WeChat report it), a position that comes late, refused or not to be
 * had, and the map in WeChat.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import StationsOverviewPage from '@/packages/stations/overview/index'
import StationMapPage from '@/packages/stations/map/index'
import { distanceMeters, wgs84ToGcj02 } from '@/domain/station-geo'
import { routes } from '@/routes'
import { spyNavigation } from './page-helpers'
import { firePageEvent, renderPage } from './support/render-page'
import { noPhoneLocation, phoneLocation, positionLater, scrollPageTo, standingAt, stationDirectory } from './stations-helpers'
import {
  BROWSER_BLOCKED_NOTE,
  CANNOT_LOCATE_NOTE,
  NO_LOCATION_NOTE,
  RESORT_BAR,
  cardDistance,
  cardName,
  cardNames,
  cardStatus,
  cards,
  expectFallbackOrder,
  servesDirectory,
  showsAll,
  unionSizedDirectory,
  wechatLocation
} from './stations-directory-helpers'

beforeEach(() => noPhoneLocation())

describe('服务阵地 directory and the worker’s position', () => {
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
})

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
