/**
 * A worker's own sign-ups: sign up, cancel, check in, 我的报名. Each change runs in ONE transaction that first locks
 * the event's counters row (events.ts), so places are counted one sign-up after another on SQLite and PostgreSQL
 * alike, and a waitlisted worker is promoted in the same transaction that frees the place. These changes come in
 * rushes (a popular class opening): they go through the group commit (core/db/group-commit.ts), so sign-ups arriving
 * together share one synced COMMIT on SQLite, each still answered only once it is on disk.
 */
import { randomBytes } from 'node:crypto'
import {
  IDEMPOTENCY_KEY_REUSED,
  LIVE_STATES,
  admit,
  beijing,
  cancelDecision,
  checkInDecision,
  eventAvailability,
  holdsPlace,
  promotedState,
  remainingPlaces,
  SIGNUP_REFUSALS,
  signupFieldsProblems,
  type EventAvailability,
  type FieldProblem,
  type MySignup,
  type Refusal,
  type SignupEvent,
  type SignupEventType,
  type SignupRequest,
  type SignupState
} from '@/domain'
import type { FieldCipher } from '../core/crypto'
import type { Db } from '../core/db/database'
import { optional } from '../core/db/row-helpers'
import { createGroupCommit } from '../core/db/group-commit'
import type { Executor } from '../core/versioned/write'
import { checkInCodeMatches } from './check-in-code'
import { findSignupEvent, lockEventCounters, moveCounters, readAvailability } from './events'
import { savePrefill } from '../workers/repository'
import { notifySignup } from './notify'
import { openFields, sealFields, type SignupRow } from './rows'

/** 20261124-<16 hex>: sortable by day, unguessable, matches the id parameter pattern. */
export function newSignupId(now: Date): string {
  return `${beijing(now.toISOString()).format('YYYYMMDD')}-${randomBytes(8).toString('hex')}`
}

export type SignUpResult =
  | { status: 'created' | 'existing'; signup: MySignup; availability: EventAvailability }
  | { status: 'not-found' }
  | { status: 'invalid'; problems: FieldProblem[] }
  | { status: 'refused'; refusal: Refusal }

export type ChangeResult =
  { status: 'ok'; signup: MySignup; availability: EventAvailability } | { status: 'not-found' } | { status: 'refused'; refusal: Refusal }

/** 候补中: the place in the queue (1 = next), counted among the event's waitlisted sign-ups by queue number. */
export async function waitlistPosition(executor: Executor, row: Pick<SignupRow, 'event_type' | 'event_id' | 'seq'>): Promise<number> {
  const { count } = await executor
    .selectFrom('signups')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('event_type', '=', row.event_type)
    .where('event_id', '=', row.event_id)
    .where('state', '=', 'waitlisted')
    .where('seq', '<=', row.seq)
    .executeTakeFirstOrThrow()
  return Number(count)
}

/** How 我的报名 shows a sign-up; `event` undefined when the event has since been deleted. */
export async function mySignupOf(executor: Executor, cipher: FieldCipher, row: SignupRow, event: SignupEvent | undefined): Promise<MySignup> {
  const fields = openFields(cipher, row)
  return {
    id: row.id,
    event: {
      type: row.event_type,
      id: row.event_id,
      title: event?.title ?? '（该活动已删除）',
      place: event?.place ?? '',
      eventStartsAt: event?.dates.eventStartsAt ?? row.created_at,
      eventEndsAt: event?.dates.eventEndsAt ?? row.created_at
    },
    state: row.state,
    ...(row.state === 'waitlisted' ? { waitlistPosition: await waitlistPosition(executor, row) } : {}),
    ...optional('reason', row.reason),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...optional('checkedInAt', row.checked_in_at),
    changed: row.seen_at === null,
    fields: {
      name: fields.name,
      phoneMasked: row.phone_masked,
      employer: fields.employer,
      ...optional('trade', fields.trade ?? null),
      ...optional('years', fields.years ?? null)
    }
  }
}

const eventKey = (type: SignupEventType, id: string) => `${type}:${id}`

/**
 * Fills the places a cancellation or a refusal freed with the first waitlisted sign-ups in queue order, each told.
 * The counters row must be locked by the caller's transaction.
 */
export async function promoteWaitlisted(trx: Executor, event: SignupEvent, now: Date): Promise<void> {
  const remaining = remainingPlaces(await readAvailability(trx, event))
  if (remaining === 0) return
  let query = trx
    .selectFrom('signups')
    .select(['id', 'worker_id'])
    .where('event_type', '=', event.type)
    .where('event_id', '=', event.id)
    .where('state', '=', 'waitlisted')
    .orderBy('seq')
  if (remaining !== null) query = query.limit(remaining)
  const promoted = await query.execute()
  if (promoted.length === 0) return
  const state = promotedState(event)
  const at = now.toISOString()
  for (const row of promoted) {
    await trx
      .updateTable('signups')
      .set({ state, updated_at: at, seen_at: null, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', row.id)
      .execute()
    await notifySignup(trx, { workerId: row.worker_id, event, state, note: '候补转正：有名额空出，您已递补' }, now)
  }
  await moveCounters(trx, event, { taken: promoted.length, waitlisted: -promoted.length })
}

/** Frees what a sign-up held when it leaves `from` (cancelled, refused), then promotes the waitlist. */
export async function release(trx: Executor, event: SignupEvent, from: SignupState, now: Date): Promise<void> {
  if (holdsPlace(from)) {
    await moveCounters(trx, event, { taken: -1 })
    await promoteWaitlisted(trx, event, now)
  } else if (from === 'waitlisted') {
    await moveCounters(trx, event, { waitlisted: -1 })
  }
}

export function createSignupsRepository(db: Db, cipher: FieldCipher) {
  const commit = createGroupCommit(db)
  const byKey = (executor: Executor, workerId: string, key: string) =>
    executor.selectFrom('signups').selectAll().where('worker_id', '=', workerId).where('idempotency_key', '=', key).executeTakeFirst()

  const ownRow = (executor: Executor, workerId: string, id: string) =>
    executor.selectFrom('signups').selectAll().where('id', '=', id).where('worker_id', '=', workerId).executeTakeFirst()

  async function answer(executor: Executor, row: SignupRow, event: SignupEvent) {
    return { signup: await mySignupOf(executor, cipher, row, event), availability: eventAvailability(await readAvailability(executor, event)) }
  }

  /** A retried submit (same idempotency key) answers what the first one made. */
  async function replay(executor: Executor, row: SignupRow, request: SignupRequest): Promise<SignUpResult> {
    if (row.event_type !== request.eventType || row.event_id !== request.eventId) return { status: 'refused', refusal: IDEMPOTENCY_KEY_REUSED }
    const event = await findSignupEvent(executor, row.event_type, row.event_id)
    if (!event) return { status: 'not-found' }
    return { status: 'existing', ...(await answer(executor, row, event)) }
  }

  return {
    signUp(workerId: string, request: SignupRequest, now: Date): Promise<SignUpResult> {
      return commit.run(async (trx): Promise<SignUpResult> => {
        const earlier = await byKey(trx, workerId, request.idempotencyKey)
        if (earlier) return replay(trx, earlier, request)
        const event = await findSignupEvent(trx, request.eventType, request.eventId)
        if (!event) return { status: 'not-found' }
        const problems = signupFieldsProblems(request, event.extraFields)
        if (problems.length > 0) return { status: 'invalid', problems }

        const counters = await lockEventCounters(trx, event.type, event.id)
        // A retry of the same submit that was waiting for the lock finds the first one's sign-up now.
        const retried = await byKey(trx, workerId, request.idempotencyKey)
        if (retried) return replay(trx, retried, request)
        const live = await trx
          .selectFrom('signups')
          .selectAll()
          .where('event_type', '=', event.type)
          .where('event_id', '=', event.id)
          .where('worker_id', '=', workerId)
          .where('state', 'in', LIVE_STATES)
          .executeTakeFirst()
        if (live) return { status: 'existing', ...(await answer(trx, live, event)) }

        const decision = admit(event, { capacity: event.capacity, taken: counters.taken, waitlisted: counters.waitlisted }, now)
        if ('refuse' in decision) return { status: 'refused', refusal: decision.refuse }
        const at = now.toISOString()
        const row: SignupRow = {
          id: newSignupId(now),
          event_type: event.type,
          event_id: event.id,
          worker_id: workerId,
          seq: counters.next_seq,
          state: decision.state,
          ...sealFields(cipher, { ...request, ...(event.extraFields.includes('trade') ? {} : { trade: undefined, years: undefined }) }),
          idempotency_key: request.idempotencyKey,
          reason: null,
          created_at: at,
          updated_at: at,
          seen_at: at,
          checked_in_at: null,
          checked_in_by: null,
          version: 1,
          updated_by: null
        }
        await trx.insertInto('signups').values(row).execute()
        await moveCounters(trx, event, {
          next_seq: 1,
          taken: holdsPlace(decision.state) ? 1 : 0,
          waitlisted: decision.state === 'waitlisted' ? 1 : 0
        })
        if (request.remember) await savePrefill(trx, cipher, workerId, openFields(cipher, row))
        await notifySignup(trx, { workerId, event, state: decision.state }, now)
        return { status: 'created', ...(await answer(trx, row, event)) }
      })
    },

    /** The worker cancels their own sign-up: the place goes to the first waitlisted worker at once. */
    cancel(workerId: string, id: string, now: Date): Promise<ChangeResult> {
      return commit.run(async (trx): Promise<ChangeResult> => {
        const seen = await ownRow(trx, workerId, id)
        if (!seen) return { status: 'not-found' }
        const event = await findSignupEvent(trx, seen.event_type, seen.event_id)
        if (!event) return { status: 'not-found' }
        await lockEventCounters(trx, event.type, event.id)
        const row = (await ownRow(trx, workerId, id))!
        const decision = cancelDecision(row.state, event, now)
        if ('refuse' in decision) return { status: 'refused', refusal: decision.refuse }
        const at = now.toISOString()
        await trx
          .updateTable('signups')
          .set({ state: 'cancelled', updated_at: at, seen_at: at, updated_by: null, version: (eb) => eb('version', '+', 1) })
          .where('id', '=', id)
          .execute()
        await release(trx, event, row.state, now)
        return { status: 'ok', ...(await answer(trx, (await ownRow(trx, workerId, id))!, event)) }
      })
    },

    /** The worker types (or scans) the code on the staff screen. */
    checkIn(workerId: string, id: string, code: string, now: Date): Promise<ChangeResult> {
      return commit.run(async (trx): Promise<ChangeResult> => {
        const seen = await ownRow(trx, workerId, id)
        if (!seen) return { status: 'not-found' }
        const event = await findSignupEvent(trx, seen.event_type, seen.event_id)
        if (!event) return { status: 'not-found' }
        const counters = await lockEventCounters(trx, event.type, event.id)
        const row = (await ownRow(trx, workerId, id))!
        const decision = checkInDecision(row.state, event, now)
        if ('refuse' in decision) return { status: 'refused', refusal: decision.refuse }
        if (!checkInCodeMatches(counters.check_in_secret, code, now)) return { status: 'refused', refusal: SIGNUP_REFUSALS.wrongCode }
        const at = now.toISOString()
        await trx
          .updateTable('signups')
          .set({ state: 'checked-in', checked_in_at: at, checked_in_by: null, updated_at: at, seen_at: at, version: (eb) => eb('version', '+', 1) })
          .where('id', '=', id)
          .execute()
        return { status: 'ok', ...(await answer(trx, (await ownRow(trx, workerId, id))!, event)) }
      })
    },

    /** 我的报名: the worker's own sign-ups, newest first; reading them clears the 「有变化」 marks for next time. */
    async mine(workerId: string, now: Date): Promise<MySignup[]> {
      const rows = await db.selectFrom('signups').selectAll().where('worker_id', '=', workerId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
      const events = new Map<string, SignupEvent | undefined>()
      const signups: MySignup[] = []
      for (const row of rows) {
        const key = eventKey(row.event_type, row.event_id)
        if (!events.has(key)) events.set(key, await findSignupEvent(db, row.event_type, row.event_id))
        signups.push(await mySignupOf(db, cipher, row, events.get(key)))
      }
      if (signups.some((signup) => signup.changed)) {
        await db.updateTable('signups').set({ seen_at: now.toISOString() }).where('worker_id', '=', workerId).where('seen_at', 'is', null).execute()
      }
      return signups
    },

    async availability(type: SignupEventType, id: string): Promise<EventAvailability | undefined> {
      const event = await findSignupEvent(db, type, id)
      return event && eventAvailability(await readAvailability(db, event))
    }
  }
}

export type SignupsRepository = ReturnType<typeof createSignupsRepository>
