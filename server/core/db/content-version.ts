/**
 * What a cached answer depends on: the content revision (moved by triggers on every write), and the clock.
 * Answers change with time even when nothing is written: an article scheduled for 9:00 appears at 9:00, a
 * competition turns from 报名中 to 进行中 the millisecond after sign-up closes. Each slice whose worker answers follow
 * the clock contributes a ClockChange (server/repositories.ts lists them); nextChangeAfter() is the earliest of them.
 */
import type { Kysely } from 'kysely'
import type { Database, Db } from './database'

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

/** Tables of dated events (competitions, activities): the sign-up window and the event, as UTC text. */
type SignupDatesTable = {
  [N in keyof Database]: Database[N] extends { signup_starts_at: string; signup_ends_at: string; event_ends_at: string } ? N : never
}[keyof Database]

const MILLISECOND = 1

/**
 * The ClockChange of a table of dated events, on signupStatus()'s inclusive bounds (src/domain/dates.ts): the status
 * flips when sign-up opens, and one millisecond after sign-up and the event end.
 */
export function signupDatesChange(table: SignupDatesTable): ClockChange {
  return async (db, now) => {
    const nowIso = now.toISOString()
    // Kysely cannot type a select over a union of tables; the table names are checked by SignupDatesTable.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the line above
    const untyped = db as unknown as Kysely<any>
    const earliest = async (column: 'signup_starts_at' | 'signup_ends_at' | 'event_ends_at', operator: '>' | '>=') => {
      const row = await untyped
        .selectFrom(table as string)
        .select((eb) => eb.fn.min<string | null>(column).as('at'))
        .where(column, operator, nowIso)
        .executeTakeFirst()
      return instantOf(row?.at)
    }
    const [signupOpens, signupCloses, eventEnds] = await Promise.all([
      earliest('signup_starts_at', '>'),
      // Sign-up is still open at signupEndsAt itself; the status changes one millisecond later. Same for the event.
      earliest('signup_ends_at', '>='),
      earliest('event_ends_at', '>=')
    ])
    return earliestOf([signupOpens, signupCloses === null ? null : signupCloses + MILLISECOND, eventEnds === null ? null : eventEnds + MILLISECOND])
  }
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
