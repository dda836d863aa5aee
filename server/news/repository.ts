/**
 * News as workers see it: published articles only (status published and publishedAt not in the future, so staff can
 * schedule a post; drafts and withdrawn articles never show),
 * pinned first, then newest first.
 */
import { sql } from 'kysely'
import { type NewsArticle, type NewsCategory, type NewsSummary, type Page } from '@/domain'
import { instantOf, type ClockChange } from '../core/db/content-version'
import type { Db } from '../core/db/database'
import { listPage } from '../core/db/paging'
import { NEWS_SUMMARY_COLUMNS, newsArticleFromRow, newsSummaryFromRow } from './rows'
import { LIKE_ESCAPE, containsPattern } from './search-text'

export interface NewsListQuery {
  category?: NewsCategory
  /** Already trimmed; empty means no keyword. */
  keyword?: string
  page: number
}

/** A scheduled article appears at its time: workers' answers change then without a write (a draft's planned time changes nothing). */
export const nextNewsChange: ClockChange = async (db, now) => {
  const row = await db
    .selectFrom('news')
    .select((eb) => eb.fn.min<string | null>('published_at').as('at'))
    .where('status', '=', 'published')
    .where('published_at', '>', now.toISOString())
    .executeTakeFirst()
  return instantOf(row?.at)
}

export function createNewsRepository(db: Db) {
  function published(nowIso: string, query: Omit<NewsListQuery, 'page'> = {}) {
    let select = db.selectFrom('news').where('status', '=', 'published').where('published_at', '<=', nowIso)
    if (query.category) select = select.where('category', '=', query.category)
    if (query.keyword) {
      const pattern = containsPattern(query.keyword)
      select = select.where(sql<boolean>`search_text like ${pattern} escape ${sql.lit(LIKE_ESCAPE)}`)
    }
    return select
  }

  async function newest(nowIso: string, query: Omit<NewsListQuery, 'page'>, limit: number, offset: number) {
    const rows = await published(nowIso, query)
      .select(NEWS_SUMMARY_COLUMNS)
      .orderBy('pinned', 'desc')
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute()
    return rows.map(newsSummaryFromRow)
  }

  return {
    async list(query: NewsListQuery, now: Date): Promise<Page<NewsSummary>> {
      const nowIso = now.toISOString()
      return listPage(
        query.page,
        (limit, offset) => newest(nowIso, query, limit, offset),
        () =>
          published(nowIso, query)
            .select((eb) => eb.fn.countAll().as('total'))
            .executeTakeFirstOrThrow()
      )
    },

    latest(limit: number, now: Date): Promise<NewsSummary[]> {
      return newest(now.toISOString(), {}, limit, 0)
    },

    async find(id: string, now: Date): Promise<NewsArticle | undefined> {
      const row = await published(now.toISOString())
        .select([...NEWS_SUMMARY_COLUMNS, 'blocks', 'source'])
        .where('id', '=', id)
        .executeTakeFirst()
      return row && newsArticleFromRow(row)
    }
  }
}

export type NewsRepository = ReturnType<typeof createNewsRepository>
