/**
 * The notifications outbox (server/core/outbox/): a message to a worker is a row written in the transaction of the
 * change it reports, sent later by the drainer; and the one-time subscribe-message grants a worker gave in WeChat
 * (one row per worker and template id, with how many sends are left).
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** The worker's id (never an openid: that is looked up when sending). */
    .addColumn('recipient', 'text', (c) => c.notNull())
    /** 'signup-result', 'event-change' (SUBSCRIBE_TEMPLATES); its template id comes from the configuration. */
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('page', 'text', (c) => c.notNull())
    /** JSON: the template's fields, before they are fitted to WeChat's limits. */
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    /** While a drainer is sending it: no other drainer claims it before this instant. */
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('outbox_created_idx').on('outbox').column('created_at').execute()

  await db.schema
    .createTable('subscription_grants')
    .addColumn('worker_id', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    /** Sends left: each 「允许」 in WeChat's dialog is one; each message sent uses one. */
    .addColumn('remaining', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subscription_grants_pk', ['worker_id', 'template_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('subscription_grants').execute()
  await db.schema.dropTable('outbox').execute()
}
