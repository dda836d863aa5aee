/**
 * 活动管理 and the activity editor against the real API: a new activity saved from the editor reaches the worker
 * list; cancelling asks for the reason first and workers then see it called off. Each test works on an activity of
 * its own (other suites share the server).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import StaffActivityEditPage from '@/packages/staff/activity-edit/index'
import StaffActivityListPage from '@/packages/staff/activity-list/index'
import type { Activity, ActivitySummary, Page } from '@/domain'
import { routes } from '@/routes'
import { apiJson, spyNavigation } from '../app/page-helpers'
import { renderPage } from '../app/support/render-page'
import { control, errorUnder, field, quietPickerWarnings, tap, typeInto, uniqueTitle } from './support/editor'
import { createdActivity } from './support/activities'
import { logInAs } from './support/staff'

beforeEach(quietPickerWarnings)

describe('活动管理', () => {
  it('新建活动: filled in and saved, the activity is in the workers’ list as open for sign-up', async () => {
    await logInAs('editor')
    const { navigateTo } = spyNavigation()
    const list = renderPage(<StaffActivityListPage />)
    tap(await screen.findByText('新建活动'))
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.staffActivityEdit() }))
    list.unmount()

    renderPage(<StaffActivityEditPage />)
    await control('title')
    const title = uniqueTitle('页面新建活动')
    await typeInto('title', title)
    tap('保存')
    // Nothing sent yet: the kind is named under its field.
    expect(await screen.findByText('请选择活动类型')).toBeInTheDocument()
    expect(errorUnder('kind')).toBe('请选择活动类型')

    fireEvent.click(within(field('kind')).getByRole('button', { name: '活动类型' }))
    fireEvent.click(await screen.findByText('确定'))
    await typeInto('summary', '八段锦入门，零基础可参加。')
    await typeInto('place', '密云区职工服务中心三层活动室')
    await typeInto('blocks.0.text', '请穿运动鞋，自带水杯。')
    tap('保存')
    expect(await screen.findByText('已保存，职工端已更新')).toBeInTheDocument()

    // The form's dates: sign-up from tomorrow, so the worker list shows it under 全部 (not yet 可报名).
    const page = await apiJson<Page<ActivitySummary>>('/api/activities?kind=women-class')
    const seen = page.items.find((item) => item.title === title)
    expect(seen).toMatchObject({ kind: 'women-class', place: '密云区职工服务中心三层活动室', capacity: 30, status: 'upcoming' })
  })

  it('取消活动 asks for the reason before anything is sent; workers then see it cancelled with the reason', async () => {
    const activity = await createdActivity('取消活动')
    await logInAs('admin')
    const { navigateTo } = spyNavigation()
    const list = renderPage(<StaffActivityListPage />)
    const row = (await screen.findByText(activity.title)).closest('[role="link"]') as HTMLElement
    expect(within(row).getByText('报名中')).toBeInTheDocument()
    // An administrator is also a 经办: the row leads to the sign-ups.
    fireEvent.click(within(row).getByText('报名'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.staffEventSignups('activity', activity.id) }))
    list.unmount()

    renderPage(<StaffActivityEditPage />, { id: activity.id })
    tap(await screen.findByText('取消活动'))
    tap('确定取消活动')
    expect(await screen.findByText('请填写取消原因')).toBeInTheDocument()
    await typeInto('reason', '因场地维修，本次活动取消')
    tap('确定取消活动')
    expect(await screen.findByText(/活动已取消/)).toBeInTheDocument()
    expect(screen.queryByText('取消活动')).not.toBeInTheDocument()

    const seen = await apiJson<Activity>(`/api/activities/${activity.id}`)
    expect(seen.cancelled?.reason).toBe('因场地维修，本次活动取消')
  })
})
