/**
 * A content revision number that the database itself moves forward on every change to any content table.
 * The API caches whole serialized answers per revision (server/core/http/response-cache.ts). Triggers, not
 * application code, bump it, so no write path can forget to (a staff screen added later, an operator fixing a typo
 * in psql or the sqlite3 shell), and every API instance sharing one PostgreSQL database sees the change on its next
 * request.
 *
 * Trigger syntax differs between the two databases, so this migration is built for one dialect.
 */
import { sql, type Migration } from 'kysely'
import type { DbDialect } from '../create-db'
import { addRevisionTriggers, dropRevisionTriggers, run } from './revision-triggers'

export const CONTENT_TABLES = ['news', 'competitions', 'services', 'featured', 'documents'] as const

export function contentRevisionMigration(dialect: DbDialect): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('content_revision')
        .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .execute()
      await db.insertInto('content_revision').values({ id: 1, revision: 1 }).execute()

      if (dialect === 'postgres') {
        await run(
          db,
          `create function bump_content_revision() returns trigger language plpgsql as $$
           begin
             update content_revision set revision = revision + 1 where id = 1;
             return null;
           end $$`
        )
      }
      for (const table of CONTENT_TABLES) await addRevisionTriggers(db, dialect, table)
    },

    async down(db) {
      for (const table of CONTENT_TABLES) await dropRevisionTriggers(db, dialect, table)
      if (dialect === 'postgres') await run(db, 'drop function bump_content_revision()')
      await db.schema.dropTable('content_revision').execute()
    }
  }
}
