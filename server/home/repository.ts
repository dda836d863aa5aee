/** What 首页 reads that is its own: the featured swiper and the hotline. */
import type { FeaturedItem, Hotline } from '@/domain'
import { DOCUMENT_KEYS, type Db } from '../core/db/database'
import { requireDocument } from '../core/db/documents'
import { featuredFromRow } from './rows'

export function createHomeRepository(db: Db) {
  return {
    async featured(): Promise<FeaturedItem[]> {
      const rows = await db.selectFrom('featured').selectAll().orderBy('position').execute()
      return rows.map(featuredFromRow)
    },
    hotline: async (): Promise<Hotline> => (await requireDocument<Hotline>(db, DOCUMENT_KEYS.hotline)).body
  }
}

export type HomeRepository = ReturnType<typeof createHomeRepository>
