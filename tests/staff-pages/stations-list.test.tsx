/**
 * 服务阵地管理 against the real API, as an editor uses it: every station with its state and scans, the way into the
 * editor and the settings, the address the posters' QR codes carry, and all posters in one PDF. A 经办 gets neither
 * the tile nor the page.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import StaffHomePage from '../../src/packages/staff/home/index'
import StaffStationListPage from '../../src/packages/staff/station-list/index'
import type { StaffStationSummary } from '../../src/domain/station-input'
import { STATION_TYPE_LABELS } from '../../src/domain/stations'
import { routes } from '../../src/routes'
import { spyNavigation } from '../app/page-helpers'
import { serverFailsWith } from '../app/support/network'
import { renderPage } from '../app/support/render-page'
import { logInAs, otherSession } from './support/staff'
import { blobText, browserScan, captureDownloads, createdStation, postScan } from './support/stations'

const rowOf = (name: string) => screen.getByRole('link', { name })

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

    await screen.findByText(scanned.name)
    // Other suites add stations to the shared server meanwhile: every one there was is listed, and the count is the rows'.
    for (const station of all) expect(rowOf(station.name)).toBeInTheDocument()
    const rows = screen.getAllByRole('link')
    expect(screen.getByText(`共 ${rows.length} 个站点`)).toBeInTheDocument()
    // The seeded stations are sample data until staff replace them.
    expect(all.filter((station) => station.sample).length).toBeGreaterThan(0)
    for (const station of all.filter((item) => item.sample)) expect(within(rowOf(station.name)).getByText('示例')).toBeInTheDocument()

    const open = rowOf(scanned.name)
    expect(within(open).getByText('开放中')).toBeInTheDocument()
    expect(within(open).getByText(STATION_TYPE_LABELS['workers-home'])).toBeInTheDocument()
    expect(within(open).getByText('溪翁庄镇')).toBeInTheDocument()
    expect(within(open).queryByText('示例')).not.toBeInTheDocument()
    expect(within(open).getByText(`编号 ${scanned.code} · 近 30 天扫码 3 次`)).toBeInTheDocument()

    const paused = rowOf(closed.name)
    expect(within(paused).getByText('暂停开放')).toBeInTheDocument()
    expect(within(paused).getByText('暂停原因：内部装修')).toBeInTheDocument()
    expect(within(paused).getByText('示例')).toBeInTheDocument()

    fireEvent.click(open)
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.staffStationEdit(scanned.id) }))
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
