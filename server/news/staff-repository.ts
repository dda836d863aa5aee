/**
 * News as staff edit it: every status; every change (save, publish, withdraw) goes through the one versioned write
 * path (server/core/versioned/write.ts) — withdrawing an article that is not published is its decide() refusing.
 *
 * Workers read through the news repository, which shows status 'published' with published_at reached: publishing
 * sets both, withdrawing moves the status away. The revision triggers of migration 0002 make cached worker answers
 * follow on the next request.
 */
import { sql, type Selectable, type Updateable } from 'kysely'
import {
  beijing,
  PAGE_SIZE,
  pageOffset,
  toPage,
  toUtcIso,
  type NewsArticle,
  type NewsInput,
  type NewsStatus,
  type Page,
  type StaffNewsArticle,
  type StaffNewsSummary,
  type Versioned
} from '@/domain'
import type { Db } from '../core/db/database'
import { firstVersion, insertUnlessTaken, updateWhereVersion, versionedCreate, versionedWrite } from '../core/versioned/write'
import type { Decision, EditResult, Editor, Executor, Refusal, VersionedRecord } from '../core/versioned/write'
import { NEWS_SUMMARY_COLUMNS, newsArticleFromRow, newsSummaryFromRow, newsToRow, type NewsSummaryRow, type NewsTable } from './rows'
import { newsSearchText } from './search-text'

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

/** A change to an article: the columns to set (besides the version columns), or a refusal. */
type NewsChange = Updateable<NewsTable>

function findIn(executor: Executor, id: string) {
  return executor.selectFrom('news').select(STAFF_ARTICLE_COLUMNS).where('id', '=', id).executeTakeFirst()
}

const newsRecord: VersionedRecord<string, StaffNewsArticle, NewsChange> = {
  entity: 'news',
  async read(executor, id) {
    const row = await findIn(executor, id)
    return row && staffNewsArticleFromRow(row)
  },
  write: (executor, id, columns, stamp) => updateWhereVersion(executor, 'news', { column: 'id', value: id }, columns, stamp)
}

/** Withdrawing applies to a published article only. */
export const NOT_PUBLISHED: Refusal = { status: 409, code: 'NOT_PUBLISHED', message: '该动态尚未发布，无需撤下' }

export function createStaffNewsRepository(db: Db) {
  const change = (
    id: string,
    expectedVersion: number,
    editor: Editor,
    now: Date,
    decide: (before: StaffNewsArticle) => Decision<StaffNewsArticle, NewsChange>
  ) => versionedWrite(db, newsRecord, { key: id, expectedVersion, editor, now, decide })

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

    find: (id: string): Promise<StaffNewsArticle | undefined> => newsRecord.read(db, id),

    /** A draft: workers see nothing of it until it is published. */
    create(input: NewsInput, editor: Editor, now: Date): Promise<StaffNewsArticle> {
      const nowIso = now.toISOString()
      return versionedCreate(db, {
        entity: 'news',
        now,
        editor,
        async insert(trx, id) {
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
          return insertUnlessTaken(trx.insertInto('news').values({ ...newsToRow(article), status: 'draft', ...firstVersion(editor, now) }))
        },
        read: (trx, id) => newsRecord.read(trx, id),
        summary: (after) => `新建动态《${after.title}》`
      })
    },

    /** Saves the editor's input; status and publication time stay as they are. */
    update(id: string, input: NewsInput, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffNewsArticle>> {
      return change(id, expectedVersion, editor, now, () => ({
        change: inputColumns(input),
        action: 'update',
        summary: (after) => `修改动态《${after.title}》`
      }))
    },

    /** Published at `at` (absent: now). A time still to come schedules it: workers see it from that instant. */
    publish(id: string, at: string | undefined, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffNewsArticle>> {
      const publishedAt = at === undefined ? now.toISOString() : toUtcIso(at)
      const scheduled = Date.parse(publishedAt) > now.getTime()
      return change(id, expectedVersion, editor, now, () => ({
        change: { status: 'published', published_at: publishedAt },
        action: 'publish',
        summary: (after) =>
          scheduled ? `定时发布动态《${after.title}》（${beijing(publishedAt).format('YYYY年M月D日 HH:mm')}）` : `发布动态《${after.title}》`
      }))
    },

    /** Withdrawn: gone from the worker's list, 首页 and detail page; a published-but-scheduled one is cancelled. */
    unpublish(id: string, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffNewsArticle>> {
      return change(id, expectedVersion, editor, now, (before) =>
        before.status === 'published'
          ? { change: { status: 'withdrawn' }, action: 'unpublish', summary: (after) => `撤下动态《${after.title}》` }
          : { refuse: NOT_PUBLISHED }
      )
    }
  }
}

export type StaffNewsRepository = ReturnType<typeof createStaffNewsRepository>
