/**
 * What the news editor suites share on top of the staff desk: a draft's input, creating and publishing through the
 * editors' API, and the worker answers a change must show in.
 */
import type { HomeData, NewsArticle, NewsSummary, Page, NewsInput, StaffNewsArticle } from '@/domain'
import type { StaffDesk } from './staff-desk'
import { getJson } from './test-app'

export function draftInput(overrides: Partial<NewsInput> = {}): NewsInput {
  return {
    title: '密云区总工会开展职工技能培训',
    category: '产改赋能',
    summary: '面向一线职工的技能培训在区职工之家举行。',
    cover: null,
    pinned: false,
    blocks: [
      { type: 'heading', text: '培训内容' },
      { type: 'paragraph', text: '培训围绕电工安全操作规范展开，共有 60 名职工参加。' }
    ],
    sample: false,
    sampleNote: null,
    ...overrides
  }
}

export const ids = (items: { id: string }[]) => items.map((item) => item.id)

export function newsDesk(desk: StaffDesk) {
  return {
    async createDraft(overrides: Partial<NewsInput> = {}, staffer = desk.editor): Promise<StaffNewsArticle> {
      const { status, body } = await desk.send('POST', '/news', staffer, draftInput(overrides))
      expect(status).toBe(201)
      return body
    },

    async publish(article: Pick<StaffNewsArticle, 'id' | 'version'>, at?: string, staffer = desk.editor): Promise<StaffNewsArticle> {
      const { status, body } = await desk.send(
        'POST',
        `/news/${article.id}/publish`,
        staffer,
        at === undefined ? { version: article.version } : { version: article.version, at }
      )
      expect(status).toBe(200)
      return body
    },

    workerList: async (query = '') => (await getJson<Page<NewsSummary>>(desk.app, `/api/news${query}`)).body,
    workerHome: async () => (await getJson<HomeData>(desk.app, '/api/home')).body,
    workerDetail: (id: string) => getJson<NewsArticle>(desk.app, `/api/news/${id}`)
  }
}
