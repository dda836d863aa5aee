/**
 * Activities (活动): one row per activity; the article blocks and the contact point are JSON text, read and written
 * whole. The content-revision triggers of migration 0002 are added for it, so a staff edit reaches cached worker
 * answers on the next request. A cancellation is stored with its time and reason; the status is derived from the
 * dates, never stored.
 *
 * Trigger syntax differs between the two databases, so this migration is built for one dialect, as 0002 and 0004 are.
 */
import { sql, type Kysely, type Migration } from 'kysely'
import type { DbDialect } from '../create-db'

async function run(db: Kysely<any>, statement: string): Promise<void> {
  await sql.raw(statement).execute(db)
}

const SQLITE_EVENTS = ['insert', 'update', 'delete'] as const

export function activitiesMigration(dialect: DbDialect): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('activities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('cover', 'text')
        .addColumn('signup_starts_at', 'text', (c) => c.notNull())
        .addColumn('signup_ends_at', 'text', (c) => c.notNull())
        .addColumn('event_starts_at', 'text', (c) => c.notNull())
        .addColumn('event_ends_at', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('station_code', 'text')
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('eligibility', 'text', (c) => c.notNull())
        .addColumn('women_only', 'integer', (c) => c.notNull())
        .addColumn('review_required', 'integer', (c) => c.notNull())
        .addColumn('cancelled_at', 'text')
        .addColumn('cancel_reason', 'text')
        .addColumn('blocks', 'text', (c) => c.notNull())
        .addColumn('contact', 'text')
        .addColumn('sample', 'integer', (c) => c.notNull())
        .addColumn('sample_note', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', 'text')
        .addColumn('updated_by', 'text')
        .execute()
      await db.schema.createIndex('activities_event_starts_at').on('activities').columns(['event_starts_at', 'id']).execute()
      await db.schema.createIndex('activities_kind').on('activities').columns(['kind', 'event_starts_at']).execute()

      if (dialect === 'postgres') {
        // bump_content_revision() is migration 0002's function.
        await run(
          db,
          `create trigger activities_bumps_content_revision
           after insert or update or delete or truncate on activities
           for each statement execute function bump_content_revision()`
        )
        return
      }
      for (const event of SQLITE_EVENTS) {
        await run(
          db,
          `create trigger activities_${event}_bumps_content_revision after ${event} on activities
           begin update content_revision set revision = revision + 1 where id = 1; end`
        )
      }
    },

    async down(db) {
      if (dialect === 'postgres') {
        await run(db, 'drop trigger activities_bumps_content_revision on activities')
      } else {
        for (const event of SQLITE_EVENTS) await run(db, `drop trigger activities_${event}_bumps_content_revision`)
      }
      await db.schema.dropTable('activities').execute()
    }
  }
}
