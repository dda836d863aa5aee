/**
 * 服务阵地 directory, against the real API and its seeded sample stations: what each card says, the filters, opening
 * a station, 导航 links on H5, 20 cards at a time, and the loading, error and offline states. Expectations come from
 * the API's records, not from copies of them. The order by the worker's position is in stations-location.test.tsx.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import StationsOverviewPage from '@/packages/stations/overview/index'
import StationMapPage from '@/packages/stations/map/index'
import { amapNavigationUrl } from '@/domain/station-geo'
import { AMENITIES, AMENITY_LABELS, STATION_TYPES, STATION_TYPE_LABELS } from '@/domain/stations'
import { routes } from '@/routes'
import { spyNavigation } from './page-helpers'
import { firePageEvent, renderPage } from './support/render-page'
import { goOffline, goOnline, serverFailsWith } from './support/network'
import { noPhoneLocation, stationDirectory } from './stations-helpers'
import { amenitiesToggle, cardName, cardNames, cardStatus, cards, chip, servesDirectory, showsAll, unionSizedDirectory } from './stations-directory-helpers'

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

  it('filters by type, by several amenities at once, and to what is open now; an empty result offers 清除筛选', async () => {
    const directory = await stationDirectory()
    renderPage(<StationsOverviewPage />)
    await showsAll(directory)

    const type = STATION_TYPES.find((candidate) => directory.stations.filter((station) => station.type === candidate).length >= 2)!
    fireEvent.click(chip('类型', STATION_TYPE_LABELS[type]))
    await waitFor(() =>
      expect(cardNames().sort()).toEqual(
        directory.stations
          .filter((station) => station.type === type)
          .map((s) => s.name)
          .sort()
      )
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
    expect(await screen.findByText(/网络不可用，正在显示离线内容（保存于/)).toBeInTheDocument()
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
