/**
 * The news editor and 动态管理 against the real API, as a staffer uses them: writing the body in blocks, being told
 * what to fix before anything is sent, saving a draft, publishing (now and at a set time) so workers see it, and not
 * losing text when the network fails, the session ends or a colleague saved first.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import StaffNewsEditPage from '../../src/packages/staff/news-edit/index'
import StaffNewsListPage from '../../src/packages/staff/news-list/index'
import { readSession } from '../../src/api/staff/session'
import type { NewsInput, StaffNewsArticle } from '../../src/domain/staff'
import type { NewsSummary, Page } from '../../src/domain/types'
import { routes } from '../../src/routes'
import { apiJson, spyNavigation } from '../app/page-helpers'
import { goOffline, goOnline, recordRequests } from '../app/support/network'
import { renderPage } from '../app/support/render-page'
import { STAFF_ACCOUNTS } from './support/accounts'
import { logInAs, otherSession } from './support/staff'

let serial = 0
/** A title no other test uses, short enough for the worker search (50 characters). */
function uniqueTitle(what: string): string {
  serial += 1
  return `${what}${process.pid % 1000}-${serial}`
}

function field(name: string): HTMLElement {
  const element = document.querySelector(`[data-field="${name}"]`)
  if (!element) throw new Error(`没有字段 ${name}`)
  return element as HTMLElement
}

/** The input or textarea of a field (Taro's H5 textarea draws its <textarea> a moment after it mounts). */
async function control(name: string): Promise<HTMLInputElement | HTMLTextAreaElement> {
  let found: HTMLInputElement | HTMLTextAreaElement | null = null
  await waitFor(() => {
    found = field(name).querySelector('input, textarea')
    expect(found).not.toBeNull()
  })
  return found!
}

async function typeInto(name: string, value: string) {
  fireEvent.input(await control(name), { target: { value } })
}

async function valueOf(name: string): Promise<string> {
  return (await control(name)).value
}

/** The checkbox inside Taro's H5 switch, once the web component has drawn it. */
async function switchIn(name: string, label: string): Promise<HTMLInputElement> {
  let input: HTMLInputElement | null = null
  await waitFor(() => {
    input = within(field(name)).getByLabelText(label).querySelector('input')
    expect(input).not.toBeNull()
  })
  return input!
}

function errorUnder(name: string): string | null {
  return field(name).querySelector('.field__error')?.textContent ?? null
}

/** The body blocks as the staffer sees them: each block's own label, in order. */
function blockLabels(): string[] {
  return screen.queryAllByRole('group').flatMap((group) => {
    const label = group.getAttribute('aria-label') ?? ''
    return /^第 \d+ 块/.test(label) ? [label] : []
  })
}

function block(label: string): HTMLElement {
  return screen.getByRole('group', { name: label })
}

/** 栏目 through Taro's picker: open it and confirm the first choice, 思想引领. */
async function chooseFirstCategory() {
  fireEvent.click(within(field('category')).getByRole('button', { name: '栏目' }))
  fireEvent.click(await screen.findByText('确定'))
  await waitFor(() => expect(field('category')).toHaveTextContent('思想引领'))
}

async function fillValidArticle(title: string) {
  await typeInto('title', title)
  await chooseFirstCategory()
  await typeInto('summary', '页面测试写的摘要。')
  await typeInto('blocks.0.text', '页面测试写的第一段正文。')
}

async function openNewEditor() {
  const view = renderPage(<StaffNewsEditPage />)
  await screen.findByText('新动态 · 尚未保存')
  return view
}

function tap(target: string | RegExp | HTMLElement) {
  fireEvent.click(target instanceof HTMLElement ? target : screen.getByText(target))
}

/** Worker-side news found by the worker search, i.e. what workers can see right now. */
async function workerNewsTitled(title: string): Promise<NewsSummary[]> {
  const page = await apiJson<Page<NewsSummary>>(`/api/news?q=${encodeURIComponent(title)}`)
  return page.items.filter((item) => item.title === title)
}

function validInput(title: string): NewsInput {
  return {
    title,
    category: '关爱暖心',
    summary: '接口直接写入的摘要。',
    cover: null,
    pinned: false,
    blocks: [{ type: 'paragraph', text: '接口直接写入的正文。' }],
    sample: false,
    sampleNote: null
  }
}

beforeEach(() => {
  // jsdom has no layout, so Taro's picker columns measure 0 px tall and say so.
  const warn = console.warn
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('Height measurement anomaly')) warn(...args)
  })
})

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
