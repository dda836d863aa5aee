/**
 * Activities as workers read them, with their status derived from the dates at request time. The filters and the
 * order run in SQL (so paging stays correct) on the same inclusive bounds as activityStatus() in src/domain; every
 * record sent still gets its status from activityStatus() itself. Also what the sign-up part reads of an activity
 * (findActivityEvent).
 */
import { sql } from 'kysely'
import { activityStatus, type Activity, type ActivityKind, type ActivitySummary, type Page, type SignupEvent } from '@/domain'
import { signupDatesChange, type ClockChange } from '../core/db/content-version'
import type { Db } from '../core/db/database'
import { listPage } from '../core/db/paging'
import { signupDatesFromRow } from '../core/db/row-helpers'
import type { Executor } from '../core/versioned/write'
import { ACTIVITY_SUMMARY_COLUMNS, activityFromRow, activitySummaryFromRow, type ActivitySummaryRow } from './rows'

export interface ActivityListQuery {
  kind?: ActivityKind
  /** Only those a worker can sign up for now (「可报名」): sign-up open and not called off. */
  open?: boolean
  page: number
}

/** An activity's status flips by the clock: when sign-up opens, and one millisecond after sign-up and the event end. */
export const nextActivityChange: ClockChange = signupDatesChange('activities')

/**
 * What a worker wants first: everything still to come or under way, the soonest to start first; then the ended and
 * the called-off ones, the latest first. Timestamps are UTC text of one fixed length, so text comparison is time order.
 */
function workerOrder(nowIso: string) {
  const over = sql<number>`case when event_ends_at < ${nowIso} or cancelled_at is not null then 1 else 0 end`
  const comingFirst = sql<string>`case when event_ends_at >= ${nowIso} and cancelled_at is null then event_starts_at end`
  const latestOverFirst = sql<string>`case when event_ends_at < ${nowIso} or cancelled_at is not null then event_starts_at end`
  return { over, comingFirst, latestOverFirst }
}

function summaryWithStatus(row: ActivitySummaryRow, now: Date): ActivitySummary {
  return activitySummaryFromRow(row, activityStatus(signupDatesFromRow(row), now))
}

/**
 * An activity as the sign-up mechanism sees it: its window, places and review rule, whether staff called it off.
 * Undefined when there is none. Activities ask name, phone and employer only.
 */
export async function findActivityEvent(executor: Executor, id: string): Promise<SignupEvent | undefined> {
  const row = await executor
    .selectFrom('activities')
    .select(['id', 'title', 'place', 'capacity', 'review_required', 'cancelled_at', 'signup_starts_at', 'signup_ends_at', 'event_starts_at', 'event_ends_at'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    type: 'activity',
    id: row.id,
    title: row.title,
    place: row.place,
    dates: signupDatesFromRow(row),
    capacity: row.capacity,
    reviewRequired: row.review_required === 1,
    cancelled: row.cancelled_at !== null,
    extraFields: []
  }
}

export function createActivitiesRepository(db: Db) {
  function matching(nowIso: string, query: Omit<ActivityListQuery, 'page'>) {
    let select = db.selectFrom('activities')
    if (query.kind) select = select.where('kind', '=', query.kind)
    if (query.open) {
      // Mirrors isOpenForSignup(): the window includes both of its ends.
      select = select.where('signup_starts_at', '<=', nowIso).where('signup_ends_at', '>=', nowIso).where('cancelled_at', 'is', null)
    }
    return select
  }

  async function inWorkerOrder(now: Date, query: Omit<ActivityListQuery, 'page'>, limit: number, offset: number) {
    const nowIso = now.toISOString()
    const order = workerOrder(nowIso)
    const rows = await matching(nowIso, query)
      .select(ACTIVITY_SUMMARY_COLUMNS)
      .orderBy(order.over)
      .orderBy(order.comingFirst)
      .orderBy(order.latestOverFirst, 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute()
    return rows.map((row) => summaryWithStatus(row, now))
  }

  return {
    list(query: ActivityListQuery, now: Date): Promise<Page<ActivitySummary>> {
      return listPage(
        query.page,
        (limit, offset) => inWorkerOrder(now, query, limit, offset),
        () =>
          matching(now.toISOString(), query)
            .select((eb) => eb.fn.countAll().as('total'))
            .executeTakeFirstOrThrow()
      )
    },

    async find(id: string, now: Date): Promise<Activity | undefined> {
      const row = await db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst()
      return row && activityFromRow(row, activityStatus(signupDatesFromRow(row), now))
    }
  }
}

export type ActivitiesRepository = ReturnType<typeof createActivitiesRepository>
