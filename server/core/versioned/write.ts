/**
 * The one versioned write path. Every record staff edit (news, competitions, services, the plan, the 首页 featured
 * list, stations, the station settings) is saved through versionedWrite():
 *
 *   read the record → decide (a pure function of the record as stored; it may refuse with a typed reason) →
 *   write with the version check inside the UPDATE (`… where version = expected`, `version = version + 1`) →
 *   the audit record, in the SAME transaction → one EditResult, mapped to HTTP by editOutcome() (./http.ts).
 *
 * The check is part of the write itself, so of two editors who loaded the same version only the first save lands,
 * on SQLite and PostgreSQL alike, without locks held across requests; the second gets the stored version back with
 * who saved it and when. The transaction is core's transaction(): a PostgreSQL deadlock or serialization failure
 * runs the whole read–decide–write again (decide is pure, so running it twice is harmless).
 *
 * Versions are stored one way: `version`, `updated_at`, `updated_by` columns on the row that is edited (for the
 * featured list, its own `featured_list` row; for single documents, their `documents` row — migration 0005).
 */
import { randomBytes } from 'node:crypto'
import { sql, type InsertQueryBuilder, type InsertResult, type Kysely, type Transaction } from 'kysely'
import { beijing, type AuditEntity, type StaffMe, type Versioned } from '@/domain'
import { recordAudit } from '../audit'
import type { Database, Db } from '../db/database'
import { transaction } from '../db/transaction'

/** A transaction or the database itself. */
export type Executor = Kysely<Database> | Transaction<Database>

/** Who saves: the audit log's staffer and the record's updated_by. */
export type Editor = Pick<StaffMe, 'id' | 'displayName'>

/** Why a change does not apply to the record as it is stored: answered with this status, code and message. */
export interface Refusal {
  status: 400 | 409 | 422
  code: string
  message: string
}

export type EditResult<T> =
  | { status: 'ok'; value: T }
  | { status: 'not-found' }
  /** The stored version is not the one the editor loaded. */
  | { status: 'conflict'; current: Versioned }
  /** decide() refused the change; `current` is the stored version. */
  | { status: 'refused'; refusal: Refusal; current: Versioned }

/** What decide() makes of a change: the change to write and how the audit log names it, or a refusal. */
export type Decision<T, C> = { change: C; action: string; summary: (after: T, before: T) => string } | { refuse: Refusal }

/** What the write sets besides the change itself. */
export interface VersionStamp {
  expected: number
  updatedAt: string
  updatedBy: string
}

/** How one kind of record is read and written; one per editable entity, declared in its slice. */
export interface VersionedRecord<K, T extends Versioned, C> {
  entity: AuditEntity
  /** The record as the editor sees it (with its version), or undefined when there is none. */
  read(executor: Executor, key: K): Promise<T | undefined>
  /** Writes `change` only where the stored version is `stamp.expected`; true when it landed. */
  write(executor: Executor, key: K, change: C, stamp: VersionStamp): Promise<boolean>
  /** The audit record's entity id (default: the key). */
  auditId?: (key: K) => string
}

export interface WriteRequest<K, T, C> {
  key: K
  expectedVersion: number
  editor: Editor
  now: Date
  decide: (before: T) => Decision<T, C>
}

export function versionOf(record: Versioned): Versioned {
  return { version: record.version, updatedAt: record.updatedAt, ...(record.updatedBy === undefined ? {} : { updatedBy: record.updatedBy }) }
}

export function versionedWrite<K, T extends Versioned, C>(db: Db, record: VersionedRecord<K, T, C>, request: WriteRequest<K, T, C>): Promise<EditResult<T>> {
  const { key, expectedVersion, editor, now, decide } = request
  return transaction(db, async (trx): Promise<EditResult<T>> => {
    const before = await record.read(trx, key)
    if (!before) return { status: 'not-found' }
    if (before.version !== expectedVersion) return { status: 'conflict', current: versionOf(before) }
    const decision = decide(before)
    if ('refuse' in decision) return { status: 'refused', refusal: decision.refuse, current: versionOf(before) }
    const stamp: VersionStamp = { expected: expectedVersion, updatedAt: now.toISOString(), updatedBy: editor.displayName }
    if (!(await record.write(trx, key, decision.change, stamp))) {
      // Another save landed between the read above and this write: the stored record is the one to report.
      const current = await record.read(trx, key)
      return current ? { status: 'conflict', current: versionOf(current) } : { status: 'not-found' }
    }
    const after = (await record.read(trx, key))!
    await recordAudit(trx, {
      staff: editor,
      action: decision.action,
      entity: record.entity,
      entityId: record.auditId ? record.auditId(key) : String(key),
      summary: decision.summary(after, before),
      before,
      after,
      at: now
    })
    return { status: 'ok', value: after }
  })
}

/** A save of the record as the editor sent it (a decide() that always takes the change), logged as 'update'. */
export function versionedSave<K, T extends Versioned, C>(
  db: Db,
  record: VersionedRecord<K, T, C>,
  request: Omit<WriteRequest<K, T, C>, 'decide'>,
  change: C,
  summary: (after: T, before: T) => string
): Promise<EditResult<T>> {
  return versionedWrite(db, record, { ...request, decide: () => ({ change, action: 'update', summary }) })
}

/** Tables whose rows carry the version columns. */
type VersionedTable = {
  [N in keyof Database]: Database[N] extends { version: unknown; updated_at: unknown; updated_by: unknown } ? N : never
}[keyof Database]

/**
 * The guarded UPDATE every VersionedRecord.write() of a single row uses: sets `columns` and moves the version on,
 * only where the row still has the expected version.
 */
export async function updateWhereVersion<N extends VersionedTable>(
  executor: Executor,
  table: N,
  where: { column: string; value: string },
  columns: Record<string, unknown>,
  stamp: VersionStamp
): Promise<boolean> {
  // Kysely cannot type a column set over a union of tables; the table and key names are checked by the callers' types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the line above
  const untyped = executor as unknown as Kysely<any>
  const result = await untyped
    .updateTable(table as string)
    .set({ ...columns, version: sql`version + 1`, updated_at: stamp.updatedAt, updated_by: stamp.updatedBy })
    .where(where.column, '=', where.value)
    .where('version', '=', stamp.expected)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

const ID_ATTEMPTS = 5

/** Short, URL-safe, sortable by creation day, e.g. 20261124-3f9a2c0b: matches CONTENT_ID_PATTERN. */
export function newContentId(now: Date): string {
  return `${beijing(now.toISOString()).format('YYYYMMDD')}-${randomBytes(4).toString('hex')}`
}

/**
 * A new record at version 1 with its audit record, in one transaction. `insert` returns false when the fresh id
 * (or another unique value it drew) is taken; the whole thing is then tried again with new ones.
 */
export async function versionedCreate<T>(
  db: Db,
  {
    entity,
    now,
    editor,
    newId = newContentId,
    insert,
    read,
    summary
  }: {
    entity: AuditEntity
    now: Date
    editor: Editor
    newId?: (now: Date) => string
    insert: (trx: Executor, id: string) => Promise<boolean>
    read: (trx: Executor, id: string) => Promise<T | undefined>
    summary: (after: T) => string
  }
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const id = newId(now)
    const created = await transaction(db, async (trx) => {
      if (!(await insert(trx, id))) return undefined
      const after = (await read(trx, id))!
      await recordAudit(trx, { staff: editor, action: 'create', entity, entityId: id, summary: summary(after), before: null, after, at: now })
      return after
    })
    if (created) return created
    // 4 random bytes a day make a clash very unlikely; a few fresh tries make it practically impossible.
    if (attempt >= ID_ATTEMPTS) throw new Error(`could not find a free ${entity} id`)
  }
}

/** The version columns of a new record's row: version 1, saved by `editor` at `now`. */
export const firstVersion = (editor: Editor, now: Date) => ({ version: 1, updated_at: now.toISOString(), updated_by: editor.displayName })

/**
 * A versionedCreate() insert: the INSERT `on conflict do nothing`, false when a unique value it drew (the fresh id, a
 * station's code) is taken, so that versionedCreate draws again.
 */
export async function insertUnlessTaken<DB, TB extends keyof DB>(insert: InsertQueryBuilder<DB, TB, InsertResult>): Promise<boolean> {
  const result = await insert.onConflict((conflict) => conflict.doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}
