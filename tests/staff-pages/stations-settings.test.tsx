/**
 * 站点设置 against the real API: the holiday calendar and the 夏送清凉 period every station follows. One document for
 * all stations, so one test changes it; the other only checks what is refused before anything is sent.
 */
import { screen, waitFor, within } from '@testing-library/react'
import StaffStationSettingsPage from '../../src/packages/staff/station-settings/index'
import type { StationDirectory } from '../../src/domain/stations'
import { apiJson, spyNavigation } from '../app/page-helpers'
import { recordRequests } from '../app/support/network'
import { renderPage } from '../app/support/render-page'
import { errorUnder, pick, tap, typeInto, valueOf } from './support/editor'
import { logInAs } from './support/staff'

async function openSettings() {
  renderPage(<StaffStationSettingsPage />)
  await screen.findByText('节假日与调休')
}

beforeEach(() => {
  const warn = console.warn
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('Height measurement anomaly')) warn(...args)
  })
})

describe('站点设置', () => {
  it('holidays added day by day and the 夏送清凉 period are saved and reach the workers’ directory', async () => {
    await logInAs('editor')
    spyNavigation()
    await openSettings()
    const before = screen.queryAllByRole('group', { name: /^第 \d+ 天$/ }).length

    // A two-day block and a make-up workday after it: 「添加一天」 goes on from the last row, its name included.
    tap(/^添加一天/)
    const first = before
    await pick(screen.getByRole('button', { name: `第 ${first + 1} 天的日期` }), { 0: '2027年', 1: '10月', 2: '01日' })
    await waitFor(() => expect(screen.getByRole('button', { name: `第 ${first + 1} 天的日期` })).toHaveTextContent('2027-10-01'))
    await typeInto(`holidays.${first}.name`, '国庆节')
    tap('添加一天（接着上一天）')
    expect(screen.getByRole('button', { name: `第 ${first + 2} 天的日期` })).toHaveTextContent('2027-10-02')
    expect(await valueOf(`holidays.${first + 1}.name`)).toBe('国庆节')
    tap('添加一天（接着上一天）')
    const workday = within(screen.getByRole('group', { name: `第 ${first + 3} 天` }))
    tap(workday.getByRole('radio', { name: '调休上班' }))
    await typeInto(`holidays.${first + 2}.name`, '国庆节调休上班')

    const summer = screen.getByRole('switch', { name: '设置夏送清凉时段' })
    if (summer.getAttribute('aria-checked') === 'false') tap(summer)
    await pick(screen.getByRole('button', { name: '夏送清凉开始日期' }), { 0: '2027年', 1: '06月', 2: '15日' })
    await pick(screen.getByRole('button', { name: '夏送清凉结束日期' }), { 0: '2027年', 1: '08月', 2: '31日' })
    const sample = screen.getByRole('switch', { name: '仍为示例数据' })
    if (sample.getAttribute('aria-checked') === 'true') tap(sample)
    tap('保存')

    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()
    const directory = await apiJson<StationDirectory>('/api/stations')
    expect(directory.holidays).toEqual(
      expect.arrayContaining([
        { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2027-10-02', kind: 'holiday', name: '国庆节' },
        { date: '2027-10-03', kind: 'workday', name: '国庆节调休上班' }
      ])
    )
    expect(directory.summerCampaign).toEqual({ startsOn: '2027-06-15', endsOn: '2027-08-31', sample: false })
  })

  it('a day without a name and a period that ends before it starts are named under their fields, and nothing is sent', async () => {
    await logInAs('editor')
    spyNavigation()
    await openSettings()
    const requests = recordRequests()
    const rows = screen.queryAllByRole('group', { name: /^第 \d+ 天$/ }).length

    tap(/^添加一天/)
    // 「添加一天」 carries on from the last row: its name too, which is cleared here.
    await typeInto(`holidays.${rows}.name`, '')
    const summer = screen.getByRole('switch', { name: '设置夏送清凉时段' })
    if (summer.getAttribute('aria-checked') === 'false') tap(summer)
    await pick(screen.getByRole('button', { name: '夏送清凉结束日期' }), { 0: '2020年' })
    tap('保存')

    await waitFor(() => expect(errorUnder(`holidays.${rows}.name`)).toBe(`请填写节假日第 ${rows + 1} 项的名称`))
    expect(errorUnder('summerCampaign.endsOn')).toBe('夏送清凉结束日期不能早于开始日期')
    expect(requests.filter((url) => url.includes('/api/staff/station-settings'))).toEqual([])
  })
})
