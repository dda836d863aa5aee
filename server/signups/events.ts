/**
 * The events a worker signs up for, whichever slice keeps them (activities, competitions), in the one SignupEvent
 * shape, and the `signup_events` row every change of an event's sign-ups locks first.
 */
import { randomBytes } from 'node:crypto'
import { sql, type RawBuilder } from 'kysely'
import type { Availability, SignupEvent, SignupEventType } from '@/domain'
import { findActivityEvent } from '../activities/repository'
import { findCompetitionEvent } from '../competitions/repository'
import type { Db } from '../core/db/database'
import { takesRowLocks } from '../core/db/transaction'
import type { Executor } from '../core/versioned/write'
import './rows'

const FINDERS: Record<SignupEventType, (executor: Executor, id: string) => Promise<SignupEvent | undefined>> = {
  activity: findActivityEvent,
  competition: findCompetitionEvent
}

export function findSignupEvent(executor: Executor, type: SignupEventType, id: string): Promise<SignupEvent | undefined> {
  return FINDERS[type](executor, id)
}

export interface EventCounters {
  taken: number
  waitlisted: number
  next_seq: number
  check_in_secret: string
}

/**
 * The event's counters row, created on first use and locked until the transaction ends (PostgreSQL: FOR UPDATE;
 * SQLite: its single writer already holds every write in turn). Everything that moves a place goes through here.
 */
export async function lockEventCounters(trx: Executor, type: SignupEventType, id: string): Promise<EventCounters> {
  await trx
    .insertInto('signup_events')
    .values({ event_type: type, event_id: id, check_in_secret: randomBytes(32).toString('hex') })
    .onConflict((conflict) => conflict.columns(['event_type', 'event_id']).doNothing())
    .execute()
  const query = trx
    .selectFrom('signup_events')
    .select(['taken', 'waitlisted', 'next_seq', 'check_in_secret'])
    .where('event_type', '=', type)
    .where('event_id', '=', id)
  return (takesRowLocks(trx as Db) ? query.forUpdate() : query).executeTakeFirstOrThrow()
}

/** Moves the counters by the given amounts (the row is locked by lockEventCounters in the same transaction). */
export async function moveCounters(
  trx: Executor,
  event: Pick<SignupEvent, 'type' | 'id'>,
  change: Partial<Record<'taken' | 'waitlisted' | 'next_seq', number>>
): Promise<void> {
  const set: Partial<Record<'taken' | 'waitlisted' | 'next_seq', RawBuilder<number>>> = {}
  for (const column of ['taken', 'waitlisted', 'next_seq'] as const) {
    const by = change[column]
    if (by) set[column] = sql<number>`${sql.ref(column)} + ${by}`
  }
  if (Object.keys(set).length === 0) return
  await trx.updateTable('signup_events').set(set).where('event_type', '=', event.type).where('event_id', '=', event.id).execute()
}

/** Places as they stand: the event's capacity and its counters (none yet: nothing taken). */
export async function readAvailability(executor: Executor, event: Pick<SignupEvent, 'type' | 'id' | 'capacity'>): Promise<Availability> {
  const row = await executor
    .selectFrom('signup_events')
    .select(['taken', 'waitlisted'])
    .where('event_type', '=', event.type)
    .where('event_id', '=', event.id)
    .executeTakeFirst()
  return { capacity: event.capacity, taken: row?.taken ?? 0, waitlisted: row?.waitlisted ?? 0 }
}
