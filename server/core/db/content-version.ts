/**
 * What a cached answer depends on: the content revision (moved by triggers on every write), and the clock.
 * Answers change with time even when nothing is written: an article scheduled for 9:00 appears at 9:00, a
 * competition turns from 报名中 to 进行中 the millisecond after sign-up closes. nextChangeAfter() finds the next
 * such instant, with the same inclusive bounds as competitionStatus() and the news repository.
 */
import { sql } from 'kysely'
import type { Db } from './database'

const MILLISECOND = 1

export function createContentVersionRepository(db: Db) {
  // Compiled once: this runs on every cached request, so skip Kysely's query building and compiling each time.
  const revisionQuery = db.selectFrom('content_revision').select('revision').where('id', '=', 1).compile()

  async function earliest(
    table: 'news' | 'competitions',
    column: 'published_at' | 'signup_starts_at' | 'signup_ends_at' | 'event_ends_at',
    operator: '>' | '>=',
    nowIso: string
  ): Promise<string | null> {
    let query = db
      .selectFrom(table)
      .select(sql<string | null>`min(${sql.ref(column)})`.as('at'))
      .where(sql.ref(column), operator, nowIso)
    // A draft's planned time changes nothing workers see.
    if (table === 'news') query = query.where(sql.ref('status'), '=', 'published')
    const row = await query.executeTakeFirst()
    return row?.at ?? null
  }

  return {
    async revision(): Promise<number> {
      const { rows } = await db.executeQuery(revisionQuery)
      return Number(rows[0]?.revision ?? 0)
    },

    /** Epoch milliseconds of the next instant an answer could change without a write; Infinity if none. */
    async nextChangeAfter(now: Date): Promise<number> {
      const nowIso = now.toISOString()
      const [publishes, signupOpens, signupCloses, eventEnds] = await Promise.all([
        earliest('news', 'published_at', '>', nowIso),
        earliest('competitions', 'signup_starts_at', '>', nowIso),
        // Sign-up is still open at signupEndsAt itself; the status changes one millisecond later. Same for the event.
        earliest('competitions', 'signup_ends_at', '>=', nowIso),
        earliest('competitions', 'event_ends_at', '>=', nowIso)
      ])
      const instants = [
        publishes && Date.parse(publishes),
        signupOpens && Date.parse(signupOpens),
        signupCloses && Date.parse(signupCloses) + MILLISECOND,
        eventEnds && Date.parse(eventEnds) + MILLISECOND
      ].filter((instant): instant is number => typeof instant === 'number')
      return instants.length > 0 ? Math.min(...instants) : Infinity
    }
  }
}

export type ContentVersionRepository = ReturnType<typeof createContentVersionRepository>
