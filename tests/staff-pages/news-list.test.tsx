/**
 * 动态管理 against the real API: the articles 20 at a time with their marks, loaded again on the way back from the
 * editor, loading failures, an ended session.
 */
import { screen, waitFor } from '@testing-library/react'
import StaffNewsListPage from '@/packages/staff/news-list/index'
import type { StaffNewsArticle, Page } from '@/domain'
import { routes } from '@/routes'
import { spyNavigation } from '../app/page-helpers'
import { goOffline, goOnline } from '../app/support/network'
import { firePageEvent, renderPage } from '../app/support/render-page'
import { tap, uniqueTitle } from './support/editor'
import { validInput } from './support/news'
import { logInAs, otherSession } from './support/staff'

describe('动态管理', () => {
  it('lists 20 articles at a time with their 置顶 marks; 加载更多 adds the next ones; 写动态 opens the editor', async () => {
    await logInAs('editor')
    const { navigateTo } = spyNavigation()
    const all = await (await otherSession('editor')).request<Page<{ id: string; title: string }>>('GET', '/api/staff/news?page=1')
    renderPage(<StaffNewsListPage />)
    await waitFor(() => expect(screen.getAllByRole('link')).toHaveLength(all.items.length))
    expect(all.total).toBeGreaterThan(20)
    expect(screen.getAllByText('置顶').length).toBeGreaterThan(0)

    tap('加载更多')
    await waitFor(() => expect(screen.getAllByRole('link').length).toBeGreaterThan(20))

    tap('写动态')
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.staffNewsEdit() }))
  })

  it('back from the editor (the page shows again), lists what was saved there without a manual refresh', async () => {
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffNewsListPage />)
    await screen.findAllByRole('link')
    const title = uniqueTitle('页面测试返回列表')
    // Saved in the editor the staffer is coming back from (the first onShow is the list opening).
    await (await otherSession('editor')).request<StaffNewsArticle>('POST', '/api/staff/news', validInput(title))
    await firePageEvent('onShow')
    await firePageEvent('onShow')
    expect(await screen.findByText(title)).toBeInTheDocument()
  })

  it('says when loading failed and loads again on 重试', async () => {
    await logInAs('editor')
    spyNavigation()
    goOffline()
    renderPage(<StaffNewsListPage />)
    expect(await screen.findByText('动态加载失败')).toBeInTheDocument()
    goOnline()
    tap('重试')
    await waitFor(() => expect(screen.getAllByRole('link').length).toBeGreaterThan(0))
  })

  it('a session the server has ended sends the staffer to the login page', async () => {
    const session = await logInAs('editor')
    await fetch('/api/staff/session', { method: 'DELETE', headers: { Authorization: `Bearer ${session.token}` } })
    const { redirectTo } = spyNavigation()
    renderPage(<StaffNewsListPage />)
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: routes.staffLogin() }))
  })
})
