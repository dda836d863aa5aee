/**
 * The station editor against the real API, as an editor uses it: opening hours past midnight and amenities that
 * workers then read, a mistyped coordinate named under its field and kept as typed, a new station getting its code,
 * 暂停开放 / 恢复开放, the scan counts, this station's poster, and keeping what was typed when a colleague saved
 * first or the network failed. Each test works on a station of its own (other suites share the server).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import StaffStationEditPage from '@/packages/staff/station-edit/index'
import { formatIntervals } from '@/domain/station-hours'
import type { StaffStation } from '@/domain/station-input'
import { STATION_CODE_PATTERN } from '@/domain/stations'
import { spyNavigation } from '../app/page-helpers'
import { goOffline, goOnline, recordRequests } from '../app/support/network'
import { renderPage } from '../app/support/render-page'
import { STAFF_ACCOUNTS } from './support/accounts'
import { control, draftWritten, errorUnder, field, pick, quietPickerWarnings, tap, typeInto, valueOf } from './support/editor'
import { logInAs, otherSession } from './support/staff'
import { blobText, browserScan, captureDownloads, createdStation, postScan, stationInput, uniqueStationName, workerStation } from './support/stations'

/** Opens the editor and waits until all of it has loaded: a saved station's scans and poster settings too. */
async function openEditor(id?: string) {
  const view = renderPage(<StaffStationEditPage />, id ? { id } : {})
  await control('name')
  if (id) {
    await screen.findByText(/^近 30 天共 \d+ 次$/)
    await screen.findByText(/^二维码地址：/)
  }
  return view
}

const button = (name: string) => screen.getByRole('button', { name })

beforeEach(quietPickerWarnings)

describe('编辑站点', () => {
  it('Saturday 09:00–次日01:00, weekdays all day, holidays as on weekdays and one more amenity reach workers at once', async () => {
    const station = await createdStation('开放时间')
    await logInAs('editor')
    spyNavigation()
    await openEditor(station.id)
    expect(await valueOf('name')).toBe(station.name)

    const saturday = screen.getByRole('group', { name: '周六' })
    expect(within(saturday).getByText('不开放')).toBeInTheDocument()
    tap(button('周六添加时段'))
    const closing = button('周六第1段结束')
    await pick(closing, { 0: '01', 1: '00' })
    await waitFor(() => expect(closing).toHaveTextContent('次日01:00'))
    expect(button('周六第1段开始')).toHaveTextContent('09:00')

    tap(button('周一全天开放'))
    tap(button('周二至周五同周一'))
    expect(button('周四第1段开始')).toHaveTextContent('00:00')
    expect(button('周四第1段结束')).toHaveTextContent('24:00')
    tap(screen.getByRole('radio', { name: '节假日同平日' }))

    const charging = screen.getByRole('checkbox', { name: '充电' })
    expect(charging).toHaveAttribute('aria-checked', 'false')
    tap(charging)
    expect(charging).toHaveAttribute('aria-checked', 'true')
    tap('保存')

    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    const seen = await workerStation(station.code)
    expect(seen.hours.week[5]).toEqual([{ open: '09:00', close: '01:00' }])
    expect(formatIntervals(seen.hours.week[5])).toBe('09:00–次日01:00')
    for (const day of [0, 1, 2, 3, 4]) expect(seen.hours.week[day]).toEqual([{ open: '00:00', close: '24:00' }])
    expect(seen.hours.week[6]).toEqual([])
    expect(seen.hours.holiday).toBeNull()
    expect(seen.amenities).toEqual(['hot-water', 'charging'])
  })

  it('全天开放, 休息 and 工作日同周一 can be undone while nothing else has changed since', async () => {
    const station = await createdStation('撤销')
    await logInAs('editor')
    spyNavigation()
    await openEditor(station.id)
    const hoursOf = (day: string) => [button(`${day}第1段开始`).textContent, button(`${day}第1段结束`).textContent]
    const monday = () => screen.getByRole('group', { name: '周一' })

    tap(button('周一休息'))
    expect(within(monday()).getByText('不开放')).toBeInTheDocument()
    expect(within(monday()).getByRole('status')).toHaveTextContent('周一已改为休息')
    tap(within(monday()).getByRole('button', { name: '撤销' }))
    expect(hoursOf('周一')).toEqual(['09:00', '17:00'])
    expect(screen.queryByText('撤销')).not.toBeInTheDocument()

    tap(button('周一全天开放'))
    expect(hoursOf('周一')).toEqual(['00:00', '24:00'])
    tap(button('周二至周五同周一'))
    expect(hoursOf('周四')).toEqual(['00:00', '24:00'])
    expect(screen.getByText('周二至周五已改为与周一相同')).toBeInTheDocument()
    // One step back: Tuesday to Friday as they were, Monday still all day.
    tap(screen.getByRole('button', { name: '撤销' }))
    expect(hoursOf('周四')).toEqual(['09:00', '17:00'])
    expect(hoursOf('周一')).toEqual(['00:00', '24:00'])

    // Nothing replaced, nothing to undo.
    tap(button('周六休息'))
    expect(screen.queryByText('撤销')).not.toBeInTheDocument()

    // A change by hand after it: undoing would throw that away, so it is no longer offered.
    tap(button('周三全天开放'))
    expect(screen.getByText('周三已改为全天开放')).toBeInTheDocument()
    await pick(button('周三第1段结束'), { 0: '22', 1: '30' })
    await waitFor(() => expect(button('周三第1段结束')).toHaveTextContent('22:30'))
    expect(screen.queryByText('撤销')).not.toBeInTheDocument()

    tap('保存')
    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    const office = [{ open: '09:00', close: '17:00' }]
    expect((await workerStation(station.code)).hours.week).toEqual([
      [{ open: '00:00', close: '24:00' }],
      office,
      [{ open: '00:00', close: '22:30' }],
      office,
      office,
      [],
      []
    ])
  })

  it('times are picked in 5-minute steps, and a saved time off them (08:07) is kept, not rounded', async () => {
    const input = stationInput(uniqueStationName('五分钟'))
    const station = await createdStation('五分钟', { hours: { ...input.hours, week: [[{ open: '08:07', close: '17:00' }], ...input.hours.week.slice(1)] } })
    await logInAs('editor')
    spyNavigation()
    await openEditor(station.id)

    const opening = button('周一第1段开始')
    expect(opening).toHaveTextContent('08:07')
    fireEvent.click(opening)
    const dialog = (await screen.findByText('确定')).closest('.taro-picker__overlay') as HTMLElement
    const column = (at: number) =>
      Array.from(dialog.querySelectorAll('.taro-picker__content')[at].querySelectorAll('.taro-picker__item:not(.taro-picker__item--blank)')).map(
        (item) => item.textContent
      )
    expect(column(0)).toHaveLength(24)
    expect(column(1)).toEqual(['00', '05', '07', '10', '15', '20', '25', '30', '35', '40', '45', '50', '55'])
    fireEvent.click(within(dialog).getByText('确定'))
    await waitFor(() => expect(screen.queryByText('确定')).not.toBeInTheDocument())
    expect(opening).toHaveTextContent('08:07')

    await pick(button('周二第1段结束'), { 0: '17', 1: '45' })
    await waitFor(() => expect(button('周二第1段结束')).toHaveTextContent('17:45'))
    tap('保存')
    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    const seen = await workerStation(station.code)
    expect(seen.hours.week[0]).toEqual([{ open: '08:07', close: '17:00' }])
    expect(seen.hours.week[1]).toEqual([{ open: '09:00', close: '17:45' }])
  })

  it('a mistyped coordinate is named under 纬度 before anything is sent, and what was typed stays in the field', async () => {
    const station = await createdStation('坐标')
    await logInAs('editor')
    spyNavigation()
    await openEditor(station.id)
    expect(screen.getByText('可在高德地图拾取坐标（GCJ-02）')).toBeInTheDocument()
    const requests = recordRequests()

    await typeInto('latitude', '140.5')
    tap('保存')
    await waitFor(() => expect(errorUnder('latitude')).toBe('纬度应在 18–54 之间（密云约 40.4）'))
    expect(await valueOf('latitude')).toBe('140.5')
    expect(screen.getByRole('alert', { name: '需要修改的地方' })).toHaveTextContent('纬度应在 18–54 之间')
    expect(requests.filter((url) => url.includes('/api/staff/stations'))).toEqual([])

    // 高德's picker gives 「经度,纬度」: pasted whole into 纬度, it is not a number.
    await typeInto('latitude', '116.843,40.376')
    await waitFor(() => expect(errorUnder('latitude')).toBe('请填写纬度（数字，如 40.376）'))
    expect(await valueOf('latitude')).toBe('116.843,40.376')

    await typeInto('latitude', '116.843')
    await typeInto('longitude', '40.376')
    await waitFor(() => expect(errorUnder('latitude')).toBe('纬度和经度填反了：纬度约 40，经度约 116'))

    await typeInto('latitude', '40.3801')
    await typeInto('longitude', '116.8502')
    await waitFor(() => expect(errorUnder('latitude')).toBeNull())
    tap('保存')
    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    const seen = await workerStation(station.code)
    expect([seen.latitude, seen.longitude]).toEqual([40.3801, 116.8502])
  })

  it('a new station, filled in and saved, gets its code and is on the workers’ directory', async () => {
    await logInAs('editor')
    spyNavigation()
    await openEditor()
    expect(screen.getByText('新建 · 尚未保存')).toBeInTheDocument()
    expect(screen.queryByText('暂停开放')).not.toBeInTheDocument()

    const name = uniqueStationName('页面新建站点')
    await typeInto('name', name)
    fireEvent.click(within(field('type')).getByRole('button', { name: '类型' }))
    fireEvent.click(await screen.findByText('确定'))
    await typeInto('town', '果园街道')
    await typeInto('address', '密云区果园西路 2 号')
    await typeInto('latitude', '40.372')
    await typeInto('longitude', '116.861')
    tap('保存')

    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    const codeLine = screen.getByText(/^站点编号 /)
    const code = codeLine.textContent!.replace('站点编号 ', '')
    expect(code).toMatch(new RegExp(STATION_CODE_PATTERN))
    expect(screen.getByText(`${STAFF_ACCOUNTS.editor.displayName} 修改于 2026年11月24日 10:00`)).toBeInTheDocument()
    // Once saved, the page is the station's: closing, its scans and its posters are offered.
    expect(screen.getByText('暂停开放')).toBeInTheDocument()
    expect(await screen.findByText(`二维码地址：${window.location.origin}/s/${code}`)).toBeInTheDocument()
    expect(await screen.findByText('近 30 天共 0 次')).toBeInTheDocument()
    const seen = await workerStation(code)
    expect(seen).toMatchObject({ name, type: 'workers-home', town: '果园街道', address: '密云区果园西路 2 号', sample: false })
    // Weekdays 09:00–17:00 and closed on holidays until the staffer says otherwise.
    expect(seen.hours.week.map(formatIntervals)).toEqual(['09:00–17:00', '09:00–17:00', '09:00–17:00', '09:00–17:00', '09:00–17:00', '休息', '休息'])
    expect(seen.hours.holiday).toEqual([])
  })

  it('暂停开放 asks for the reason workers will read; 恢复开放 undoes it; an edit saved in between is no conflict', async () => {
    const station = await createdStation('暂停开放')
    await logInAs('editor')
    spyNavigation()
    await openEditor(station.id)
    expect(screen.getByText('开放中：职工端按开放时间显示是否营业')).toBeInTheDocument()

    tap('暂停开放')
    tap('确定暂停开放')
    expect(errorUnder('reason')).toBe('请填写暂停开放的原因')
    await typeInto('reason', '内部装修，12月中旬恢复')
    tap('确定暂停开放')
    expect(await screen.findByText('已暂停开放，职工端显示「暂停开放」和原因')).toBeInTheDocument()
    expect(screen.getByText('暂停开放中：内部装修，12月中旬恢复')).toBeInTheDocument()
    expect((await workerStation(station.code)).closedReason).toBe('内部装修，12月中旬恢复')

    await typeInto('phone', '010-69041234')
    tap('保存')
    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()

    tap('恢复开放')
    expect(await screen.findByText('已恢复开放')).toBeInTheDocument()
    const seen = await workerStation(station.code)
    expect(seen.closedReason).toBeUndefined()
    expect(seen.phone).toBe('010-69041234')
  })

  it('扫码统计 shows the last 30 days by how the posters were scanned', async () => {
    const station = await createdStation('扫码统计')
    await postScan(station.code, 'wxacode')
    await postScan(station.code, 'wxacode')
    await postScan(station.code, 'wechat-link')
    await browserScan(station.code)
    await logInAs('editor')
    spyNavigation()
    await openEditor(station.id)

    expect(await screen.findByText('近 30 天共 4 次')).toBeInTheDocument()
    const table = screen.getByRole('table', { name: '近 30 天扫码次数' })
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(31) // the heading and 30 days, days without scans too
    const today = within(table).getByRole('row', { name: '2026-11-24' })
    expect(
      within(today)
        .getAllByRole('cell')
        .map((cell) => cell.textContent)
    ).toEqual(['11月24日', '2', '1', '1', '4'])
    const yesterday = within(table).getByRole('row', { name: '2026-11-23' })
    expect(
      within(yesterday)
        .getAllByRole('cell')
        .map((cell) => cell.textContent)
    ).toEqual(['11月23日', '0', '0', '0', '0'])

    await postScan(station.code, 'wechat-link')
    tap('刷新')
    expect(await screen.findByText('近 30 天共 5 次')).toBeInTheDocument()
  })

  it('打印海报 saves this station’s poster as a PDF', async () => {
    const station = await createdStation('海报')
    await logInAs('editor')
    spyNavigation()
    const downloads = captureDownloads()
    await openEditor(station.id)

    tap(await screen.findByText('打印海报（二维码）'))
    const fileName = `服务站点海报-${station.name}.pdf`
    expect(await screen.findByText(`海报已下载：${fileName}`, undefined, { timeout: 10000 })).toBeInTheDocument()
    expect(downloads.files.map((file) => file.name)).toEqual([fileName])
    expect((await blobText(downloads.files[0].blob)).startsWith('%PDF-')).toBe(true)
  })

  it('a colleague’s save in between is a conflict; what was typed stays and their version can be loaded', async () => {
    const station = await createdStation('冲突')
    await logInAs('editor')
    spyNavigation()
    await openEditor(station.id)

    const colleague = await otherSession('admin')
    const theirs = await colleague.request<StaffStation>('PUT', `/api/staff/stations/${station.id}`, {
      ...stationInput(`${station.name}（同事改）`),
      version: station.version
    })
    await typeInto('town', '檀营满族蒙古族乡')
    tap('保存')

    expect(await screen.findByText('保存失败：内容已被他人修改')).toBeInTheDocument()
    expect(await valueOf('town')).toBe('檀营满族蒙古族乡')
    tap('载入最新版本（放弃我的修改）')
    await waitFor(async () => expect(await valueOf('name')).toBe(theirs.name))
    expect(await valueOf('town')).toBe('鼓楼街道')
  })

  it('a save the network loses keeps the input on the device, offered again when the editor opens', async () => {
    const station = await createdStation('断网')
    await logInAs('editor')
    spyNavigation()
    const first = await openEditor(station.id)

    await typeInto('summerOffer', '免费绿豆汤、防暑药品')
    await draftWritten(`station:${station.id}`)
    goOffline()
    tap('保存')
    expect(await screen.findByText(/^未保存：网络连接失败/)).toBeInTheDocument()
    first.unmount()
    goOnline()

    renderPage(<StaffStationEditPage />, { id: station.id })
    expect(await screen.findByText('这个站点有未保存到服务器的内容')).toBeInTheDocument()
    tap(screen.getByText(/^恢复未保存的内容/))
    expect(await valueOf('summerOffer')).toBe('免费绿豆汤、防暑药品')
    await screen.findByText('近 30 天共 0 次')
    await screen.findByText(/^二维码地址：/)
    tap('保存')
    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    expect((await workerStation(station.code)).summerOffer).toBe('免费绿豆汤、防暑药品')
  })

  it('an id that names no station says so', async () => {
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffStationEditPage />, { id: 'no-such-station' })
    expect(await screen.findByText('未找到该服务站点')).toBeInTheDocument()
  })
})
