/**
 * Workers (an identity only to act: sign up, check in) and their sessions, apart from staff and staff_sessions so
 * a token of one kind is never taken for the other. Personal fields are sealed (server/core/crypto.ts): the openid
 * and the kept form answers are stored as `v1.…` ciphertext; `lookup` is the keyed hash that finds a worker again
 * by openid or device secret without storing either.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** 'wechat' | 'device' */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** HMAC of "wechat:<openid>" or "device:<secret>" (FieldCipher.lookup) */
    .addColumn('lookup', 'text', (c) => c.notNull().unique())
    /** Sealed openid; NULL for a device identity. */
    .addColumn('openid', 'text')
    .addColumn('consent_version', 'integer')
    .addColumn('consent_at', 'text')
    /** Sealed JSON of SignupPrefill; NULL when none is kept. */
    .addColumn('prefill', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('worker_sessions')
    /** SHA-256 of the token, hex. */
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('worker_id', 'text', (c) => c.notNull().references('workers.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    /** last use + WORKER_SESSION_IDLE_DAYS: moved forward on use. */
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('worker_sessions_worker_idx').on('worker_sessions').column('worker_id').execute()
  await db.schema.createIndex('worker_sessions_expires_idx').on('worker_sessions').column('expires_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('worker_sessions').execute()
  await db.schema.dropTable('workers').execute()
}
