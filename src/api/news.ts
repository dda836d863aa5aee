import type { NewsArticle, NewsCategory, NewsSummary } from '../domain/news'
import type { Page } from '../domain/paging'
import { get, peek, type Loaded, type Peeked } from './client'
import { offlineNewsFirstPage } from './offline-content'

export interface NewsQuery {
  category?: NewsCategory
  q?: string
  page?: number
}

/**
 * One page (20 items) of news, newest first, filtered by category and keyword.
 * Only the unfiltered first page has bundled content: that is what 动态 opens with on a first start offline.
 */
export function listNews({ category, q, page = 1 }: NewsQuery = {}): Promise<Loaded<Page<NewsSummary>>> {
  const keyword = q?.trim() || undefined
  const unfilteredFirstPage = page === 1 && !category && !keyword
  return get<Page<NewsSummary>>('/api/news', {
    query: { category, q: keyword, page },
    bundled: unfilteredFirstPage ? offlineNewsFirstPage : undefined
  })
}

const articlePath = (id: string) => `/api/news/${encodeURIComponent(id)}`

export function getNews(id: string): Promise<Loaded<NewsArticle>> {
  return get<NewsArticle>(articlePath(id))
}

export function peekNews(id: string): Peeked<NewsArticle> | undefined {
  return peek<NewsArticle>(articlePath(id))
}
