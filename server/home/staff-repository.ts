/**
 * The 首页 featured list as staff edit it: read, check where each item leads, and replace the whole list (the editor
 * reorders, adds and removes items and saves once) through the one versioned write path. The list's version is its
 * featured_list row (migration 0005), created by its first save: until then the list is at version 1, last changed
 * when the database was seeded, like every record nobody has saved.
 */
import { randomBytes } from 'node:crypto'
import { isContentId, LIMITS, type FeaturedItem, type FieldProblem, type StaffFeatured } from '@/domain'
import type { Db } from '../core/db/database'
import { versionedFromRow } from '../core/db/row-helpers'
import { seededAt } from '../core/db/seeded-at'
import { updateWhereVersion, versionedSave, type EditResult, type Editor, type Executor, type VersionedRecord } from '../core/versioned/write'
import { featuredFromRow, featuredItemFromInput, featuredToRow } from './rows'

export const FEATURED_LIST_ID = 'home'

/** A featured item as an editor sends it: new items come without an id. */
export type FeaturedItemInput = Omit<FeaturedItem, 'id'> & { id?: string }

/** Gives the items sent without an id a new one, unlike any other in the list; ids sent are kept as they are. */
export function withFeaturedIds(items: FeaturedItemInput[]): FeaturedItem[] {
  const taken = new Set(items.flatMap((item) => (item.id === undefined ? [] : [item.id])))
  const freshId = (): string => {
    for (;;) {
      const id = `featured-${randomBytes(4).toString('hex')}`
      if (!taken.has(id)) {
        taken.add(id)
        return id
      }
    }
  }
  return items.map(({ id, ...item }) => featuredItemFromInput(id ?? freshId(), item))
}

async function readFeatured(executor: Executor): Promise<StaffFeatured> {
  const [rows, list] = await Promise.all([
    executor.selectFrom('featured').selectAll().orderBy('position').execute(),
    executor.selectFrom('featured_list').selectAll().where('id', '=', FEATURED_LIST_ID).executeTakeFirst()
  ])
  return {
    items: rows.map(featuredFromRow),
    ...(list ? versionedFromRow(list, list.updated_at) : { version: 1, updatedAt: await seededAt(executor) })
  }
}

/** The version moves on the list's own row; the items are then replaced in the same transaction. */
const featuredRecord: VersionedRecord<typeof FEATURED_LIST_ID, StaffFeatured, FeaturedItem[]> = {
  entity: 'featured',
  read: readFeatured,
  async write(executor, id, items, stamp) {
    // The first save creates the row at version 1, so the move itself is one guarded update: on PostgreSQL a second
    // transaction doing the same waits for the first and then finds the version changed.
    await executor
      .insertInto('featured_list')
      .values({ id, version: 1, updated_at: stamp.updatedAt, updated_by: null })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute()
    if (!(await updateWhereVersion(executor, 'featured_list', { column: 'id', value: id }, {}, stamp))) return false
    await executor.deleteFrom('featured').execute()
    if (items.length > 0) await executor.insertInto('featured').values(items.map(featuredToRow)).execute()
    return true
  }
}

export function createStaffFeaturedRepository(db: Db) {
  return {
    get: (): Promise<StaffFeatured> => readFeatured(db),

    /**
     * What in a list is wrong beyond its fields' own rules: ids that are not URL-safe or appear twice, and targets
     * a worker's tap would not reach — an article not published (or not yet), a competition or service that does not exist.
     */
    async problems(items: FeaturedItem[], now: Date): Promise<FieldProblem[]> {
      const problems: FieldProblem[] = []
      const ofPage = (page: 'newsDetail' | 'competitionDetail') =>
        items.flatMap((item) => (item.target.page === page && isContentId(item.target.id) ? [item.target.id] : []))
      const newsIds = ofPage('newsDetail')
      const competitionIds = ofPage('competitionDetail')
      const serviceSlugs = items.flatMap((item) => (item.target.page === 'serviceDetail' ? [item.target.slug] : []))
      const [publishedNews, competitions, services] = await Promise.all([
        newsIds.length === 0
          ? []
          : db
              .selectFrom('news')
              .select('id')
              .where('id', 'in', newsIds)
              .where('status', '=', 'published')
              .where('published_at', '<=', now.toISOString())
              .execute(),
        competitionIds.length === 0 ? [] : db.selectFrom('competitions').select('id').where('id', 'in', competitionIds).execute(),
        serviceSlugs.length === 0 ? [] : db.selectFrom('services').select('slug').where('slug', 'in', serviceSlugs).execute()
      ])
      const visibleNews = new Set(publishedNews.map((row) => row.id))
      const existingCompetitions = new Set(competitions.map((row) => row.id))
      const existingServices = new Set<string>(services.map((row) => row.slug))
      const firstWithId = new Map<string, number>()

      items.forEach((item, index) => {
        const label = `推荐第 ${index + 1} 项`
        if (!isContentId(item.id)) {
          problems.push({ field: `items.${index}.id`, message: `${label}的编号只能由小写字母、数字和连字符组成（最多 64 位）` })
        } else if (firstWithId.has(item.id)) {
          problems.push({ field: `items.${index}.id`, message: `${label}的编号与第 ${firstWithId.get(item.id)! + 1} 项重复` })
        } else {
          firstWithId.set(item.id, index)
        }
        // The shared rules check a competition's or service's sample note, not a featured item's; same limit here.
        if (item.sampleNote !== undefined && [...item.sampleNote].length > LIMITS.sampleNote) {
          problems.push({
            field: `items.${index}.sampleNote`,
            message: `${label}的示例说明不能超过 ${LIMITS.sampleNote} 字（现 ${[...item.sampleNote].length} 字）`
          })
        }
        const target = item.target
        switch (target.page) {
          case 'newsDetail':
            if (!visibleNews.has(target.id)) {
              problems.push({ field: `items.${index}.target.id`, message: `${label}指向的动态不存在或尚未发布` })
            }
            break
          case 'competitionDetail':
            if (!existingCompetitions.has(target.id)) {
              problems.push({ field: `items.${index}.target.id`, message: `${label}指向的竞赛不存在` })
            }
            break
          case 'serviceDetail':
            // The body schema already refuses a slug outside SERVICE_SLUGS; this catches a database without the row.
            if (!existingServices.has(target.slug)) {
              problems.push({ field: `items.${index}.target.slug`, message: `${label}指向的服务不存在` })
            }
            break
          case 'plan':
            break
        }
      })
      return problems
    },

    /** Replaces the whole list, in the order given. */
    replace(items: FeaturedItem[], expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffFeatured>> {
      return versionedSave(
        db,
        featuredRecord,
        { key: FEATURED_LIST_ID, expectedVersion, editor, now },
        items,
        (after) => `修改首页推荐（共 ${after.items.length} 项）`
      )
    }
  }
}
