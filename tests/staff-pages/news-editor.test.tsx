/**
 * The news editor against the real API, as a staffer uses it: writing the body in blocks, being told what to fix
 * before anything is sent, saving a draft, and publishing (now and at a set time) so workers see it. When things go
 * wrong: news-editor-failures.test.tsx; 动态管理: news-list.test.tsx.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import StaffNewsEditPage from '@/packages/staff/news-edit/index'
import StaffNewsListPage from '@/packages/staff/news-list/index'
import type { StaffNewsArticle } from '@/domain'
import { routes } from '@/routes'
import { apiJson, spyNavigation } from '../app/page-helpers'
import { recordRequests } from '../app/support/network'
import { renderPage } from '../app/support/render-page'
import { STAFF_ACCOUNTS } from './support/accounts'
import { errorUnder, quietPickerWarnings, tap, typeInto, uniqueTitle, valueOf } from './support/editor'
import { block, blockLabels, fillValidArticle, openNewEditor, switchIn, validInput, workerNewsTitled } from './support/news'
import { logInAs, otherSession } from './support/staff'

beforeEach(quietPickerWarnings)

describe('写动态', () => {
  it('adds blocks of each kind, moves them up and down, removes one and undoes the removal', async () => {
    await logInAs('editor')
    spyNavigation()
    await openNewEditor()
    expect(blockLabels()).toEqual(['第 1 块（段落）'])

    await typeInto('blocks.0.text', '第一段')
    tap('＋小标题')
    await typeInto('blocks.1.text', '一个小标题')
    tap('＋引用')
    await typeInto('blocks.2.text', '引用的话')
    await typeInto('blocks.2.cite', '某位劳模')
    expect(blockLabels()).toEqual(['第 1 块（段落）', '第 2 块（小标题）', '第 3 块（引用）'])

    fireEvent.click(within(block('第 2 块（小标题）')).getByText('上移'))
    expect(blockLabels()).toEqual(['第 1 块（小标题）', '第 2 块（段落）', '第 3 块（引用）'])
    // Each block's text moved with it.
    expect(await valueOf('blocks.0.text')).toBe('一个小标题')
    expect(await valueOf('blocks.1.text')).toBe('第一段')

    fireEvent.click(within(block('第 1 块（小标题）')).getByText('下移'))
    fireEvent.click(within(block('第 2 块（小标题）')).getByText('下移'))
    expect(blockLabels()).toEqual(['第 1 块（段落）', '第 2 块（引用）', '第 3 块（小标题）'])
    expect(await valueOf('blocks.1.text')).toBe('引用的话')

    fireEvent.click(within(block('第 2 块（引用）')).getByText('删除'))
    expect(blockLabels()).toEqual(['第 1 块（段落）', '第 2 块（小标题）'])
    expect(screen.getByText('已删除第 2 块（引用）')).toBeInTheDocument()
    tap('撤销')
    expect(blockLabels()).toEqual(['第 1 块（段落）', '第 2 块（引用）', '第 3 块（小标题）'])
    expect(await valueOf('blocks.1.cite')).toBe('某位劳模')

    tap('＋图片')
    expect(blockLabels()).toHaveLength(4)
    expect(within(block('第 4 块（图片）')).getByText('选择图片')).toBeInTheDocument()
  })

  it('预览 shows the body as workers will see it, read-only', async () => {
    await logInAs('editor')
    spyNavigation()
    await openNewEditor()
    await typeInto('title', '预览用的标题')
    await typeInto('blocks.0.text', '预览用的段落')
    tap('＋引用')
    await typeInto('blocks.1.text', '预览用的引用')
    await typeInto('blocks.1.cite', '出处甲')

    tap('预览')
    const preview = screen.getByLabelText('预览')
    expect(within(preview).getAllByText('预览用的标题').length).toBeGreaterThan(0)
    const body = preview.querySelector('.article-blocks') as HTMLElement
    expect(within(body).getByText('预览用的段落')).toBeInTheDocument()
    expect(within(body).getByText('预览用的引用')).toBeInTheDocument()
    expect(within(body).getByText('—— 出处甲')).toBeInTheDocument()
    expect(preview.querySelector('input, textarea')).toBeNull()

    tap('编辑')
    expect(await valueOf('blocks.0.text')).toBe('预览用的段落')
  })

  it('a title over 60 characters is refused under the field, and nothing is sent', async () => {
    await logInAs('editor')
    spyNavigation()
    await openNewEditor()
    const requests = recordRequests()
    await fillValidArticle('长'.repeat(61))
    tap('保存草稿')

    await waitFor(() => expect(errorUnder('title')).toBe('标题不能超过 60 字（现 61 字）'))
    expect(screen.getByRole('alert', { name: '需要修改的地方' })).toHaveTextContent('标题不能超过 60 字（现 61 字）')
    expect(screen.getByText('有 1 处需要修改，请查看标红的项目')).toBeInTheDocument()
    expect(requests.filter((url) => url.includes('/api/staff/news'))).toEqual([])

    // Fixing it clears the message at once.
    await typeInto('title', '长'.repeat(60))
    await waitFor(() => expect(errorUnder('title')).toBeNull())
  })

  it('an empty new article lists every problem, each under its own field', async () => {
    await logInAs('editor')
    spyNavigation()
    await openNewEditor()
    tap('保存草稿')
    await waitFor(() => expect(errorUnder('title')).toBe('请填写标题'))
    expect(errorUnder('category')).toBe('请选择栏目')
    expect(errorUnder('summary')).toBe('请填写摘要')
    expect(errorUnder('blocks.0.text')).toBe('请填写第 1 块（段落）的文字')
  })

  it('保存草稿 saves a draft that 动态管理 lists under 草稿, edited by 王编辑', async () => {
    await logInAs('editor')
    const { navigateTo } = spyNavigation()
    const title = uniqueTitle('页面测试草稿')
    const editor = await openNewEditor()
    await fillValidArticle(title)
    tap('保存草稿')
    expect(await screen.findByText(/^已保存草稿（\d\d:\d\d）$/)).toBeInTheDocument()
    expect(screen.getByText('草稿')).toBeInTheDocument()
    expect(screen.queryByText('有未保存的修改（已暂存在本机）')).not.toBeInTheDocument()
    editor.unmount()

    renderPage(<StaffNewsListPage />)
    await screen.findAllByRole('link')
    fireEvent.click(within(screen.getByRole('group', { name: '状态' })).getByText('草稿'))
    const row = (await screen.findByText(title)).closest('[role="link"]') as HTMLElement
    expect(within(row).getByText('草稿')).toBeInTheDocument()
    expect(within(row).getByText(`${STAFF_ACCOUNTS.editor.displayName} 修改于 2026年11月24日 10:00`)).toBeInTheDocument()
    expect(await workerNewsTitled(title)).toEqual([])

    fireEvent.click(row)
    const id = row.getAttribute('data-news-id')!
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: routes.staffNewsEdit(id) }))
  })

  it('发布 publishes at once: workers see it, and 撤下 takes it away again', async () => {
    await logInAs('editor')
    spyNavigation()
    const title = uniqueTitle('页面测试发布')
    await openNewEditor()
    await fillValidArticle(title)
    tap('发布')
    expect(await screen.findByText('已发布，职工现在就能看到')).toBeInTheDocument()
    expect(screen.getByText('已发布')).toBeInTheDocument()

    const seen = await workerNewsTitled(title)
    expect(seen).toHaveLength(1)
    const article = await apiJson<{ blocks: unknown[] }>(`/api/news/${seen[0].id}`)
    expect(article.blocks).toEqual([{ type: 'paragraph', text: '页面测试写的第一段正文。' }])

    tap('撤下')
    tap('确定撤下')
    expect(await screen.findByText('已撤下，职工端不再显示这篇动态')).toBeInTheDocument()
    expect(await workerNewsTitled(title)).toEqual([])
  })

  it('定时发布 publishes at the chosen Beijing time: listed as 定时发布, not shown to workers before then', async () => {
    await logInAs('editor')
    spyNavigation()
    const title = uniqueTitle('页面测试定时')
    const editor = await openNewEditor()
    await fillValidArticle(title)
    tap('定时发布')
    // The clock stands at 2026-11-24 10:00 Beijing time: tomorrow 09:00 is offered.
    expect(screen.getByRole('button', { name: '发布日期' })).toHaveTextContent('2026-11-25')
    expect(screen.getByRole('button', { name: '发布时间' })).toHaveTextContent('09:00')
    tap('确认定时发布')

    expect(await screen.findByText('已定时发布：将于 2026年11月25日 09:00 对职工可见')).toBeInTheDocument()
    expect(screen.getByText('定时发布 2026年11月25日 09:00')).toBeInTheDocument()
    expect(await workerNewsTitled(title)).toEqual([])
    editor.unmount()

    renderPage(<StaffNewsListPage />)
    fireEvent.click(within(screen.getByRole('group', { name: '状态' })).getByText('已发布'))
    const row = (await screen.findByText(title)).closest('[role="link"]') as HTMLElement
    expect(within(row).getByText('定时发布 2026年11月25日 09:00')).toBeInTheDocument()
  })
})

describe('编辑已发布的动态', () => {
  it('取消置顶 and marking it 示例 reach workers with the next save', async () => {
    const wang = await otherSession('editor')
    const title = uniqueTitle('页面测试置顶')
    const created = await wang.request<StaffNewsArticle>('POST', '/api/staff/news', { ...validInput(title), pinned: true })
    await wang.request('POST', `/api/staff/news/${created.id}/publish`, { version: created.version })
    await logInAs('editor')
    spyNavigation()
    renderPage(<StaffNewsEditPage />, { id: created.id })

    expect(await screen.findByText('已发布')).toBeInTheDocument()
    expect(screen.getByText('保存修改')).toBeInTheDocument()
    expect(screen.queryByText('保存草稿')).not.toBeInTheDocument()
    expect((await workerNewsTitled(title))[0].pinned).toBe(true)

    tap('取消置顶')
    expect(await screen.findByText(/^已保存（\d\d:\d\d），职工端已同步更新$/)).toBeInTheDocument()
    expect(screen.queryByText('取消置顶')).not.toBeInTheDocument()
    expect((await workerNewsTitled(title))[0].pinned).toBe(false)

    fireEvent.click(await switchIn('sample', '示例内容'))
    await typeInto('sampleNote', '活动日期为示例')
    tap('保存修改')
    expect(await screen.findByText(/^已保存（\d\d:\d\d），职工端已同步更新$/)).toBeInTheDocument()
    const seen = (await workerNewsTitled(title))[0]
    expect(seen.sample).toBe(true)
    expect(seen.sampleNote).toBe('活动日期为示例')
  })
})
