/**
 * First start only: fills a new database with the content drawn from the article (server/seed-content.ts).
 * A marker row in `meta` records that seeding happened, so a restart keeps staff edits and deletions instead of
 * bringing seed records back. The marker is written in the same transaction as the content: two API instances
 * starting at once on one PostgreSQL database cannot both seed (the second one's marker insert waits for the first
 * transaction, then finds the row and does nothing).
 */
import { SERVICE_SLUGS, toUtcIso } from '@/domain'
import { DOCUMENT_KEYS, type Db } from './core/db/database'
import { competitionToRow } from './competitions/rows'
import { featuredToRow } from './home/rows'
import { newsToRow } from './news/rows'
import { serviceToRow } from './services/rows'
import { seedContentAt, type seedContent } from './seed-content'
import { SEEDED_MARKER } from './core/db/seeded-at'
import { transaction } from './core/db/transaction'

export { SEEDED_MARKER }

type SeedContent = typeof seedContent

/**
 * Returns true when it seeded, false when the database had been seeded before. `now` is the first start: sample
 * competitions are dated relative to it (seedContentAt); the sample activities have their own once-seed
 * (activities/seed.ts).
 */
export async function seedIfEmpty(db: Db, { now = new Date(), content = seedContentAt(now) }: { content?: SeedContent; now?: Date } = {}): Promise<boolean> {
  return transaction(db, async (trx) => {
    const marker = await trx
      .insertInto('meta')
      .values({ key: SEEDED_MARKER, value: now.toISOString() })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .executeTakeFirst()
    if (Number(marker.numInsertedOrUpdatedRows ?? 0) === 0) return false

    if (content.news.length > 0) {
      await trx.insertInto('news').values(content.news.map(newsToRow)).execute()
    }
    if (content.competitions.length > 0) {
      await trx.insertInto('competitions').values(content.competitions.map(competitionToRow)).execute()
    }
    if (content.services.length > 0) {
      const services = [...content.services].sort((a, b) => SERVICE_SLUGS.indexOf(a.slug) - SERVICE_SLUGS.indexOf(b.slug))
      await trx
        .insertInto('services')
        .values(services.map((service) => serviceToRow(service, SERVICE_SLUGS.indexOf(service.slug))))
        .execute()
    }
    if (content.featured.length > 0) {
      await trx.insertInto('featured').values(content.featured.map(featuredToRow)).execute()
    }
    const updatedAt = toUtcIso(now.toISOString())
    await trx
      .insertInto('documents')
      .values([
        { key: DOCUMENT_KEYS.plan, body: JSON.stringify(content.plan), updated_at: updatedAt },
        { key: DOCUMENT_KEYS.hotline, body: JSON.stringify(content.hotline), updated_at: updatedAt }
      ])
      .execute()
    return true
  })
}
