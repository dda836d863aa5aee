/**
 * Group commit: many small transactions that arrive together share one COMMIT — and so one sync to disk.
 *
 * Why: a sign-up is answered 报名成功 only once its commit is on disk (SQLite runs `synchronous = FULL`). SQLite has
 * one writer, so each commit waits for the one before it, and a sync costs milliseconds: fifty workers tapping 提交
 * at once would queue fifty syncs one after another. Here the works that arrive while a transaction is running wait
 * for it to end, then run one after another inside ONE transaction, each in its own savepoint (a work that throws
 * undoes only its own writes), and one COMMIT makes them all durable. Nobody is answered before that commit.
 *
 * What a work sees is exactly what it would see alone: the works run in order, each after the previous one's writes,
 * and SQLite's single writer already ran them one at a time. A work must not touch anything outside the database
 * (as with transaction()): if the COMMIT fails, every work of the batch fails with it.
 *
 * PostgreSQL keeps many connections, syncs concurrent commits together by itself, and a row lock serialises only
 * what must be serialised: there each work is its own transaction() (with its retries on a deadlock).
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import { sql, type Transaction } from 'kysely'
import type { Database, Db } from './database'
import { takesRowLocks, transaction } from './transaction'

/** At most this many works share one COMMIT, so a long queue still gets answers in steady steps. */
export const GROUP_COMMIT_MAX_BATCH = 64

export interface GroupCommit {
  /** Runs `work` in a transaction shared with the works queued beside it; resolves after the COMMIT is durable. */
  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>
}

interface Job {
  work: (trx: Transaction<Database>) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

export function createGroupCommit(db: Db): GroupCommit {
  if (takesRowLocks(db)) return { run: (work) => transaction(db, work) }

  const queue: Job[] = []
  let flushing = false

  async function runBatch(batch: Job[]): Promise<void> {
    const outcomes: Outcome[] = []
    try {
      await db.transaction().execute(async (trx) => {
        for (const job of batch) {
          await sql`savepoint group_commit`.execute(trx)
          try {
            outcomes.push({ ok: true, value: await job.work(trx) })
          } catch (error) {
            await sql`rollback to savepoint group_commit`.execute(trx)
            outcomes.push({ ok: false, error })
          }
          await sql`release savepoint group_commit`.execute(trx)
        }
      })
    } catch (error) {
      for (const job of batch) job.reject(error)
      return
    }
    batch.forEach((job, index) => {
      const outcome = outcomes[index]
      if (outcome.ok) job.resolve(outcome.value)
      else job.reject(outcome.error)
    })
  }

  async function flush(): Promise<void> {
    flushing = true
    try {
      while (queue.length > 0) {
        // SQLite runs a whole batch without giving the event loop a turn (its calls are synchronous, the awaits only
        // microtasks), so requests that came in meanwhile have not reached run() yet: one turn of the loop lets them
        // join the batch about to start.
        await nextTurn()
        await runBatch(queue.splice(0, GROUP_COMMIT_MAX_BATCH))
      }
    } finally {
      flushing = false
    }
  }

  return {
    run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
        if (!flushing) void flush()
      })
    }
  }
}
