/**
 * A station's page, against the real API: opened by a link (`code`), by a 小程序码 (`scene`) and by a URL QR opened in
 * WeChat (`q`), each QR opening counting one scan — once, also when WeChat brings the page back with a new entry; what
 * the page says (hours with today, open now, 夏送清凉 in season, a closed station); and the friendly page for a code
 * that leads nowhere, which is not the error a network failure gives.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import StationPageView from '@/packages/stations/station/index'
import { amapNavigationUrl } from '@/domain/station-geo'
import { STATION_PAGE_PATH, STATION_TYPE_LABELS, AMENITY_LABELS, type Station, type StationPage } from '@/domain/stations'
import { routes } from '@/routes'
import { TEST_NOW } from '../support/clock'
import { spyNavigation, spyPhoneCall } from './page-helpers'
import { firePageEvent, renderPage } from './support/render-page'
import { goOffline, goOnline } from './support/network'
import { recordApiCalls, scansSent, stationDirectory, stationPage } from './stations-helpers'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
/** The weekday of the pinned clock in Beijing (a Tuesday). */
const TODAY = WEEKDAYS[new Date(TEST_NOW.getTime() + 8 * 3600_000).getUTCDay()]

async function stationWhere(predicate: (station: Station) => boolean): Promise<Station> {
  const directory = await stationDirectory()
  for (const summary of directory.stations) {
    const { station } = await stationPage(summary.code)
    if (predicate(station)) return station
  }
  throw new Error('the seed has no such station')
}

const isWholeDay = (station: Station) => station.hours.week.every((day) => day.length === 1 && day[0].open === '00:00' && day[0].close === '24:00')
const runsPastMidnight = (station: Station) => station.hours.week[0].some((interval) => interval.close < interval.open)

/** What a 小程序码's scene can look like when it arrives: some clients percent-encode every character. */
function percentEncoded(text: string): string {
  return Array.from(text, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`).join('')
}

/** The API answering /api/stations/<code> with the real page changed by `change` (everything else goes through). */
function servesStationPage(code: string, change: (page: StationPage) => StationPage): void {
  const real = window.fetch
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const response = await real(input, init)
    if (!new RegExp(`/api/stations/${code}(\\?|$)`).test(url) || response.status !== 200) return response
    const page = change((await response.json()) as StationPage)
    return new Response(JSON.stringify(page), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }
}

async function showsStation(station: Station): Promise<void> {
  expect(await screen.findByText(station.address)).toBeInTheDocument()
  expect(screen.getByText(station.name)).toHaveClass('station-page__name')
}

afterEach(() => {
  jest.setSystemTime(TEST_NOW)
})

describe('服务站点 page', () => {
  it('opened by a link: name, type, 示例 and its note, address with 导航, hours with today, amenities, phone and description', async () => {
    const call = spyPhoneCall()
    const directory = await stationDirectory()
    const { station } = await stationPage(directory.stations[0].code)
    const sent = recordApiCalls()
    renderPage(<StationPageView />, { code: station.code })
    await showsStation(station)

    expect(screen.getByText(STATION_TYPE_LABELS[station.type])).toBeInTheDocument()
    expect(screen.getAllByText('示例').length).toBeGreaterThan(0)
    expect(screen.getByText(`示例说明：${station.sampleNote}`)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '导航' })).toHaveAttribute('href', amapNavigationUrl(station))
    // Its coordinates are made up, and so is where 导航 leads: said right there.
    expect(within(document.querySelector<HTMLElement>('.station-page__address-row')!).getByText('示例位置')).toBeInTheDocument()
    for (const amenity of station.amenities) expect(screen.getByText(AMENITY_LABELS[amenity])).toBeInTheDocument()
    if (station.description) expect(screen.getByText(station.description)).toBeInTheDocument()
    if (station.hours.note) expect(screen.getByText(station.hours.note)).toBeInTheDocument()

    const rows = Array.from(document.querySelectorAll<HTMLElement>('.hours__row'))
    expect(rows.map((row) => row.querySelector('.hours__day')?.textContent?.replace('（今天）', ''))).toEqual([
      '周一',
      '周二',
      '周三',
      '周四',
      '周五',
      '周六',
      '周日',
      '法定节假日'
    ])
    const today = rows.filter((row) => row.getAttribute('aria-current') === 'date')
    expect(today).toHaveLength(1)
    expect(today[0]).toHaveClass('hours__row--today')
    expect(today[0].querySelector('.hours__day')).toHaveTextContent(`${TODAY}（今天）`)

    fireEvent.click(screen.getByText('拨打'))
    expect(call).toHaveBeenCalledWith({ phoneNumber: station.phone })

    // An internal link is not a scan.
    expect(scansSent(sent)).toHaveLength(0)
  })

  it('a station open all day says so; one open past midnight is closed at 10:00 and open at 01:00 the next night', async () => {
    const allDay = await stationWhere(isWholeDay)
    const first = renderPage(<StationPageView />, { code: allDay.code })
    await showsStation(allDay)
    expect(document.querySelector('.station-page__today .open-state')).toHaveTextContent('营业中 · 全天开放')
    first.unmount()

    const night = await stationWhere((station) => runsPastMidnight(station) && !station.closedReason)
    const opensAt = night.hours.week[0][0].open
    const closesAt = night.hours.week[0][0].close
    const second = renderPage(<StationPageView />, { code: night.code })
    await showsStation(night)
    expect(document.querySelector('.station-page__today .open-state')).toHaveTextContent(`已关门 · 今天 ${opensAt} 开门`)
    expect(document.querySelector('.hours__row--today .hours__time')).toHaveTextContent(`${opensAt}–次日${closesAt}`)
    second.unmount()

    // 01:00 on the same Tuesday: Monday evening's opening is still running.
    jest.setSystemTime(new Date('2026-11-24T01:00:00+08:00'))
    renderPage(<StationPageView />, { code: night.code })
    await showsStation(night)
    expect(document.querySelector('.station-page__today .open-state')).toHaveTextContent(`营业中 · ${closesAt} 关门`)
  })

  it('on a 调休 workday (a Saturday working as Monday) the hours table marks Monday’s row 「周一（今天调休）」', async () => {
    const directory = await stationDirectory()
    const { station } = await stationPage(directory.stations[0].code)
    servesStationPage(station.code, (page) => ({
      ...page,
      holidays: [...page.holidays, { date: '2026-11-28', kind: 'workday', name: '调休上班' }]
    }))
    jest.setSystemTime(new Date('2026-11-28T10:00:00+08:00'))
    renderPage(<StationPageView />, { code: station.code })
    await showsStation(station)
    const today = document.querySelector('.hours__row--today .hours__day')
    expect(today).toHaveTextContent('周一（今天调休）')
    expect(screen.getByText('今天调休上班（按周一时间开放）')).toBeInTheDocument()
    expect(screen.queryByText(/周六（今天/)).not.toBeInTheDocument()
  })

  it('a station that is not sample data has no 「示例位置」 by its 导航', async () => {
    const directory = await stationDirectory()
    const { station } = await stationPage(directory.stations[0].code)
    servesStationPage(station.code, (page) => ({ ...page, station: { ...page.station, sample: false, sampleNote: undefined } }))
    renderPage(<StationPageView />, { code: station.code })
    await showsStation(station)
    expect(screen.getByRole('link', { name: '导航' })).toBeInTheDocument()
    expect(screen.queryByText('示例位置')).not.toBeInTheDocument()
  })

  it('a station closed by staff shows 暂停开放 and the reason before anything else', async () => {
    const closed = await stationWhere((station) => Boolean(station.closedReason))
    renderPage(<StationPageView />, { code: closed.code })
    await showsStation(closed)
    const banner = screen.getByRole('alert')
    expect(banner).toHaveTextContent('暂停开放')
    expect(banner).toHaveTextContent(closed.closedReason!)
    expect(document.querySelector('.station-page__today .open-state')).toHaveTextContent(`暂停开放：${closed.closedReason}`)
  })

  it('夏送清凉 is not shown in November; inside the campaign it shows the station’s offer, the dates and 「示例」', async () => {
    const directory = await stationDirectory()
    const campaign = directory.summerCampaign!
    expect(campaign).toBeTruthy()
    const station = await stationWhere((candidate) => Boolean(candidate.summerOffer))
    const november = renderPage(<StationPageView />, { code: station.code })
    await showsStation(station)
    expect(screen.queryByText('夏送清凉')).not.toBeInTheDocument()
    expect(screen.queryByText(station.summerOffer!)).not.toBeInTheDocument()
    november.unmount()

    jest.setSystemTime(new Date(`${campaign.startsOn}T10:00:00+08:00`))
    renderPage(<StationPageView />, { code: station.code })
    await showsStation(station)
    const card = screen.getByLabelText('夏送清凉')
    expect(within(card).getByText(station.summerOffer!)).toBeInTheDocument()
    const [startYear, startMonth, startDay] = campaign.startsOn.split('-').map(Number)
    const [, endMonth, endDay] = campaign.endsOn.split('-').map(Number)
    expect(card).toHaveTextContent(`活动时间：${startYear}年${startMonth}月${startDay}日至${endMonth}月${endDay}日`)
    if (campaign.sample) expect(within(card).getByText('示例')).toBeInTheDocument()
  })

  it('shares the same station by its code', async () => {
    const directory = await stationDirectory()
    const code = directory.stations[1].code
    renderPage(<StationPageView />, { scene: code })
    await screen.findByText(directory.stations[1].address)
    const [share] = (await firePageEvent('onShareAppMessage')) as Array<{ title: string; path: string }>
    expect(share.path).toBe(routes.station(code))
    expect(share.title).toContain(directory.stations[1].name)
  })
})

describe('opening a station from its QR code', () => {
  it('a 小程序码 (scene) opens the station and counts one wxacode scan; an encoded scene opens it too', async () => {
    const directory = await stationDirectory()
    const station = directory.stations[2]
    const sent = recordApiCalls()
    const first = renderPage(<StationPageView />, { scene: station.code })
    await screen.findByText(station.address)
    await waitFor(() => expect(scansSent(sent)).toHaveLength(1))
    expect(scansSent(sent)[0]).toMatchObject({
      url: expect.stringContaining(`/api/stations/${station.code}/scans`),
      body: JSON.stringify({ channel: 'wxacode' }),
      status: 204
    })
    first.unmount()

    renderPage(<StationPageView />, { scene: percentEncoded(station.code) })
    await screen.findByText(station.address)
    await waitFor(() => expect(scansSent(sent)).toHaveLength(2))
    expect(scansSent(sent)[1].url).toContain(`/api/stations/${station.code}/scans`)
  })

  it('nothing decodes the scene twice: a twice-encoded scene is 「未找到」 and asks the server nothing', async () => {
    const directory = await stationDirectory()
    const sent = recordApiCalls()
    renderPage(<StationPageView />, { scene: encodeURIComponent(percentEncoded(directory.stations[2].code)) })
    expect(await screen.findByText('未找到该服务站点')).toBeInTheDocument()
    expect(sent.filter((request) => request.url.includes('/api/stations'))).toHaveLength(0)
  })

  it('a URL QR opened in WeChat (q) opens the station and counts one wechat-link scan', async () => {
    const directory = await stationDirectory()
    const station = directory.stations[3]
    const sent = recordApiCalls()
    renderPage(<StationPageView />, { q: encodeURIComponent(`https://union.example.cn/s/${station.code}`) })
    await screen.findByText(station.address)
    await waitFor(() => expect(scansSent(sent)).toHaveLength(1))
    expect(scansSent(sent)[0]).toMatchObject({ body: JSON.stringify({ channel: 'wechat-link' }), status: 204 })
  })

  it('counts a scan once per opening: showing the page again (back from 导航, from the background) counts nothing', async () => {
    const directory = await stationDirectory()
    const station = directory.stations[4]
    const sent = recordApiCalls()
    renderPage(<StationPageView />, { scene: station.code })
    await screen.findByText(station.address)
    await waitFor(() => expect(scansSent(sent)).toHaveLength(1))
    await firePageEvent('onShow')
    // Leaves for the dialer and comes back.
    spyPhoneCall()
    fireEvent.click(screen.getByText('拨打'))
    await firePageEvent('onShow')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(scansSent(sent)).toHaveLength(1)
  })

  it('when WeChat brings the open page back with a new 小程序码, shows the new station and counts it once', async () => {
    const directory = await stationDirectory()
    const [before, after] = [directory.stations[5], directory.stations[6]]
    const sent = recordApiCalls()
    const open = renderPage(<StationPageView />, { scene: before.code })
    await screen.findByText(before.address)
    await waitFor(() => expect(scansSent(sent)).toHaveLength(1))

    const enter = jest.spyOn(Taro, 'getEnterOptionsSync').mockReturnValue({
      path: STATION_PAGE_PATH,
      scene: 1047,
      query: { scene: after.code },
      referrerInfo: {},
      apiCategory: 'default'
    } as unknown as ReturnType<typeof Taro.getEnterOptionsSync>)
    await firePageEvent('onShow')
    await screen.findByText(after.address)
    expect(screen.queryByText(before.address)).not.toBeInTheDocument()
    await waitFor(() => expect(scansSent(sent)).toHaveLength(2))
    expect(scansSent(sent)[1].url).toContain(`/api/stations/${after.code}/scans`)

    // The same entry seen again (the worker comes back to the page): not a new scan.
    await firePageEvent('onShow')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(scansSent(sent)).toHaveLength(2)

    // Should WeChat then also reLaunch onto the page for that same entry, the new page does not count it again.
    open.unmount()
    renderPage(<StationPageView />, { scene: after.code })
    await screen.findByText(after.address)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(scansSent(sent)).toHaveLength(2)
    expect(enter).toHaveBeenCalled()
  })
})

describe('a code that leads nowhere', () => {
  it('an unknown code: 「未找到该服务站点」, why, and a button that replaces the page with the directory', async () => {
    const { redirectTo } = spyNavigation()
    const directory = await stationDirectory()
    const unknown = ['ZZZZZZ', 'YYYYYY', 'XXXXXX'].find((code) => !directory.stations.some((station) => station.code === code))!
    const sent = recordApiCalls()
    renderPage(<StationPageView />, { scene: unknown })
    expect(await screen.findByText('未找到该服务站点')).toBeInTheDocument()
    expect(screen.getByText('二维码可能已失效，或站点已调整')).toBeInTheDocument()
    expect(screen.queryByText('重试')).not.toBeInTheDocument()
    expect(sent.some((request) => request.method === 'GET' && request.status === 404)).toBe(true)
    fireEvent.click(screen.getByText('查看全部服务站点'))
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: routes.stations() }))
  })

  it.each([
    ['too long', { code: 'K7M2QXK7M2QX' }],
    ['markup', { code: '<b>站</b>' }],
    ['a letter that is never printed', { scene: 'K7M2Q0' }],
    ['a QR link to another site path', { q: encodeURIComponent('https://union.example.cn/news/K7M2QX') }]
  ])('a malformed entry (%s) is 「未找到」 at once, without asking the server', async (_, params) => {
    const sent = recordApiCalls()
    renderPage(<StationPageView />, params)
    expect(await screen.findByText('未找到该服务站点')).toBeInTheDocument()
    expect(screen.getByText('查看全部服务站点')).toBeInTheDocument()
    expect(sent).toHaveLength(0)
  })

  it('a network failure is not 「未找到」: it is the usual error with 重试, which then shows the station', async () => {
    const directory = await stationDirectory()
    const station = directory.stations[0]
    goOffline()
    renderPage(<StationPageView />, { code: station.code })
    expect(await screen.findByText('服务站点加载失败')).toBeInTheDocument()
    expect(screen.queryByText('未找到该服务站点')).not.toBeInTheDocument()
    goOnline()
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText(station.address)
  })
})

describe('服务站点 page in WeChat', () => {
  const platform = process.env.TARO_ENV
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })
  afterEach(() => {
    process.env.TARO_ENV = platform
  })

  it('导航 opens WeChat’s map at the stored GCJ-02 position, named and addressed', async () => {
    const openLocation = jest.spyOn(Taro, 'openLocation').mockResolvedValue({ errMsg: 'openLocation:ok' })
    const directory = await stationDirectory()
    const { station } = await stationPage(directory.stations[0].code)
    renderPage(<StationPageView />, { code: station.code })
    await showsStation(station)
    expect(screen.queryByRole('link', { name: '导航' })).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('导航'))
    expect(openLocation).toHaveBeenCalledWith({
      latitude: station.latitude,
      longitude: station.longitude,
      name: station.name,
      address: station.address,
      scale: 16
    })
  })
})
