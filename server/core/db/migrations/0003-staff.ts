/**
 * Staff accounts, their sessions, login failures and lockouts, the audit log, uploaded images; and what editing
 * needs on the content tables: a news status (draft / published / withdrawn) and a version on every record staff
 * edit, so two staffers cannot silently overwrite each other (the 首页 featured list, saved as a whole, keeps its
 * version in meta under 'featured_version').
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .execute()

  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('staff_sessions_staff_idx').on('staff_sessions').column('staff_id').execute()

  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** "account:<name>" or "address:<ip>" */
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('login_failures_key_idx').on('login_failures').columns(['key', 'at']).execute()

  await db.schema
    .createTable('login_lockouts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('until', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('staff_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute()
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute()
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id', 'at']).execute()

  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('src', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('original_bytes', 'integer', (c) => c.notNull())
    /** JSON: MediaAsset['variants'] */
    .addColumn('variants', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .alterTable('news')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
    .execute()
  await db.schema.createIndex('news_status_list_idx').on('news').columns(['status', 'pinned', 'published_at']).execute()
  for (const table of ['news', 'competitions', 'services', 'documents']) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute()
  }
  for (const table of ['news', 'competitions', 'services']) {
    // Existing rows have no edit time; NULL until a staffer saves them.
    await db.schema.alterTable(table).addColumn('updated_at', 'text').execute()
    await db.schema.alterTable(table).addColumn('updated_by', 'text').execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['news', 'competitions', 'services']) {
    await db.schema.alterTable(table).dropColumn('updated_by').execute()
    await db.schema.alterTable(table).dropColumn('updated_at').execute()
  }
  for (const table of ['news', 'competitions', 'services', 'documents']) {
    await db.schema.alterTable(table).dropColumn('version').execute()
  }
  await db.schema.dropIndex('news_status_list_idx').execute()
  await db.schema.alterTable('news').dropColumn('status').execute()
  for (const table of ['media', 'audit_log', 'login_lockouts', 'login_failures', 'staff_sessions', 'staff']) {
    await db.schema.dropTable(table).execute()
  }
}
