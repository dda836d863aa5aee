/**
 * The one way the server opens a transaction: `transaction(db, async (trx) => …)`.
 *
 * On PostgreSQL two transactions can meet in a deadlock (40P01: each holds a row the other wants) or, at stricter
 * isolation, a serialization failure (40001). PostgreSQL then rolls one of them back whole, and running it again is
 * the documented answer: the work is tried again up to TRANSACTION_ATTEMPTS times, after a short random pause so
 * the two do not meet again in step. The work must therefore touch nothing outside the database (no files, no
 * network) — it may run more than once. SQLite has one writer at a time and never reports either.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { PostgresAdapter, type Transaction } from 'kysely'
import type { Database, Db } from './database'

export const TRANSACTION_ATTEMPTS = 5

/** SQLSTATE serialization_failure and deadlock_detected. */
const RETRYABLE_STATES = new Set(['40001', '40P01'])

export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && RETRYABLE_STATES.has(code)
}

export async function transaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work)
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableConflict(error)) throw error
      await sleep(Math.random() * 20 * attempt)
    }
  }
}

/** Row locks (SELECT … FOR UPDATE) exist on PostgreSQL only; SQLite's single writer already serialises writes. */
export function takesRowLocks(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
