/**
 * The content-revision triggers (migration 0002's bump_content_revision) as each migration adds them to a content
 * table: on PostgreSQL one trigger per statement (a bulk insert moves the revision once), on SQLite one per row and
 * event (a bulk insert moves it once per row, which is just as good). Trigger syntax differs between the two
 * databases, so the migrations that use these are built for one dialect.
 */
import { sql, type Kysely } from 'kysely'
import type { DbDialect } from '../create-db'

export async function run(db: Kysely<any>, statement: string): Promise<void> {
  await sql.raw(statement).execute(db)
}

const SQLITE_EVENTS = ['insert', 'update', 'delete'] as const

/** Every change to `table` moves the content revision (bump_content_revision() must exist on PostgreSQL). */
export async function addRevisionTriggers(db: Kysely<any>, dialect: DbDialect, table: string): Promise<void> {
  if (dialect === 'postgres') {
    await run(
      db,
      `create trigger ${table}_bumps_content_revision
       after insert or update or delete or truncate on ${table}
       for each statement execute function bump_content_revision()`
    )
    return
  }
  for (const event of SQLITE_EVENTS) {
    await run(
      db,
      `create trigger ${table}_${event}_bumps_content_revision after ${event} on ${table}
       begin update content_revision set revision = revision + 1 where id = 1; end`
    )
  }
}

export async function dropRevisionTriggers(db: Kysely<any>, dialect: DbDialect, table: string): Promise<void> {
  if (dialect === 'postgres') {
    await run(db, `drop trigger ${table}_bumps_content_revision on ${table}`)
    return
  }
  for (const event of SQLITE_EVENTS) await run(db, `drop trigger ${table}_${event}_bumps_content_revision`)
}
