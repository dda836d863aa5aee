/**
 * Competitions with their status derived from the dates at request time. The status filter and the order run in
 * SQL (so paging stays correct) on the same inclusive bounds as competitionStatus() in src/domain; every record
 * sent still gets its status from competitionStatus() itself, the one definition the app uses too.
 */
import { sql, type ExpressionBuilder } from 'kysely'
import { competitionStatus, type Competition, type SignupEvent, type CompetitionStatus, type CompetitionSummary, type Page, type Trade } from '@/domain'
import { signupDatesChange, type ClockChange } from '../core/db/content-version'
import type { Database, Db } from '../core/db/database'
import { listPage } from '../core/db/paging'
import { signupDatesFromRow } from '../core/db/row-helpers'
import type { Executor } from '../core/versioned/write'
import { COMPETITION_SUMMARY_COLUMNS, competitionFromRow, competitionSummaryFromRow, type CompetitionSummaryRow } from './rows'

export interface CompetitionListQuery {
  status?: CompetitionStatus
  trade?: Trade
  page: number
}

type Competitions = ExpressionBuilder<Database, 'competitions'>

/**
 * Mirrors competitionStatus(): upcoming before sign-up opens; sign-up open through its end; then ongoing through
 * the end of the event; then ended. Timestamps are UTC text of one fixed length, so text comparison is time order.
 */
function statusIs(status: CompetitionStatus, nowIso: string) {
  return (eb: Competitions) => {
    const opened = eb('signup_starts_at', '<=', nowIso)
    const signupClosed = eb('signup_ends_at', '<', nowIso)
    switch (status) {
      case 'upcoming':
        return eb('signup_starts_at', '>', nowIso)
      case 'signup':
        return eb.and([opened, eb('signup_ends_at', '>=', nowIso)])
      case 'ongoing':
        return eb.and([opened, signupClosed, eb('event_ends_at', '>=', nowIso)])
      case 'ended':
        return eb.and([opened, signupClosed, eb('event_ends_at', '<', nowIso)])
    }
  }
}

/**
 * What a worker wants first: sign-up open (closing soonest first), then ongoing (ending soonest first), then
 * upcoming (opening soonest first), then ended (most recent first).
 */
function workerOrder(nowIso: string) {
  const rank = sql<number>`case
    when signup_starts_at > ${nowIso} then 2
    when signup_ends_at >= ${nowIso} then 0
    when event_ends_at >= ${nowIso} then 1
    else 3 end`
  const soonestFirst = sql<string>`case
    when signup_starts_at > ${nowIso} then signup_starts_at
    when signup_ends_at >= ${nowIso} then signup_ends_at
    when event_ends_at >= ${nowIso} then event_ends_at
    end`
  const latestEndedFirst = sql<string>`case
    when signup_starts_at <= ${nowIso} and signup_ends_at < ${nowIso} and event_ends_at < ${nowIso} then event_ends_at
    end`
  return { rank, soonestFirst, latestEndedFirst }
}

function summaryWithStatus(row: CompetitionSummaryRow, now: Date): CompetitionSummary {
  return competitionSummaryFromRow(row, competitionStatus(signupDatesFromRow(row), now))
}

/** A competition's status flips by the clock: when sign-up opens, and one millisecond after sign-up and the event end. */
export const nextCompetitionChange: ClockChange = signupDatesChange('competitions')

/**
 * A competition as the sign-up mechanism sees it: the quota (none: no limit), the trade and years the form asks,
 * confirmed at once (competitions have no review step and are never called off here). Undefined when there is none.
 */
export async function findCompetitionEvent(executor: Executor, id: string): Promise<SignupEvent | undefined> {
  const row = await executor
    .selectFrom('competitions')
    .select(['id', 'title', 'venue', 'quota', 'signup_starts_at', 'signup_ends_at', 'event_starts_at', 'event_ends_at'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    type: 'competition',
    id: row.id,
    title: row.title,
    place: row.venue,
    dates: signupDatesFromRow(row),
    capacity: row.quota,
    reviewRequired: false,
    cancelled: false,
    extraFields: ['trade', 'years']
  }
}

export function createCompetitionsRepository(db: Db) {
  function matching(nowIso: string, query: Omit<CompetitionListQuery, 'page'>) {
    let select = db.selectFrom('competitions')
    if (query.status) select = select.where(statusIs(query.status, nowIso))
    if (query.trade) select = select.where('trade', '=', query.trade)
    return select
  }

  async function inWorkerOrder(now: Date, query: Omit<CompetitionListQuery, 'page'>, limit: number, offset: number) {
    const nowIso = now.toISOString()
    const order = workerOrder(nowIso)
    const rows = await matching(nowIso, query)
      .select(COMPETITION_SUMMARY_COLUMNS)
      .orderBy(order.rank)
      .orderBy(order.soonestFirst)
      .orderBy(order.latestEndedFirst, 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute()
    return rows.map((row) => summaryWithStatus(row, now))
  }

  return {
    async list(query: CompetitionListQuery, now: Date): Promise<Page<CompetitionSummary>> {
      return listPage(
        query.page,
        (limit, offset) => inWorkerOrder(now, query, limit, offset),
        () =>
          matching(now.toISOString(), query)
            .select((eb) => eb.fn.countAll().as('total'))
            .executeTakeFirstOrThrow()
      )
    },

    /** For 首页: what is on now and what happened recently, in the list's order. */
    current(limit: number, now: Date): Promise<CompetitionSummary[]> {
      return inWorkerOrder(now, {}, limit, 0)
    },

    async find(id: string, now: Date): Promise<Competition | undefined> {
      const row = await db.selectFrom('competitions').selectAll().where('id', '=', id).executeTakeFirst()
      return row && competitionFromRow(row, competitionStatus(signupDatesFromRow(row), now))
    }
  }
}

export type CompetitionsRepository = ReturnType<typeof createCompetitionsRepository>
