/**
 * Competitions, services, the plan page and the 首页 featured list as staff edit them. Every save names the version
 * the editor loaded and is written in one transaction with its audit record.
 *
 * The version check is part of the write itself (`update … where version = ?`, then the affected rows are counted),
 * so of two editors who loaded the same version only the first save lands, on SQLite and PostgreSQL alike, without
 * holding locks across requests. The second gets the stored version back, with who saved it and when.
 *
 * Where that version lives:
 * - competitions and services: their own version / updated_at / updated_by columns;
 * - the plan: documents.version and documents.updated_at; the documents table has no editor column, so the name of
 *   the last editor is kept in meta under 'plan_updated_by';
 * - the featured list (saved as a whole, many rows): meta 'featured_version' (missing = 1, never saved), with
 *   'featured_updated_at' and 'featured_updated_by' beside it.
 * Records the seed wrote and nobody has saved since count as last changed when the database was seeded.
 *
 * Workers read through the other repositories. The revision triggers of migration 0002 fire on every write to the
 * content tables, so cached worker answers follow on the next request.
 */
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import {
  beijing,
  competitionStatus,
  isContentId,
  type Competition,
  type FeaturedItem,
  type Plan,
  type ServiceSlug
} from '../../src/domain'
import {
  LIMITS,
  type CompetitionInput,
  type FieldProblem,
  type ServiceInput,
  type StaffCompetition,
  type StaffCompetitionSummary,
  type StaffFeatured,
  type StaffMe,
  type StaffPlan,
  type StaffService,
  type Versioned
} from '../../src/domain/staff'
import { recordAudit } from '../core/audit'
import { DOCUMENT_KEYS, type Database, type Db } from '../core/db/database'
import {
  COMPETITION_SUMMARY_COLUMNS,
  VERSION_COLUMNS,
  competitionFromRow,
  competitionInputColumns,
  competitionSummaryFromRow,
  competitionToRow,
  competitionFromInput,
  featuredFromRow,
  featuredItemFromInput,
  featuredToRow,
  serviceFromRow,
  serviceInputColumns,
  versionedFromRow
} from '../news/rows'
import { SEEDED_MARKER } from '../seed'
import { transaction } from '../core/db/transaction'

/** A transaction or the database itself. */
type Executor = Kysely<Database>

export type Editor = Pick<StaffMe, 'id' | 'displayName'>

export type EditResult<T> =
  | { status: 'ok'; value: T }
  | { status: 'not-found' }
  /** The stored version is not the one the editor loaded. */
  | { status: 'conflict'; current: Versioned }

export const META_KEYS = {
  featuredVersion: 'featured_version',
  featuredUpdatedAt: 'featured_updated_at',
  featuredUpdatedBy: 'featured_updated_by',
  planUpdatedBy: 'plan_updated_by'
} as const

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

const ID_ATTEMPTS = 5
const affected = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows)

/** Short, URL-safe, sortable by creation day, e.g. 20261124-3f9a2c0b: matches CONTENT_ID_PATTERN. */
export function newContentId(now: Date): string {
  return `${beijing(now.toISOString()).format('YYYYMMDD')}-${randomBytes(4).toString('hex')}`
}

export function versionOf(record: Versioned): Versioned {
  return { version: record.version, updatedAt: record.updatedAt, ...(record.updatedBy === undefined ? {} : { updatedBy: record.updatedBy }) }
}

async function metaValue(executor: Executor, key: string): Promise<string | undefined> {
  const row = await executor.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value
}

async function setMeta(executor: Executor, key: string, value: string): Promise<void> {
  await executor
    .insertInto('meta')
    .values({ key, value })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
    .execute()
}

/** When the seed wrote the records nobody has saved since. */
async function seededAt(executor: Executor): Promise<string> {
  const value = await metaValue(executor, SEEDED_MARKER)
  // Written with the seed content in one transaction: without it there is no content to edit either.
  if (value === undefined) throw new Error(`meta 表缺少 ${SEEDED_MARKER}`)
  return value
}

function datesOf(row: { signup_starts_at: string; signup_ends_at: string; event_starts_at: string; event_ends_at: string }) {
  return {
    signupStartsAt: row.signup_starts_at,
    signupEndsAt: row.signup_ends_at,
    eventStartsAt: row.event_starts_at,
    eventEndsAt: row.event_ends_at
  }
}

/** What an audit line says beyond 「修改竞赛《…》」: the two changes workers notice most. */
function competitionChangeSummary(before: Competition, after: Competition): string {
  const notes = [
    before.sample && !after.sample ? '示例信息已换为实际信息' : undefined,
    before.results.length === 0 && after.results.length > 0 ? `公布成绩 ${after.results.length} 条` : undefined
  ].filter((note): note is string => note !== undefined)
  return `修改竞赛《${after.title}》${notes.length > 0 ? `：${notes.join('，')}` : ''}`
}

export function createStaffContentRepository(db: Db) {
  // ——— competitions ———

  async function findCompetition(executor: Executor, id: string, now: Date): Promise<StaffCompetition | undefined> {
    const row = await executor.selectFrom('competitions').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) return undefined
    return { ...competitionFromRow(row, competitionStatus(datesOf(row), now)), ...versionedFromRow(row, await seededAt(executor)) }
  }

  // ——— services ———

  async function findService(executor: Executor, slug: ServiceSlug): Promise<StaffService | undefined> {
    const row = await executor.selectFrom('services').selectAll().where('slug', '=', slug).executeTakeFirst()
    return row && { ...serviceFromRow(row), ...versionedFromRow(row, await seededAt(executor)) }
  }

  // ——— plan ———

  async function readPlan(executor: Executor): Promise<StaffPlan> {
    const row = await executor
      .selectFrom('documents')
      .select(['body', 'version', 'updated_at'])
      .where('key', '=', DOCUMENT_KEYS.plan)
      .executeTakeFirst()
    // Seeded on first start and never deleted: a missing plan is a broken database, not a user error.
    if (!row) throw new Error(`documents 表缺少 ${DOCUMENT_KEYS.plan}`)
    const updatedBy = await metaValue(executor, META_KEYS.planUpdatedBy)
    return {
      plan: JSON.parse(row.body) as Plan,
      version: row.version,
      updatedAt: row.updated_at,
      ...(updatedBy === undefined ? {} : { updatedBy })
    }
  }

  // ——— featured ———

  async function readFeatured(executor: Executor): Promise<StaffFeatured> {
    const rows = await executor.selectFrom('featured').selectAll().orderBy('position').execute()
    const [version, updatedAt, updatedBy] = await Promise.all([
      metaValue(executor, META_KEYS.featuredVersion),
      metaValue(executor, META_KEYS.featuredUpdatedAt),
      metaValue(executor, META_KEYS.featuredUpdatedBy)
    ])
    return {
      items: rows.map(featuredFromRow),
      version: version === undefined ? 1 : Number(version),
      updatedAt: updatedAt ?? (await seededAt(executor)),
      ...(updatedBy === undefined ? {} : { updatedBy })
    }
  }

  /**
   * Moves the list's version from `expected` to the next, or reports that it is no longer `expected`. The row is
   * created first if the list was never saved (version 1), so the move itself is one conditional update: on
   * PostgreSQL a second transaction doing the same waits for the first and then finds the value changed.
   */
  async function advanceFeaturedVersion(executor: Executor, expected: number): Promise<boolean> {
    await executor
      .insertInto('meta')
      .values({ key: META_KEYS.featuredVersion, value: '1' })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .execute()
    const result = await executor
      .updateTable('meta')
      .set({ value: String(expected + 1) })
      .where('key', '=', META_KEYS.featuredVersion)
      .where('value', '=', String(expected))
      .executeTakeFirst()
    return affected(result) === 1
  }

  return {
    competitions: {
      /** Every competition, sample ones too, the latest sign-up first. */
      async list(now: Date): Promise<StaffCompetitionSummary[]> {
        const [rows, unsavedAt] = await Promise.all([
          db
            .selectFrom('competitions')
            .select([...COMPETITION_SUMMARY_COLUMNS, ...VERSION_COLUMNS])
            .orderBy('signup_starts_at', 'desc')
            .orderBy('id')
            .execute(),
          seededAt(db)
        ])
        return rows.map((row) => ({
          ...competitionSummaryFromRow(row, competitionStatus(datesOf(row), now)),
          ...versionedFromRow(row, unsavedAt)
        }))
      },

      find: (id: string, now: Date) => findCompetition(db, id, now),

      async create(input: CompetitionInput, editor: Editor, now: Date): Promise<StaffCompetition> {
        const nowIso = now.toISOString()
        for (let attempt = 1; ; attempt++) {
          const id = newContentId(now)
          const created = await transaction(db, async (trx) => {
            const inserted = await trx
              .insertInto('competitions')
              .values({ ...competitionToRow(competitionFromInput(id, input)), version: 1, updated_at: nowIso, updated_by: editor.displayName })
              .onConflict((conflict) => conflict.column('id').doNothing())
              .executeTakeFirst()
            if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return undefined
            const after = (await findCompetition(trx, id, now))!
            await recordAudit(trx, {
              staff: editor,
              action: 'create',
              entity: 'competition',
              entityId: id,
              summary: `新建竞赛《${after.title}》`,
              before: null,
              after,
              at: now
            })
            return after
          })
          if (created) return created
          // 4 random bytes a day make a clash very unlikely; a few fresh tries make it practically impossible.
          if (attempt >= ID_ATTEMPTS) throw new Error('could not find a free competition id')
        }
      },

      /** Everything the editor shows, results and the sample flag included; the id stays. */
      async update(id: string, input: CompetitionInput, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffCompetition>> {
        return transaction(db, async (trx): Promise<EditResult<StaffCompetition>> => {
          const before = await findCompetition(trx, id, now)
          if (!before) return { status: 'not-found' }
          if (before.version !== expectedVersion) return { status: 'conflict', current: versionOf(before) }
          const result = await trx
            .updateTable('competitions')
            .set({ ...competitionInputColumns(id, input), version: expectedVersion + 1, updated_at: now.toISOString(), updated_by: editor.displayName })
            .where('id', '=', id)
            .where('version', '=', expectedVersion)
            .executeTakeFirst()
          if (affected(result) === 0) {
            // Another save landed between the read above and this update: the stored record is the one to report.
            const current = await findCompetition(trx, id, now)
            return current ? { status: 'conflict', current: versionOf(current) } : { status: 'not-found' }
          }
          const after = (await findCompetition(trx, id, now))!
          await recordAudit(trx, {
            staff: editor,
            action: 'update',
            entity: 'competition',
            entityId: id,
            summary: competitionChangeSummary(before, after),
            before,
            after,
            at: now
          })
          return { status: 'ok', value: after }
        })
      }
    },

    services: {
      find: (slug: ServiceSlug) => findService(db, slug),

      async update(slug: ServiceSlug, input: ServiceInput, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffService>> {
        return transaction(db, async (trx): Promise<EditResult<StaffService>> => {
          const before = await findService(trx, slug)
          if (!before) return { status: 'not-found' }
          if (before.version !== expectedVersion) return { status: 'conflict', current: versionOf(before) }
          const result = await trx
            .updateTable('services')
            .set({ ...serviceInputColumns(before, input), version: expectedVersion + 1, updated_at: now.toISOString(), updated_by: editor.displayName })
            .where('slug', '=', slug)
            .where('version', '=', expectedVersion)
            .executeTakeFirst()
          if (affected(result) === 0) {
            const current = await findService(trx, slug)
            return current ? { status: 'conflict', current: versionOf(current) } : { status: 'not-found' }
          }
          const after = (await findService(trx, slug))!
          await recordAudit(trx, {
            staff: editor,
            action: 'update',
            entity: 'service',
            entityId: slug,
            summary:
              before.sample && !after.sample ? `修改服务「${after.name}」：示例信息已换为实际信息` : `修改服务「${after.name}」`,
            before,
            after,
            at: now
          })
          return { status: 'ok', value: after }
        })
      }
    },

    plan: {
      get: () => readPlan(db),

      /** The whole document: figures, sections and quote are saved together, as the editor shows them together. */
      async update(plan: Plan, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffPlan>> {
        return transaction(db, async (trx): Promise<EditResult<StaffPlan>> => {
          const before = await readPlan(trx)
          if (before.version !== expectedVersion) return { status: 'conflict', current: versionOf(before) }
          const result = await trx
            .updateTable('documents')
            .set({ body: JSON.stringify(plan), version: expectedVersion + 1, updated_at: now.toISOString() })
            .where('key', '=', DOCUMENT_KEYS.plan)
            .where('version', '=', expectedVersion)
            .executeTakeFirst()
          if (affected(result) === 0) return { status: 'conflict', current: versionOf(await readPlan(trx)) }
          await setMeta(trx, META_KEYS.planUpdatedBy, editor.displayName)
          const after = await readPlan(trx)
          await recordAudit(trx, {
            staff: editor,
            action: 'update',
            entity: 'plan',
            entityId: DOCUMENT_KEYS.plan,
            summary: `修改规划页《${after.plan.title}》`,
            before,
            after,
            at: now
          })
          return { status: 'ok', value: after }
        })
      }
    },

    featured: {
      get: () => readFeatured(db),

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
      async replace(items: FeaturedItem[], expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffFeatured>> {
        return transaction(db, async (trx): Promise<EditResult<StaffFeatured>> => {
          const before = await readFeatured(trx)
          if (before.version !== expectedVersion || !(await advanceFeaturedVersion(trx, expectedVersion))) {
            return { status: 'conflict', current: versionOf(await readFeatured(trx)) }
          }
          const nowIso = now.toISOString()
          await trx.deleteFrom('featured').execute()
          if (items.length > 0) await trx.insertInto('featured').values(items.map(featuredToRow)).execute()
          await setMeta(trx, META_KEYS.featuredUpdatedAt, nowIso)
          await setMeta(trx, META_KEYS.featuredUpdatedBy, editor.displayName)
          const after = await readFeatured(trx)
          await recordAudit(trx, {
            staff: editor,
            action: 'update',
            entity: 'featured',
            entityId: 'home',
            summary: `修改首页推荐（共 ${after.items.length} 项）`,
            before,
            after,
            at: now
          })
          return { status: 'ok', value: after }
        })
      }
    }
  }
}

export type StaffContentRepository = ReturnType<typeof createStaffContentRepository>
