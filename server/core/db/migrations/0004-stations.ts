/**
 * Service stations (服务阵地) and their QR scan counts.
 *
 * - `stations`: one row per station; nested parts (amenities, hours, photos) are JSON text, read and written whole.
 *   The content-revision triggers of migration 0002 are added for it, so a staff edit (or an operator's fix in
 *   psql / the sqlite3 shell) reaches cached worker answers on the next request.
 * - `station_scans`: a count per (station, Beijing day, channel), nothing about who scanned. No revision trigger:
 *   workers scan far more often than staff edit, and a scan changes no answer a worker reads, so it must not throw
 *   away every cached answer.
 * - The holiday calendar and the 夏送清凉 period live in the existing `documents` table (key 'station_settings'),
 *   which already has its version column and triggers; the seed writes that row (server/stations/seed.ts).
 *
 * Trigger syntax differs between the two databases, so this migration is built for one dialect, as 0002 is.
 */
import type { Migration } from 'kysely'
import type { DbDialect } from '../create-db'
import { addRevisionTriggers, dropRevisionTriggers } from './revision-triggers'

export function stationsMigration(dialect: DbDialect): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('stations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('town', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        // double precision, not real: PostgreSQL's real keeps ~7 digits, 116.84912 would lose about a metre.
        .addColumn('latitude', 'double precision', (c) => c.notNull())
        .addColumn('longitude', 'double precision', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('amenities', 'text', (c) => c.notNull())
        .addColumn('hours', 'text', (c) => c.notNull())
        .addColumn('photos', 'text', (c) => c.notNull())
        .addColumn('summer_offer', 'text')
        .addColumn('description', 'text')
        .addColumn('closed_reason', 'text')
        .addColumn('sample', 'integer', (c) => c.notNull())
        .addColumn('sample_note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute()

      await db.schema
        .createTable('station_scans')
        .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id').onDelete('cascade'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('station_scans_pk', ['station_id', 'day', 'channel'])
        .execute()

      // bump_content_revision() is migration 0002's function.
      await addRevisionTriggers(db, dialect, 'stations')
    },

    async down(db) {
      await dropRevisionTriggers(db, dialect, 'stations')
      await db.schema.dropTable('station_scans').execute()
      await db.schema.dropTable('stations').execute()
    }
  }
}
