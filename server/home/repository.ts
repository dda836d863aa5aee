/** The pieces of the app that are one of a kind: the 首页 swiper, the plan page, the hotline. */
import type { FeaturedItem, Hotline, Plan } from '../../src/domain'
import { DOCUMENT_KEYS, type Db } from '../core/db/database'
import { featuredFromRow } from '../news/rows'

export function createSiteRepository(db: Db) {
  async function documentBody<T>(key: string): Promise<T> {
    const row = await db.selectFrom('documents').select('body').where('key', '=', key).executeTakeFirst()
    // Seeded on first start and never deleted: a missing document is a broken database, not a user error.
    if (!row) throw new Error(`documents 表缺少 ${key}`)
    return JSON.parse(row.body) as T
  }

  return {
    async featured(): Promise<FeaturedItem[]> {
      const rows = await db.selectFrom('featured').selectAll().orderBy('position').execute()
      return rows.map(featuredFromRow)
    },
    plan: () => documentBody<Plan>(DOCUMENT_KEYS.plan),
    hotline: () => documentBody<Hotline>(DOCUMENT_KEYS.hotline)
  }
}

export type SiteRepository = ReturnType<typeof createSiteRepository>
