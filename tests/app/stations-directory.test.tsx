/**
 * 服务阵地 directory, against the real API and its seeded sample stations: the order with and without the worker's
 * position (as the phone's browser reports it), the filters, opening a station, 导航 links on H5, 20 cards at a time,
 * and the loading, error and offline states. Expectations come from the API's records, not from copies of them.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import StationsOverviewPage from '../../src/packages/stations/overview/index'
import StationMapPage from '../../src/packages/stations/map/index'
import { amapMarkerUrl, distanceMeters, wgs84ToGcj02 } from '../../src/domain/station-geo'
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
import { noPhoneLocation, phoneLocation, standingAt, stationDirectory } from './stations-helpers'

const NO_LOCATION_NOTE = '未获得位置权限，已按开放状态和所在镇街排列'
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

function chip(group: '类型' | '设施', label: string): HTMLElement {
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

  it('when no position comes within 8 s (weak network, indoors), keeps the list and says why it is not by distance', async () => {
    const directory = await stationDirectory()
    phoneLocation({ never: true })
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    expect(await screen.findByText(NO_LOCATION_NOTE, undefined, { timeout: 10_000 })).toBeInTheDocument()
    expectFallbackOrder()
  }, 15_000)

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

  it('on H5 every card has 导航, a link the browser opens to the station’s position on 高德; there is no 地图 button', async () => {
    const directory = await stationDirectory()
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)
    for (const card of cards()) {
      const station = directory.stations.find((candidate) => candidate.name === cardName(card))!
      const link = within(card).getByRole('link', { name: '导航' })
      expect(link).toHaveAttribute('href', amapMarkerUrl(station))
      expect(link.getAttribute('href')).toContain(`position=${station.longitude},${station.latitude}`)
    }
    expect(screen.queryByText('地图')).not.toBeInTheDocument()
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
    expect(within(cards()[0]).getByRole('link', { name: '导航' })).toHaveAttribute('href', expect.stringContaining('uri.amap.com/marker'))
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

  it('offers 地图, which opens the map page, and leaves 导航 to the station page', async () => {
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

/** The API answering /api/stations with this directory (everything else goes to the real server). */
function servesDirectory(directory: StationDirectory): void {
  const real = window.fetch
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (/\/api\/stations(\?|$)/.test(url)) {
      return Promise.resolve(new Response(JSON.stringify(directory), { status: 200, headers: { 'Content-Type': 'application/json' } }))
    }
    return real(input, init)
  }
}
