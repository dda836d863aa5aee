/**
 * The content tables of the read path. Migrations take Kysely<any>: they describe the schema as it was at that
 * step, so they must not follow later changes of the Database interface.
 */
import type { Kysely } from 'kysely'
import { signupEventDateColumns } from './columns'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('news')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('cover', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sample_note', 'text')
    .addColumn('blocks', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute()
  // The list order (pinned first, newest first), with and without a category.
  await db.schema.createIndex('news_list_idx').on('news').columns(['pinned', 'published_at']).execute()
  await db.schema.createIndex('news_category_list_idx').on('news').columns(['category', 'pinned', 'published_at']).execute()

  await db.schema
    .createTable('competitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('trade', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('cover', 'text')
    .$call(signupEventDateColumns)
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sample_note', 'text')
    .addColumn('organizer', 'text', (c) => c.notNull())
    .addColumn('quota', 'integer')
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('awards', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .execute()
  await db.schema.createIndex('competitions_trade_idx').on('competitions').column('trade').execute()

  await db.schema
    .createTable('services')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tagline', 'text', (c) => c.notNull())
    .addColumn('icon', 'text', (c) => c.notNull())
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sample_note', 'text')
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('who', 'text', (c) => c.notNull())
    .addColumn('how', 'text', (c) => c.notNull())
    .addColumn('contacts', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('featured')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text')
    .addColumn('image', 'text')
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sample_note', 'text')
    .execute()

  await db.schema
    .createTable('documents')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['meta', 'documents', 'featured', 'services', 'competitions', 'news']) {
    await db.schema.dropTable(table).execute()
  }
}
