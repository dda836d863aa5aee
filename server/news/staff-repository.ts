/**
 * News as staff edit it: every status, every change versioned and written together with its audit record.
 *
 * A change names the version the editor loaded. The update itself carries `where version = ?`, so of two editors
 * who loaded the same version only the first one's save lands, on SQLite and PostgreSQL alike, without locks held
 * across requests; the second gets the stored version back and is told who saved before them.
 *
 * Workers read through the news repository, which shows status 'published' with published_at reached: publishing
 * sets both, withdrawing moves the status away. The revision triggers of migration 0002 make cached worker answers
 * follow on the next request.
 */
import { randomBytes } from 'node:crypto'
import { sql, type Selectable, type Transaction, type Updateable } from 'kysely'
import { PAGE_SIZE, beijing, pageOffset, toPage, toUtcIso, type NewsArticle, type Page } from '../../src/domain'
import type { NewsInput, NewsStatus, StaffMe, StaffNewsArticle, StaffNewsSummary, Versioned } from '../../src/domain/staff'
import { recordAudit } from '../core/audit'
import type { Database, Db, NewsTable } from '../core/db/database'
import { NEWS_SUMMARY_COLUMNS, newsArticleFromRow, newsSummaryFromRow, newsToRow, type NewsSummaryRow } from './rows'
import { newsSearchText } from './search-text'
import { transaction } from '../core/db/transaction'

const STAFF_SUMMARY_COLUMNS = [...NEWS_SUMMARY_COLUMNS, 'status', 'version', 'updated_at', 'updated_by'] as const
const STAFF_ARTICLE_COLUMNS = [...STAFF_SUMMARY_COLUMNS, 'blocks', 'source'] as const

type StaffSummaryRow = NewsSummaryRow & Pick<Selectable<NewsTable>, 'status' | 'version' | 'updated_at' | 'updated_by'>
type StaffArticleRow = StaffSummaryRow & Pick<NewsTable, 'blocks' | 'source'>

/** Rows the seed wrote were never saved by a staffer: their last change is their publication. */
function versionedFromRow(row: StaffSummaryRow): Versioned & { status: NewsStatus } {
  return {
    status: row.status as NewsStatus,
    version: row.version,
    updatedAt: row.updated_at ?? row.published_at,
    ...(row.updated_by === null ? {} : { updatedBy: row.updated_by })
  }
}

export function staffNewsSummaryFromRow(row: StaffSummaryRow): StaffNewsSummary {
  return { ...newsSummaryFromRow(row), ...versionedFromRow(row) }
}

export function staffNewsArticleFromRow(row: StaffArticleRow): StaffNewsArticle {
  return { ...newsArticleFromRow(row), ...versionedFromRow(row) }
}

/** The columns an editor's input sets; search_text is derived from them on every write, never left stale. */
function inputColumns(input: NewsInput): Updateable<NewsTable> {
  return {
    title: input.title,
    category: input.category,
    summary: input.summary,
    cover: input.cover,
    pinned: input.pinned ? 1 : 0,
    blocks: JSON.stringify(input.blocks),
    sample: input.sample ? 1 : 0,
    sample_note: input.sampleNote,
    search_text: newsSearchText(input)
  }
}

/** Short, URL-safe, sortable by creation day, e.g. 20261124-3f9a2c0b: matches CONTENT_ID_PATTERN. */
export function newNewsId(now: Date): string {
  return `${beijing(now.toISOString()).format('YYYYMMDD')}-${randomBytes(4).toString('hex')}`
}

export type Editor = Pick<StaffMe, 'id' | 'displayName'>

export type ChangeResult =
  | { status: 'ok'; article: StaffNewsArticle }
  | { status: 'not-found' }
  | { status: 'conflict'; current: StaffNewsArticle }
  /** The change does not apply to the article as it is (e.g. withdrawing a draft). */
  | { status: 'refused'; current: StaffNewsArticle }

interface Change {
  action: 'update' | 'publish' | 'unpublish'
  /** What to set besides version and updated_at/by; undefined refuses the change for this article. */
  columns: (before: StaffNewsArticle) => Updateable<NewsTable> | undefined
  summary: (after: StaffNewsArticle) => string
}

const ID_ATTEMPTS = 5

export function createStaffNewsRepository(db: Db) {
  function findIn(executor: Db | Transaction<Database>, id: string) {
    return executor.selectFrom('news').select(STAFF_ARTICLE_COLUMNS).where('id', '=', id).executeTakeFirst()
  }

  async function change(id: string, expectedVersion: number, editor: Editor, now: Date, spec: Change): Promise<ChangeResult> {
    return transaction(db, async (trx): Promise<ChangeResult> => {
      const beforeRow = await findIn(trx, id)
      if (!beforeRow) return { status: 'not-found' }
      const before = staffNewsArticleFromRow(beforeRow)
      if (before.version !== expectedVersion) return { status: 'conflict', current: before }
      const columns = spec.columns(before)
      if (!columns) return { status: 'refused', current: before }

      const result = await trx
        .updateTable('news')
        .set({ ...columns, version: expectedVersion + 1, updated_at: now.toISOString(), updated_by: editor.displayName })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) {
        // Another save landed between the read above and this update: the stored row is the one to report.
        const currentRow = await findIn(trx, id)
        return currentRow ? { status: 'conflict', current: staffNewsArticleFromRow(currentRow) } : { status: 'not-found' }
      }

      const after = staffNewsArticleFromRow((await findIn(trx, id))!)
      await recordAudit(trx, {
        staff: editor,
        action: spec.action,
        entity: 'news',
        entityId: id,
        summary: spec.summary(after),
        before,
        after,
        at: now
      })
      return { status: 'ok', article: after }
    })
  }

  function whereStatus(status: NewsStatus | undefined) {
    const select = db.selectFrom('news')
    return status ? select.where('status', '=', status) : select
  }

  return {
    /** Every status, the last edited first (an article never saved by staff counts from its publication). */
    async list(query: { page: number; status?: NewsStatus }): Promise<Page<StaffNewsSummary>> {
      const offset = pageOffset(query.page)
      const rows = await whereStatus(query.status)
        .select(STAFF_SUMMARY_COLUMNS)
        .orderBy(sql`coalesce(updated_at, published_at)`, 'desc')
        .orderBy('id')
        .limit(PAGE_SIZE)
        .offset(offset)
        .execute()
      const { total } = await whereStatus(query.status)
        .select((eb) => eb.fn.countAll().as('total'))
        .executeTakeFirstOrThrow()
      return toPage(rows.map(staffNewsSummaryFromRow), query.page, Number(total))
    },

    async find(id: string): Promise<StaffNewsArticle | undefined> {
      const row = await findIn(db, id)
      return row && staffNewsArticleFromRow(row)
    },

    /** A draft: workers see nothing of it until it is published. */
    async create(input: NewsInput, editor: Editor, now: Date): Promise<StaffNewsArticle> {
      const nowIso = now.toISOString()
      for (let attempt = 1; ; attempt++) {
        const id = newNewsId(now)
        const created = await transaction(db, async (trx) => {
          // publishedAt is required of every article; a draft's is its creation time until it is published.
          const article: NewsArticle = {
            id,
            title: input.title,
            category: input.category,
            summary: input.summary,
            publishedAt: nowIso,
            pinned: input.pinned,
            sample: input.sample,
            blocks: input.blocks,
            ...(input.cover === null ? {} : { cover: input.cover }),
            ...(input.sampleNote === null ? {} : { sampleNote: input.sampleNote })
          }
          const inserted = await trx
            .insertInto('news')
            .values({ ...newsToRow(article), status: 'draft', version: 1, updated_at: nowIso, updated_by: editor.displayName })
            .onConflict((conflict) => conflict.column('id').doNothing())
            .executeTakeFirst()
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return undefined
          const after = staffNewsArticleFromRow((await findIn(trx, id))!)
          await recordAudit(trx, {
            staff: editor,
            action: 'create',
            entity: 'news',
            entityId: id,
            summary: `新建动态《${after.title}》`,
            before: null,
            after,
            at: now
          })
          return after
        })
        if (created) return created
        // 4 random bytes a day make a clash very unlikely; a few fresh tries make it practically impossible.
        if (attempt >= ID_ATTEMPTS) throw new Error('could not find a free news id')
      }
    },

    /** Saves the editor's input; status and publication time stay as they are. */
    update(id: string, input: NewsInput, expectedVersion: number, editor: Editor, now: Date): Promise<ChangeResult> {
      return change(id, expectedVersion, editor, now, {
        action: 'update',
        columns: () => inputColumns(input),
        summary: (after) => `修改动态《${after.title}》`
      })
    },

    /** Published at `at` (absent: now). A time still to come schedules it: workers see it from that instant. */
    publish(id: string, at: string | undefined, expectedVersion: number, editor: Editor, now: Date): Promise<ChangeResult> {
      const publishedAt = at === undefined ? now.toISOString() : toUtcIso(at)
      const scheduled = Date.parse(publishedAt) > now.getTime()
      return change(id, expectedVersion, editor, now, {
        action: 'publish',
        columns: () => ({ status: 'published', published_at: publishedAt }),
        summary: (after) =>
          scheduled
            ? `定时发布动态《${after.title}》（${beijing(publishedAt).format('YYYY年M月D日 HH:mm')}）`
            : `发布动态《${after.title}》`
      })
    },

    /** Withdrawn: gone from the worker's list, 首页 and detail page; a published-but-scheduled one is cancelled. */
    unpublish(id: string, expectedVersion: number, editor: Editor, now: Date): Promise<ChangeResult> {
      return change(id, expectedVersion, editor, now, {
        action: 'unpublish',
        columns: (before) => (before.status === 'published' ? { status: 'withdrawn' } : undefined),
        summary: (after) => `撤下动态《${after.title}》`
      })
    }
  }
}

export type StaffNewsRepository = ReturnType<typeof createStaffNewsRepository>
