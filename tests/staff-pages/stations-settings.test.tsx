/**
 * 站点设置 against the real API: the holiday calendar and the 夏送清凉 period every station follows. One document for
 * all stations: each test here starts from a calendar of its own making (a colleague's save at another computer).
 */
import { screen, waitFor, within } from '@testing-library/react'
import StaffStationSettingsPage from '@/packages/staff/station-settings/index'
import type { StaffStationSettings } from '@/domain/station-input'
import type { HolidayDate, StationDirectory } from '@/domain/stations'
import { apiJson, spyNavigation } from '../app/page-helpers'
import { recordRequests } from '../app/support/network'
import { renderPage } from '../app/support/render-page'
import { errorUnder, pick, quietPickerWarnings, tap, typeInto, valueOf } from './support/editor'
import { logInAs, otherSession } from './support/staff'

async function openSettings() {
  renderPage(<StaffStationSettingsPage />)
  await screen.findByText('节假日与调休')
}

const holidayRows = () => screen.queryAllByRole('group', { name: /^节假日第 \d+ 项$/ })
const row = (number: number) => screen.getByRole('group', { name: `节假日第 ${number} 项` })
const dateButton = (number: number) => screen.getByRole('button', { name: `节假日第 ${number} 项的日期` })
/** The dates of the rows shown, top to bottom. */
const shownDates = () =>
  holidayRows().map((element) =>
    within(element)
      .getByRole('button', { name: /的日期$/ })
      .textContent!.slice(0, 10)
  )

/** Saves, waits for 「已保存」, and reads the station directory as workers get it. */
async function saveAndReadDirectory(): Promise<StationDirectory> {
  tap('保存')
  expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
  return apiJson<StationDirectory>('/api/stations')
}

/** The calendar as a colleague saved it at another computer. */
async function calendarIs(holidays: HolidayDate[]) {
  const wang = await otherSession('editor')
  const current = await wang.request<StaffStationSettings>('GET', '/api/staff/station-settings')
  await wang.request('PUT', '/api/staff/station-settings', { holidays, summerCampaign: current.summerCampaign, version: current.version })
}

beforeEach(quietPickerWarnings)

describe('站点设置', () => {
  it('holidays added day by day and the 夏送清凉 period are saved and reach the workers’ directory', async () => {
    await calendarIs([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }])
    await logInAs('editor')
    spyNavigation()
    await openSettings()
    expect(holidayRows()).toHaveLength(1)

    // A two-day block and a make-up workday after it: 「添加一天」 goes on from the last row, its name included.
    tap('添加一天（接着上一天）')
    expect(dateButton(2)).toHaveTextContent('2027-01-02')
    await pick(dateButton(2), { 0: '2027年', 1: '10月', 2: '01日' })
    await waitFor(() => expect(dateButton(2)).toHaveTextContent('2027-10-01周五'))
    await typeInto('holidays.1.name', '国庆节')
    tap('添加一天（接着上一天）')
    expect(dateButton(3)).toHaveTextContent('2027-10-02')
    expect(await valueOf('holidays.2.name')).toBe('国庆节')
    tap('添加一天（接着上一天）')
    tap(within(row(4)).getByRole('radio', { name: '调休上班' }))
    await typeInto('holidays.3.name', '国庆节调休上班')

    const summer = screen.getByRole('switch', { name: '设置夏送清凉时段' })
    if (summer.getAttribute('aria-checked') === 'false') tap(summer)
    await pick(screen.getByRole('button', { name: '夏送清凉开始日期' }), { 0: '2027年', 1: '06月', 2: '15日' })
    await pick(screen.getByRole('button', { name: '夏送清凉结束日期' }), { 0: '2027年', 1: '08月', 2: '31日' })
    const sample = screen.getByRole('switch', { name: '仍为示例数据' })
    if (sample.getAttribute('aria-checked') === 'true') tap(sample)
    const directory = await saveAndReadDirectory()
    expect(directory.holidays).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2027-10-02', kind: 'holiday', name: '国庆节' },
      { date: '2027-10-03', kind: 'workday', name: '国庆节调休上班' }
    ])
    expect(directory.summerCampaign).toEqual({ startsOn: '2027-06-15', endsOn: '2027-08-31', sample: false })
  })

  it('a week of 国庆节 in one go, rows in date order, and last year’s dates folded away and cleared in one tap', async () => {
    // Today is 2026-11-24 (TEST_NOW): the first four dates have gone by.
    await calendarIs([
      { date: '2026-01-01', kind: 'holiday', name: '元旦' },
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-11', kind: 'workday', name: '国庆节调休上班' },
      { date: '2027-01-01', kind: 'holiday', name: '元旦' }
    ])
    await logInAs('editor')
    spyNavigation()
    await openSettings()

    const fold = screen.getByRole('button', { name: /^已过去的日期（4）/ })
    expect(fold).toHaveAttribute('aria-expanded', 'false')
    expect(shownDates()).toEqual(['2027-01-01'])
    tap(fold)
    expect(shownDates()).toEqual(['2026-01-01', '2026-10-01', '2026-10-02', '2026-10-11', '2027-01-01'])
    expect(row(1)).toHaveClass('holiday-row--past')
    expect(row(5)).not.toHaveClass('holiday-row--past')

    // What is refused is said under its field, and what was typed stays.
    tap('添加连续几天')
    await typeInto('run.days', '40')
    tap('添加这几天')
    await waitFor(() => expect(errorUnder('run.days')).toBe('天数请填 1–31 的整数'))
    expect(errorUnder('run.name')).toBe('请填写名称，如：国庆节')
    expect(await valueOf('run.days')).toBe('40')
    expect(holidayRows()).toHaveLength(5)

    await pick(screen.getByRole('button', { name: '连续放假的第一天' }), { 0: '2027年', 1: '10月', 2: '01日' })
    await typeInto('run.days', '7')
    await typeInto('run.name', '国庆节')
    tap('添加这几天')
    expect(await screen.findByText('已添加国庆节 2027-10-01 至 2027-10-07，共 7 天')).toBeInTheDocument()
    expect(shownDates().slice(5)).toEqual(['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'])
    for (const number of [6, 12]) {
      expect(within(row(number)).getByRole('radio', { name: '放假' })).toHaveAttribute('aria-checked', 'true')
      expect(within(row(number)).getByRole('textbox', { name: `节假日第 ${number} 项的名称` })).toHaveValue('国庆节')
    }

    // A day already there is not added twice.
    tap('添加连续几天')
    await pick(screen.getByRole('button', { name: '连续放假的第一天' }), { 0: '2027年', 1: '01月', 2: '01日' })
    await typeInto('run.days', '1')
    await typeInto('run.name', '元旦')
    tap('添加这几天')
    expect(await screen.findByText('没有添加新的日期；2027-01-01 已在列表中，未重复添加')).toBeInTheDocument()
    expect(holidayRows()).toHaveLength(12)

    // A date picked out of order takes its place.
    tap('添加一天（接着上一天）')
    expect(dateButton(13)).toHaveTextContent('2027-10-08')
    await pick(dateButton(13), { 1: '02月', 2: '10日' })
    await waitFor(() => expect(dateButton(6)).toHaveTextContent('2027-02-10周三'))
    await typeInto('holidays.5.name', '春节')

    tap('清除已过去的日期')
    expect(screen.queryByRole('button', { name: /^已过去的日期/ })).not.toBeInTheDocument()
    expect(screen.getByText('已清除 4 个已过去的日期，保存后生效')).toBeInTheDocument()
    tap('撤销')
    expect(screen.getByRole('button', { name: /^已过去的日期（4）/ })).toBeInTheDocument()
    tap('清除已过去的日期')
    expect(shownDates()).toEqual(['2027-01-01', '2027-02-10', ...['01', '02', '03', '04', '05', '06', '07'].map((day) => `2027-10-${day}`)])
    expect((await saveAndReadDirectory()).holidays).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-10', kind: 'holiday', name: '春节' },
      ...['01', '02', '03', '04', '05', '06', '07'].map((day) => ({ date: `2027-10-${day}`, kind: 'holiday', name: '国庆节' }))
    ])
  })

  it('a day without a name and a period that ends before it starts are named under their fields, and nothing is sent', async () => {
    await calendarIs([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }])
    await logInAs('editor')
    spyNavigation()
    await openSettings()
    const requests = recordRequests()
    const rows = holidayRows().length

    tap(/^添加一天/)
    // 「添加一天」 carries on from the last row: its name too, which is cleared here.
    await typeInto(`holidays.${rows}.name`, '')
    const summer = screen.getByRole('switch', { name: '设置夏送清凉时段' })
    if (summer.getAttribute('aria-checked') === 'false') tap(summer)
    await pick(screen.getByRole('button', { name: '夏送清凉结束日期' }), { 0: '2020年' })
    tap('保存')

    await waitFor(() => expect(errorUnder(`holidays.${rows}`)).toBe(`请填写节假日第 ${rows + 1} 项的名称`))
    expect(errorUnder('summerCampaign.endsOn')).toBe('夏送清凉结束日期不能早于开始日期')
    // What was picked stays, to be corrected.
    expect(screen.getByRole('button', { name: '夏送清凉结束日期' })).toHaveTextContent(/^2020-/)
    expect(holidayRows()).toHaveLength(rows + 1)
    expect(requests.filter((url) => url.includes('/api/staff/station-settings'))).toEqual([])
  })
})
