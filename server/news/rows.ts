/** News ⇄ rows: the only place that knows how an article is stored (UTC text, 0/1, JSON blocks, search text). */
import type { Generated, Insertable } from 'kysely'
import { toUtcIso, type NewsArticle, type NewsCategory, type NewsSummary } from '@/domain'
import type { Flag } from '../core/db/database'
import { flag, nullable, optional, sampleColumns, sampleFromRow } from '../core/db/row-helpers'
import { newsSearchText } from './search-text'

export interface NewsTable {
  id: string
  title: string
  category: string
  summary: string
  cover: string | null
  published_at: string
  pinned: Flag
  sample: Flag
  sample_note: string | null
  /** JSON: Block[] */
  blocks: string
  source: string | null
  /** 'draft' | 'published' | 'withdrawn' (NewsStatus); workers see published rows whose published_at has come. */
  status: Generated<string>
  version: Generated<number>
  updated_at: string | null
  /** Display name of the staffer who saved it last. */
  updated_by: string | null
  /** Title, summary and body text, normalised for keyword search (see server/news/search-text.ts). */
  search_text: string
}

declare module '../core/db/database' {
  interface Database {
    news: NewsTable
  }
}

// ——— news ———

export const NEWS_SUMMARY_COLUMNS = [
  'id',
  'title',
  'category',
  'summary',
  'cover',
  'published_at',
  'pinned',
  'sample',
  'sample_note'
] as const satisfies readonly (keyof NewsTable)[]

export type NewsSummaryRow = Pick<NewsTable, (typeof NEWS_SUMMARY_COLUMNS)[number]>

export function newsToRow(article: NewsArticle): Insertable<NewsTable> {
  return {
    id: article.id,
    title: article.title,
    category: article.category,
    summary: article.summary,
    cover: nullable(article.cover),
    published_at: toUtcIso(article.publishedAt),
    pinned: flag(article.pinned),
    ...sampleColumns(article),
    blocks: JSON.stringify(article.blocks),
    source: nullable(article.source),
    search_text: newsSearchText(article)
  }
}

export function newsSummaryFromRow(row: NewsSummaryRow): NewsSummary {
  return {
    id: row.id,
    title: row.title,
    category: row.category as NewsCategory,
    summary: row.summary,
    ...optional('cover', row.cover),
    publishedAt: row.published_at,
    pinned: row.pinned === 1,
    ...sampleFromRow(row)
  }
}

export function newsArticleFromRow(row: NewsSummaryRow & Pick<NewsTable, 'blocks' | 'source'>): NewsArticle {
  return {
    ...newsSummaryFromRow(row),
    blocks: JSON.parse(row.blocks),
    ...optional('source', row.source)
  }
}
