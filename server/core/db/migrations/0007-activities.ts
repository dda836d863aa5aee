/**
 * Activities (活动): one row per activity; the article blocks and the contact point are JSON text, read and written
 * whole. The content-revision triggers of migration 0002 are added for it, so a staff edit reaches cached worker
 * answers on the next request. A cancellation is stored with its time and reason; the status is derived from the
 * dates, never stored.
 *
 * Trigger syntax differs between the two databases, so this migration is built for one dialect, as 0002 and 0004 are.
 */
import type { Migration } from 'kysely'
import type { DbDialect } from '../create-db'
import { addRevisionTriggers, dropRevisionTriggers } from './revision-triggers'
import { signupEventDateColumns } from './columns'

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
        .$call(signupEventDateColumns)
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

      // bump_content_revision() is migration 0002's function.
      await addRevisionTriggers(db, dialect, 'activities')
    },

    async down(db) {
      await dropRevisionTriggers(db, dialect, 'activities')
      await db.schema.dropTable('activities').execute()
    }
  }
}
