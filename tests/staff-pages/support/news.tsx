/**
 * The news editor as a staffer uses it, for the news page tests: its blocks, its category picker, a valid article
 * typed in, and what workers can see of it straight from the worker API.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import StaffNewsEditPage from '@/packages/staff/news-edit/index'
import type { NewsInput, NewsSummary, Page } from '@/domain'
import { apiJson } from '../../app/page-helpers'
import { renderPage } from '../../app/support/render-page'
import { field, typeInto } from './editor'

/** The checkbox inside Taro's H5 switch, once the web component has drawn it. */
export async function switchIn(name: string, label: string): Promise<HTMLInputElement> {
  let input: HTMLInputElement | null = null
  await waitFor(() => {
    input = within(field(name)).getByLabelText(label).querySelector('input')
    expect(input).not.toBeNull()
  })
  return input!
}

/** The body blocks as the staffer sees them: each block's own label, in order. */
export function blockLabels(): string[] {
  return screen.queryAllByRole('group').flatMap((group) => {
    const label = group.getAttribute('aria-label') ?? ''
    return /^第 \d+ 块/.test(label) ? [label] : []
  })
}

export function block(label: string): HTMLElement {
  return screen.getByRole('group', { name: label })
}

/** 栏目 through Taro's picker: open it and confirm the first choice, 思想引领. */
export async function chooseFirstCategory() {
  fireEvent.click(within(field('category')).getByRole('button', { name: '栏目' }))
  fireEvent.click(await screen.findByText('确定'))
  await waitFor(() => expect(field('category')).toHaveTextContent('思想引领'))
}

export async function fillValidArticle(title: string) {
  await typeInto('title', title)
  await chooseFirstCategory()
  await typeInto('summary', '页面测试写的摘要。')
  await typeInto('blocks.0.text', '页面测试写的第一段正文。')
}

export async function openNewEditor() {
  const view = renderPage(<StaffNewsEditPage />)
  await screen.findByText('新动态 · 尚未保存')
  return view
}

/** Worker-side news found by the worker search, i.e. what workers can see right now. */
export async function workerNewsTitled(title: string): Promise<NewsSummary[]> {
  const page = await apiJson<Page<NewsSummary>>(`/api/news?q=${encodeURIComponent(title)}`)
  return page.items.filter((item) => item.title === title)
}

export function validInput(title: string): NewsInput {
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
