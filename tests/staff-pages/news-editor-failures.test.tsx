/**
 * The news editor against the real API when things go wrong: the network fails, the session ends, a colleague saved
 * first, the article is not there, the role is missing — and no text is lost.
 */
import { screen, waitFor } from '@testing-library/react'
import StaffNewsEditPage from '@/packages/staff/news-edit/index'
import { readSession } from '@/api/staff/session'
import type { StaffNewsArticle } from '@/domain'
import { routes } from '@/routes'
import { spyNavigation } from '../app/page-helpers'
import { goOffline, goOnline } from '../app/support/network'
import { renderPage } from '../app/support/render-page'
import { STAFF_ACCOUNTS } from './support/accounts'
import { field, quietPickerWarnings, tap, typeInto, uniqueTitle, valueOf } from './support/editor'
import { fillValidArticle, openNewEditor, validInput } from './support/news'
import { logInAs, otherSession } from './support/staff'

beforeEach(quietPickerWarnings)

describe('写动态 when things go wrong', () => {
  it('a save that fails on the network keeps the text, and reopening offers the kept draft', async () => {
    await logInAs('editor')
    spyNavigation()
    const title = uniqueTitle('页面测试断网')
    const first = await openNewEditor()
    await fillValidArticle(title)
    goOffline()
    tap('保存草稿')

    expect(await screen.findByText(/^未保存：网络连接失败/)).toBeInTheDocument()
    expect(await valueOf('title')).toBe(title)
    expect(screen.getByText('有未保存的修改（已暂存在本机）')).toBeInTheDocument()
    first.unmount()
    goOnline()

    const second = renderPage(<StaffNewsEditPage />)
    tap(await screen.findByText('恢复未保存的内容（保存于 2026年11月24日 10:00）'))
    expect(await valueOf('title')).toBe(title)
    expect(await valueOf('blocks.0.text')).toBe('页面测试写的第一段正文。')
    expect(field('category')).toHaveTextContent('思想引领')

    tap('保存草稿')
    expect(await screen.findByText(/^已保存草稿/)).toBeInTheDocument()
    // The server has it now: nothing is kept, so nothing is offered next time. Leaving the page writes any change
    // still waiting for the draft timer at once, so a write left pending by the save would be offered below.
    second.unmount()
    renderPage(<StaffNewsEditPage />)
    await screen.findByText('新动态 · 尚未保存')
    expect(screen.queryByText(/恢复未保存的内容/)).not.toBeInTheDocument()
  })

  it('放弃 drops the kept draft and starts empty', async () => {
    await logInAs('editor')
    spyNavigation()
    const first = await openNewEditor()
    await typeInto('title', '写到一半的标题')
    first.unmount()

    const second = renderPage(<StaffNewsEditPage />)
    tap(await screen.findByText('放弃'))
    expect(await valueOf('title')).toBe('')
    second.unmount()

    renderPage(<StaffNewsEditPage />)
    await screen.findByText('新动态 · 尚未保存')
    expect(screen.queryByText(/恢复未保存的内容/)).not.toBeInTheDocument()
  })

  it('a colleague’s save in between is a conflict naming who saved and when; the text stays until 载入最新版本', async () => {
    const wang = await otherSession('editor')
    const created = await wang.request<StaffNewsArticle>('POST', '/api/staff/news', validInput(uniqueTitle('页面测试冲突')))
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffNewsEditPage />, { id: created.id })
    expect(await valueOf('title')).toBe(created.title)

    // 赵管理, at another computer, saves first.
    const zhao = await otherSession('admin')
    const theirs = uniqueTitle('管理员改的标题')
    await zhao.request('PUT', `/api/staff/news/${created.id}`, { ...validInput(theirs), version: created.version })

    const mine = uniqueTitle('我改的标题')
    await typeInto('title', mine)
    tap('保存草稿')
    const alert = await screen.findByText('保存失败：内容已被他人修改')
    const card = alert.closest('[role="alert"]') as HTMLElement
    expect(card).toHaveTextContent(`该动态已被 ${STAFF_ACCOUNTS.admin.displayName} 于 11月24日 10:00 修改，请刷新后再改`)
    expect(await valueOf('title')).toBe(mine)

    tap('继续编辑')
    expect(screen.queryByText('保存失败：内容已被他人修改')).not.toBeInTheDocument()
    expect(await valueOf('title')).toBe(mine)

    tap('保存草稿')
    tap(await screen.findByText('载入最新版本（放弃我的修改）'))
    await waitFor(async () => expect(await valueOf('title')).toBe(theirs))
    expect(screen.queryByText('有未保存的修改（已暂存在本机）')).not.toBeInTheDocument()

    // Saved against the version just loaded, it goes through.
    await typeInto('summary', '载入后再改的摘要')
    tap('保存草稿')
    expect(await screen.findByText(/^已保存草稿/)).toBeInTheDocument()
  })

  it('a session that ended says so with a way to log in again, and keeps the text', async () => {
    await logInAs('editor')
    const { navigateTo } = spyNavigation()
    await openNewEditor()
    const title = uniqueTitle('页面测试掉线')
    await fillValidArticle(title)
    await fetch('/api/staff/session', { method: 'DELETE', headers: { Authorization: `Bearer ${readSession()!.token}` } })

    tap('保存草稿')
    expect(await screen.findByText(/登录已过期或已退出，请重新登录。已填写的内容保存在本机/)).toBeInTheDocument()
    expect(await valueOf('title')).toBe(title)
    tap('重新登录')
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.staffLogin() }))
  })

  it('opening an article that does not exist says so', async () => {
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffNewsEditPage />, { id: '20261124-00000000' })
    expect(await screen.findByText('未找到该动态')).toBeInTheDocument()
  })

  it('a 经办 without the editor role is told the page needs it', async () => {
    await logInAs('handler')
    spyNavigation()
    renderPage(<StaffNewsEditPage />)
    expect(screen.getByText('没有权限：此页面需要编辑角色')).toBeInTheDocument()
  })
})
