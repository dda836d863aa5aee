/**
 * What a cached answer depends on: the content revision (moved by triggers on every write), and the clock.
 * Answers change with time even when nothing is written: an article scheduled for 9:00 appears at 9:00, a
 * competition turns from 报名中 to 进行中 the millisecond after sign-up closes. Each slice whose worker answers follow
 * the clock contributes a ClockChange (server/repositories.ts lists them); nextChangeAfter() is the earliest of them.
 */
import type { Db } from './database'

/**
 * The next instant (epoch ms) after `now` at which a slice's worker answers change without a write, or null when
 * nothing is scheduled. It must use the same inclusive bounds as the slice's own read rules.
 */
export type ClockChange = (db: Db, now: Date) => Promise<number | null>

/** A `min(...)` of a timestamp column as epoch ms; null when no row qualified. */
export function instantOf(iso: string | null | undefined): number | null {
  return iso ? Date.parse(iso) : null
}

/** The earliest of some instants; null when there is none. */
export function earliestOf(instants: readonly (number | null)[]): number | null {
  const known = instants.filter((instant): instant is number => instant !== null)
  return known.length > 0 ? Math.min(...known) : null
}

export function createContentVersionRepository(db: Db, clockChanges: readonly ClockChange[]) {
  // Compiled once: this runs on every cached request, so skip Kysely's query building and compiling each time.
  const revisionQuery = db.selectFrom('content_revision').select('revision').where('id', '=', 1).compile()

  return {
    async revision(): Promise<number> {
      const { rows } = await db.executeQuery(revisionQuery)
      return Number(rows[0]?.revision ?? 0)
    },

    /** Epoch milliseconds of the next instant an answer could change without a write; Infinity if none. */
    async nextChangeAfter(now: Date): Promise<number> {
      return earliestOf(await Promise.all(clockChanges.map((next) => next(db, now)))) ?? Infinity
    }
  }
}

export type ContentVersionRepository = ReturnType<typeof createContentVersionRepository>
