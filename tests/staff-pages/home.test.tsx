/**
 * 工作台 against the real API: who is logged in, the tools each role gets, logging out, and what happens without a
 * session.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react'
import StaffHomePage from '@/packages/staff/home/index'
import { readSession } from '@/api/staff/session'
import { routes } from '@/routes'
import { spyNavigation } from '../app/page-helpers'
import { renderPage } from '../app/support/render-page'
import { STAFF_ACCOUNTS } from './support/accounts'
import { logInAs } from './support/staff'

const CONTENT_TILES = ['动态管理', '竞赛管理', '活动管理', '服务内容', '十四五数据', '首页推荐']
const HANDLER_TILES = ['报名与签到']
const ADMIN_TILES = ['账号管理', '操作记录']

function shows(titles: string[]) {
  for (const title of titles) expect(screen.getByText(title)).toBeInTheDocument()
}

function hides(titles: string[]) {
  for (const title of titles) expect(screen.queryByText(title)).not.toBeInTheDocument()
}

describe('工作台', () => {
  it('an editor sees who is logged in and the content tools, not the administrator’s', async () => {
    await logInAs('editor')
    const { navigateTo } = spyNavigation()
    renderPage(<StaffHomePage />)

    expect(screen.getByText(STAFF_ACCOUNTS.editor.displayName)).toBeInTheDocument()
    expect(screen.getByText('编辑')).toBeInTheDocument()
    shows([...CONTENT_TILES, '修改密码', '退出登录'])
    hides([...ADMIN_TILES, ...HANDLER_TILES])
    expect(screen.queryByText(/后续版本/)).not.toBeInTheDocument()

    fireEvent.click(screen.getByText('动态管理'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.staffNews() }))
    fireEvent.click(screen.getByText('竞赛管理'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.staffCompetitions() }))
    fireEvent.click(screen.getByText('活动管理'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.staffActivities() }))
    fireEvent.click(screen.getByText('修改密码'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.staffPassword() }))
  })

  it('an administrator sees every tool, 账号管理 and 操作记录 included', async () => {
    await logInAs('admin')
    const { navigateTo } = spyNavigation()
    renderPage(<StaffHomePage />)

    expect(screen.getByText(STAFF_ACCOUNTS.admin.displayName)).toBeInTheDocument()
    expect(screen.getByText('管理员')).toBeInTheDocument()
    shows([...CONTENT_TILES, ...HANDLER_TILES, ...ADMIN_TILES, '修改密码'])

    fireEvent.click(screen.getByText('账号管理'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.staffAccounts() }))
    fireEvent.click(screen.getByText('操作记录'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.staffAudit() }))
  })

  it('a 经办 sees 报名与签到, that request handling comes with a later version, and no content tools', async () => {
    await logInAs('handler')
    const { navigateTo } = spyNavigation()
    renderPage(<StaffHomePage />)

    expect(screen.getByText(STAFF_ACCOUNTS.handler.displayName)).toBeInTheDocument()
    expect(screen.getByText('经办')).toBeInTheDocument()
    expect(screen.getByText(/办理职工申请的功能将在后续版本中开放/)).toBeInTheDocument()
    hides([...CONTENT_TILES, ...ADMIN_TILES])
    shows([...HANDLER_TILES, '修改密码', '退出登录'])
    fireEvent.click(screen.getByText('报名与签到'))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.staffEvents() }))
  })

  it('退出登录 ends the session on the server and on the device, and returns to 我的', async () => {
    const session = await logInAs('editor')
    const { switchTab } = spyNavigation()
    renderPage(<StaffHomePage />)

    fireEvent.click(screen.getByText('退出登录'))
    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: routes.me() }))
    expect(readSession()).toBeUndefined()
    const answer = await fetch('/api/staff/me', { headers: { Authorization: `Bearer ${session.token}` } })
    expect(answer.status).toBe(401)
  })

  it('without a session, sends the staffer to the login page', async () => {
    const { redirectTo } = spyNavigation()
    renderPage(<StaffHomePage />)
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: routes.staffLogin() }))
    expect(screen.getByText('请先登录工作人员账号')).toBeInTheDocument()
    hides(CONTENT_TILES)
  })

  it('a session the server has ended sends the staffer to the login page', async () => {
    const session = await logInAs('editor')
    // Ended elsewhere (logged out on another tab): the device still holds the token.
    await fetch('/api/staff/session', { method: 'DELETE', headers: { Authorization: `Bearer ${session.token}` } })
    const { redirectTo } = spyNavigation()
    renderPage(<StaffHomePage />)
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: routes.staffLogin() }))
  })
})
