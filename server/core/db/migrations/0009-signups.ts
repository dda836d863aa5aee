/**
 * Sign-ups (报名) for competitions and activities, one mechanism for both (server/signups/).
 *
 * - `signup_events`: one row per event that has had a sign-up: the counters the rules read (places taken, how many
 *   wait, the next queue number) and the event's check-in secret. Every change of an event's sign-ups first locks
 *   this row (PostgreSQL `SELECT … FOR UPDATE` after an insert-if-missing; SQLite has a single writer), so 200 workers
 *   signing up at once for 50 places are counted one after the other: exactly 50 places, the rest queued in order.
 * - `signups`: one row per attempt that landed. What the worker typed is ONE sealed JSON (`fields_enc`, the field
 *   cipher of server/core/crypto.ts); only the masked phone is kept in clear, for lists. A worker has at most one live
 *   sign-up per event (the partial unique index), and an idempotency key makes a retried submit answer the first
 *   result instead of making a second sign-up.
 *
 * No content-revision trigger: sign-ups change no cached worker answer (availability is read fresh), and a rush of
 * them must not throw away every cached page.
 */
import { sql, type Kysely } from 'kysely'

/** The states of src/domain/signups.ts LIVE_STATES; kept here as text: a migration never changes with the code. */
const LIVE_STATES_SQL = `('pending', 'confirmed', 'waitlisted', 'checked-in')`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signup_events')
    /** 'activity' | 'competition' */
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    /** Sign-ups holding a place: 待审核, 报名成功, 已签到. */
    .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
    /** 候补中. */
    .addColumn('waitlisted', 'integer', (c) => c.notNull().defaultTo(0))
    /** The queue number the next sign-up takes (1, 2, …): the waitlist's order. */
    .addColumn('next_seq', 'integer', (c) => c.notNull().defaultTo(1))
    /** Hex of 32 random bytes: the key of the event's 6-digit check-in codes (server/signups/check-in-code.ts). */
    .addColumn('check_in_secret', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('signup_events_pk', ['event_type', 'event_id'])
    .execute()

  await db.schema
    .createTable('signups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('worker_id', 'text', (c) => c.notNull().references('workers.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    /** src/domain/signups.ts SIGNUP_STATES */
    .addColumn('state', 'text', (c) => c.notNull())
    /** Sealed JSON of SignupFields (name, phone, employer, trade?, years?). */
    .addColumn('fields_enc', 'text', (c) => c.notNull())
    /** 138****1234: what every list shows. */
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    /** 未通过: the staffer's reason; cancelled by the event: why. */
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    /** When the state (or reason) last changed. */
    .addColumn('updated_at', 'text', (c) => c.notNull())
    /**
     * When the worker last saw it (their own action, or 我的报名). NULL: changed by someone else since (promoted,
     * reviewed, checked in by hand, the event called off) → the 「有变化」 mark until 我的报名 is read.
     */
    .addColumn('seen_at', 'text')
    .addColumn('checked_in_at', 'text')
    /** The staffer who checked the worker in by hand; NULL when the worker typed or scanned the code. */
    .addColumn('checked_in_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('signups_idempotency_unique', ['worker_id', 'idempotency_key'])
    .execute()

  // One live sign-up per worker per event. Partial indexes read the same in SQLite and PostgreSQL.
  await sql.raw(`create unique index signups_one_live_idx on signups (event_type, event_id, worker_id) where state in ${LIVE_STATES_SQL}`).execute(db)
  // An event's list and its waitlist in queue order (promotion takes the first waitlisted by seq).
  await db.schema.createIndex('signups_event_idx').on('signups').columns(['event_type', 'event_id', 'state', 'seq']).execute()
  // 我的报名.
  await db.schema.createIndex('signups_worker_idx').on('signups').column('worker_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signups').execute()
  await db.schema.dropTable('signup_events').execute()
}
