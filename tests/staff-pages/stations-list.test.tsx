/**
 * 服务阵地管理 against the real API, as an editor uses it: every station with its state and scans, the way into the
 * editor and the settings, the address the posters' QR codes carry, and all posters in one PDF. A 经办 gets neither
 * the tile nor the page.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import StaffHomePage from '@/packages/staff/home/index'
import StaffStationListPage from '@/packages/staff/station-list/index'
import type { StaffStationSummary } from '@/domain/station-input'
import { STATION_TYPE_LABELS } from '@/domain/stations'
import { routes } from '@/routes'
import { spyNavigation } from '../app/page-helpers'
import { serverFailsWith } from '../app/support/network'
import { firePageEvent, renderPage } from '../app/support/render-page'
import { logInAs, otherSession } from './support/staff'
import { POSTER_TIMEOUT_MS } from '@/packages/staff/station-list/posters'
import {
  blobText,
  browserScan,
  captureDownloads,
  createdStation,
  posterBodyFails,
  postScan,
  stationInput,
  uniqueStationName,
  withTimeoutsOnJestClock
} from './support/stations'

const rows = () => screen.queryAllByRole('link')
const rowNames = () => rows().map((row) => row.getAttribute('aria-label'))

function searchFor(text: string) {
  fireEvent.input(screen.getByPlaceholderText(/搜索站点/), { target: { value: text } })
}

/** At least `count` stations on the shared server (a district has 210+; the seed only a few). */
async function enoughStations(count: number) {
  const wang = await otherSession('editor')
  const have = (await wang.request<StaffStationSummary[]>('GET', '/api/staff/stations')).length
  for (let made = have; made < count; made += 1) await wang.request('POST', '/api/staff/stations', stationInput(uniqueStationName('分页站点')))
}

describe('服务阵地管理', () => {
  it('lists every station with its type, town, 示例 mark, open state and scans of the last 30 days, and opens one', async () => {
    const closed = await createdStation('暂停的站点')
    const wang = await otherSession('editor')
    await wang.request('POST', `/api/staff/stations/${closed.id}/close`, { reason: '内部装修', version: closed.version })
    const scanned = await createdStation('有扫码的站点', { sample: false, sampleNote: undefined, type: 'workers-home', town: '溪翁庄镇' })
    await postScan(scanned.code, 'wxacode')
    await postScan(scanned.code, 'wechat-link')
    await browserScan(scanned.code)
    const all = await wang.request<StaffStationSummary[]>('GET', '/api/staff/stations')

    await logInAs('editor')
    const { navigateTo } = spyNavigation()
    renderPage(<StaffStationListPage />)

    // Other suites add stations to the shared server meanwhile: the page counts what it loaded, at least all there was.
    const countLine = await screen.findByText(/^共 \d+ 个站点$/)
    expect(Number(/\d+/.exec(countLine.textContent!)![0])).toBeGreaterThanOrEqual(all.length)
    // The seeded stations are sample data until staff replace them; every row shown is marked when it is one.
    expect(all.filter((station) => station.sample).length).toBeGreaterThan(0)
    expect(rows().length).toBeGreaterThan(0)
    for (const row of rows()) {
      const station = all.find((candidate) => candidate.id === row.getAttribute('data-station-id'))
      if (station) expect(within(row).queryByText('示例') !== null).toBe(station.sample)
    }

    searchFor(scanned.name)
    const open = await screen.findByRole('link', { name: scanned.name })
    expect(rows()).toHaveLength(1)
    expect(within(open).getByText('开放中')).toBeInTheDocument()
    expect(within(open).getByText(STATION_TYPE_LABELS['workers-home'])).toBeInTheDocument()
    expect(within(open).getByText('溪翁庄镇')).toBeInTheDocument()
    expect(within(open).queryByText('示例')).not.toBeInTheDocument()
    expect(within(open).getByText(`编号 ${scanned.code} · 近 30 天扫码 3 次`)).toBeInTheDocument()

    searchFor(closed.name)
    const paused = await screen.findByRole('link', { name: closed.name })
    expect(within(paused).getByText('暂停开放')).toBeInTheDocument()
    expect(within(paused).getByText('暂停原因：内部装修')).toBeInTheDocument()
    expect(within(paused).getByText('示例')).toBeInTheDocument()

    searchFor(scanned.name)
    fireEvent.click(await screen.findByRole('link', { name: scanned.name }))
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.staffStationEdit(scanned.id) }))
  })

  it('with 210+ stations, shows 20 and 20 more as the editor reaches the bottom, and keeps them when back from the editor', async () => {
    await enoughStations(45)
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffStationListPage />)

    const countLine = await screen.findByText(/^共 \d+ 个站点$/)
    const total = Number(/\d+/.exec(countLine.textContent!)![0])
    expect(total).toBeGreaterThanOrEqual(45)
    expect(rows()).toHaveLength(20)
    expect(screen.getByText(`显示更多（已显示 20 个，共 ${total} 个）`)).toBeInTheDocument()
    await firePageEvent('onReachBottom')
    await waitFor(() => expect(rows()).toHaveLength(40))
    // Back from a station's editor (the first onShow is the page opening) the list is loaded again, a colleague's
    // new station with it, and the staffer is not sent back to the first 20.
    await createdStation('分页站点')
    await firePageEvent('onShow')
    await firePageEvent('onShow')
    expect(await screen.findByText(`共 ${total + 1} 个站点`)).toBeInTheDocument()
    expect(rows()).toHaveLength(40)
    // The button is for a list too short to scroll, where reaching the bottom never comes.
    while (screen.queryByText(/^显示更多/)) fireEvent.click(screen.getByText(/^显示更多/))
    const shown = rows().length
    expect(screen.getByText(`已显示全部 ${shown} 个站点`)).toBeInTheDocument()
    expect(screen.getByText(`共 ${shown} 个站点`)).toBeInTheDocument()
    expect(new Set(rows().map((row) => row.getAttribute('data-station-id'))).size).toBe(shown)
  })

  it('finds stations by name, code (in any case) or town, several words together, and says so when none matches', async () => {
    const target = await createdStation('搜索目标', { town: '不老屯镇' })
    const neighbour = await createdStation('同镇站点', { town: '不老屯镇' })
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffStationListPage />)
    const countLine = await screen.findByText(/^共 \d+ 个站点$/)
    const total = Number(/\d+/.exec(countLine.textContent!)![0])

    searchFor(target.code.toLowerCase())
    await waitFor(() => expect(rowNames()).toEqual([target.name]))
    expect(screen.getByText(`找到 1 个站点（共 ${total} 个）`)).toBeInTheDocument()

    searchFor('不老屯镇')
    await waitFor(() => expect(rowNames()).toEqual(expect.arrayContaining([target.name, neighbour.name])))
    for (const row of rows()) expect(within(row).getByText('不老屯镇')).toBeInTheDocument()

    // A town and part of a name: both must be found.
    searchFor(`不老屯镇　${neighbour.name.slice(0, 6)}`)
    await waitFor(() => expect(rowNames()).toContain(neighbour.name))
    expect(rowNames()).not.toContain(target.name)

    searchFor('没有这样的站点')
    expect(await screen.findByText('没有名称、编号或镇街含「没有这样的站点」的站点')).toBeInTheDocument()
    expect(rows()).toHaveLength(0)
    fireEvent.click(screen.getByText('清除搜索'))
    await waitFor(() => expect(rows()).toHaveLength(Math.min(total, 20)))
    expect(screen.getByPlaceholderText(/搜索站点/)).toHaveValue('')
    expect(screen.getByText(`共 ${total} 个站点`)).toBeInTheDocument()
  })

  it('新建站点 opens an empty editor and 站点设置 the holiday and 夏送清凉 settings', async () => {
    await logInAs('editor')
    const { navigateTo } = spyNavigation()
    renderPage(<StaffStationListPage />)

    fireEvent.click(await screen.findByText('新建站点'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.staffStationEdit() }))
    fireEvent.click(screen.getByText('站点设置（节假日、夏送清凉）'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.staffStationSettings() }))
  })

  it('shows the address the QR codes carry, warns that a local one will not open on phones, and offers no 小程序码 without WeChat credentials', async () => {
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffStationListPage />)

    // No PUBLIC_URL on the test server: the posters use the address the staffer's request came to.
    expect(await screen.findByText(`二维码地址：${window.location.origin}/s/站点编号`)).toBeInTheDocument()
    expect(screen.getByText(/这是本机或内网地址，职工手机扫码打不开/)).toBeInTheDocument()
    expect(screen.getByText('打印全部海报（二维码）')).toBeInTheDocument()
    expect(screen.queryByText('打印全部海报（小程序码）')).not.toBeInTheDocument()
    expect(screen.getByText(/小程序码海报需服务器配置小程序 AppID 和密钥后才能生成/)).toBeInTheDocument()
  })

  it('打印全部海报 saves one PDF of every open station', async () => {
    await logInAs('editor')
    spyNavigation()
    const downloads = captureDownloads()
    renderPage(<StaffStationListPage />)

    fireEvent.click(await screen.findByText('打印全部海报（二维码）'))
    expect(await screen.findByText('海报已下载：服务站点海报-全部站点.pdf', undefined, { timeout: 15000 })).toBeInTheDocument()
    expect(downloads.files).toHaveLength(1)
    expect(downloads.files[0].name).toBe('服务站点海报-全部站点.pdf')
    expect(downloads.files[0].blob.type).toBe('application/pdf')
    expect((await blobText(downloads.files[0].blob)).startsWith('%PDF-')).toBe(true)
  })

  it('a poster the server cannot make shows the server’s reason', async () => {
    await logInAs('editor')
    spyNavigation()
    const downloads = captureDownloads()
    renderPage(<StaffStationListPage />)
    const print = await screen.findByText('打印全部海报（二维码）')

    serverFailsWith(503)
    fireEvent.click(print)
    expect(await screen.findByText('海报未生成：服务器开小差了，请稍后重试')).toBeInTheDocument()
    expect(downloads.files).toEqual([])
  })

  it('a poster whose download breaks off says so in Chinese, and the buttons work again', async () => {
    await logInAs('editor')
    spyNavigation()
    const downloads = captureDownloads()
    renderPage(<StaffStationListPage />)
    const print = await screen.findByText('打印全部海报（二维码）')

    posterBodyFails('breaks-off')
    fireEvent.click(print)
    expect(await screen.findByText('海报未生成：网络连接失败，海报未下载，请检查网络后重试')).toBeInTheDocument()
    expect(screen.queryByText(/Failed to fetch/)).not.toBeInTheDocument()
    expect(print).not.toHaveAttribute('disabled')
    expect(downloads.files).toEqual([])
  })

  it('a poster whose body never arrives gives up when the time is up, instead of 「正在生成海报」 for ever', async () => {
    await logInAs('editor')
    spyNavigation()
    const downloads = captureDownloads()
    renderPage(<StaffStationListPage />)
    const print = await screen.findByText('打印全部海报（二维码）')

    posterBodyFails('stalls')
    await withTimeoutsOnJestClock(async () => {
      fireEvent.click(print)
      expect(screen.getByText('正在生成海报，请稍候…')).toBeInTheDocument()
      expect(print).toHaveAttribute('disabled')
      // The headers are in; the body is still awaited a moment before the deadline…
      await act(async () => {
        jest.advanceTimersByTime(POSTER_TIMEOUT_MS - 1000)
      })
      expect(screen.getByText('正在生成海报，请稍候…')).toBeInTheDocument()
      // …and not after it.
      await act(async () => {
        jest.advanceTimersByTime(1000)
      })
    })
    expect(await screen.findByText('海报未生成：海报生成超时，请稍后重试')).toBeInTheDocument()
    expect(print).not.toHaveAttribute('disabled')
    expect(downloads.files).toEqual([])
  })

  it('the 工作台 shows 服务阵地 to an editor, and not to a 经办, who cannot open the page either', async () => {
    await logInAs('editor')
    const { navigateTo } = spyNavigation()
    const home = renderPage(<StaffHomePage />)
    fireEvent.click(screen.getByText('服务阵地'))
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.staffStations() }))
    home.unmount()

    await logInAs('handler')
    const handlerHome = renderPage(<StaffHomePage />)
    expect(screen.getByText('修改密码')).toBeInTheDocument()
    expect(screen.queryByText('服务阵地')).not.toBeInTheDocument()
    handlerHome.unmount()

    renderPage(<StaffStationListPage />)
    expect(screen.getByText('没有权限：此页面需要编辑角色')).toBeInTheDocument()
    expect(screen.queryByText('新建站点')).not.toBeInTheDocument()
  })
})
