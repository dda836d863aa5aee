/**
 * A content revision number that the database itself moves forward on every change to any content table.
 * The API caches whole serialized answers per revision (server/core/http/response-cache.ts). Triggers, not
 * application code, bump it, so no write path can forget to (a staff screen added later, an operator fixing a typo
 * in psql or the sqlite3 shell), and every API instance sharing one PostgreSQL database sees the change on its next
 * request.
 *
 * Trigger syntax differs between the two databases, so this migration is built for one dialect.
 */
import { sql, type Kysely, type Migration } from 'kysely'
import type { DbDialect } from '../create-db'

export const CONTENT_TABLES = ['news', 'competitions', 'services', 'featured', 'documents'] as const

async function run(db: Kysely<any>, statement: string): Promise<void> {
  await sql.raw(statement).execute(db)
}

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
        for (const table of CONTENT_TABLES) {
          // Once per statement: a bulk insert moves the revision once.
          await run(
            db,
            `create trigger ${table}_bumps_content_revision
             after insert or update or delete or truncate on ${table}
             for each statement execute function bump_content_revision()`
          )
        }
        return
      }

      for (const table of CONTENT_TABLES) {
        for (const event of ['insert', 'update', 'delete']) {
          // SQLite triggers run per row; a bulk insert moves the revision once per row, which is just as good.
          await run(
            db,
            `create trigger ${table}_${event}_bumps_content_revision after ${event} on ${table}
             begin update content_revision set revision = revision + 1 where id = 1; end`
          )
        }
      }
    },

    async down(db) {
      if (dialect === 'postgres') {
        for (const table of CONTENT_TABLES) await run(db, `drop trigger ${table}_bumps_content_revision on ${table}`)
        await run(db, 'drop function bump_content_revision()')
      } else {
        for (const table of CONTENT_TABLES) {
          for (const event of ['insert', 'update', 'delete']) await run(db, `drop trigger ${table}_${event}_bumps_content_revision`)
        }
      }
      await db.schema.dropTable('content_revision').execute()
    }
  }
}
