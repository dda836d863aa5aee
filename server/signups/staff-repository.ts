/**
 * What 经办 staff do with an event's sign-ups: the list (phones masked), review on the versioned write path, reveal one
 * phone number, export the list, check a worker in by hand, and the 签到 screen's code. Every reveal, export and
 * change is written to the audit log in its own transaction — without the personal fields themselves.
 */
import {
  SIGNUP_STATES,
  checkInDecision,
  eventAvailability,
  reviewDecision,
  type CheckInScreen,
  type Refusal,
  type SignupEvent,
  type SignupEventType,
  type SignupState,
  type StaffEventSignups,
  type StaffSignup,
  type Versioned
} from '@/domain'
import { recordAudit } from '../core/audit'
import type { FieldCipher } from '../core/crypto'
import type { Db } from '../core/db/database'
import { optional } from '../core/db/row-helpers'
import { transaction } from '../core/db/transaction'
import { updateWhereVersion, versionedWrite, type Editor, type EditResult, type Executor, type VersionedRecord } from '../core/versioned/write'
import { currentCheckInCode } from './check-in-code'
import { findSignupEvent, lockEventCounters, readAvailability } from './events'
import { notifySignup } from './notify'
import { release, waitlistPosition } from './repository'
import { openFields, type SignupRow } from './rows'

/** The mini-program page a check-in QR code opens; the app fills the code in and checks the worker in. */
export const CHECK_IN_PAGE = 'packages/signups/check-in/index'

/** A sign-up as the audit log keeps it: its state, never what the worker typed. */
export interface SignupAuditView extends Versioned {
  id: string
  eventType: SignupEventType
  eventId: string
  seq: number
  state: SignupState
  reason?: string
}

const auditView = (row: SignupRow): SignupAuditView => ({
  id: row.id,
  eventType: row.event_type,
  eventId: row.event_id,
  seq: row.seq,
  state: row.state,
  ...optional('reason', row.reason),
  version: row.version,
  updatedAt: row.updated_at,
  ...optional('updatedBy', row.updated_by)
})

const rowById = (executor: Executor, id: string) => executor.selectFrom('signups').selectAll().where('id', '=', id).executeTakeFirst()

interface ReviewChange {
  state: SignupState
  reason: string | null
}

export type StaffChange = { status: 'ok'; signup: StaffSignup } | { status: 'not-found' } | { status: 'refused'; refusal: Refusal }

export function createStaffSignupsRepository(db: Db, cipher: FieldCipher) {
  /** `position`: the waitlist place when the caller already counted it (a whole list in queue order). */
  async function staffSignupOf(executor: Executor, row: SignupRow, position?: number): Promise<StaffSignup> {
    const fields = openFields(cipher, row)
    return {
      id: row.id,
      seq: row.seq,
      state: row.state,
      name: fields.name,
      phoneMasked: row.phone_masked,
      employer: fields.employer,
      ...optional('trade', fields.trade ?? null),
      ...optional('years', fields.years ?? null),
      ...(row.state === 'waitlisted' ? { waitlistPosition: position ?? (await waitlistPosition(executor, row)) } : {}),
      ...optional('reason', row.reason),
      createdAt: row.created_at,
      ...optional('checkedInAt', row.checked_in_at),
      ...optional('checkedInBy', row.checked_in_by),
      version: row.version,
      updatedAt: row.updated_at,
      ...optional('updatedBy', row.updated_by)
    }
  }

  /** The review: the UPDATE takes the event's counters lock first, and a refusal frees the place for the waitlist. */
  const reviewRecord: VersionedRecord<string, SignupAuditView, ReviewChange> = {
    entity: 'signup',
    read: async (executor, id) => {
      const row = await rowById(executor, id)
      return row && auditView(row)
    },
    async write(executor, id, change, stamp) {
      const row = (await rowById(executor, id))!
      const event = await findSignupEvent(executor, row.event_type, row.event_id)
      if (event) await lockEventCounters(executor, event.type, event.id)
      if (!(await updateWhereVersion(executor, 'signups', { column: 'id', value: id }, { state: change.state, reason: change.reason, seen_at: null }, stamp)))
        return false
      if (!event) return true
      const now = new Date(stamp.updatedAt)
      if (change.state === 'rejected') await release(executor, event, row.state, now)
      await notifySignup(executor, { workerId: row.worker_id, event, state: change.state, ...optional('note', change.reason) }, now)
      return true
    }
  }

  return {
    async eventSignups(type: SignupEventType, id: string): Promise<StaffEventSignups | undefined> {
      const event = await findSignupEvent(db, type, id)
      if (!event) return undefined
      const rows = await db.selectFrom('signups').selectAll().where('event_type', '=', type).where('event_id', '=', id).orderBy('seq').execute()
      const counts = Object.fromEntries(SIGNUP_STATES.map((state) => [state, 0])) as Record<SignupState, number>
      const signups: StaffSignup[] = []
      let position = 0
      for (const row of rows) {
        counts[row.state] += 1
        // In queue order, the waitlist position is counted here rather than queried for each row.
        signups.push(await staffSignupOf(db, row, row.state === 'waitlisted' ? ++position : undefined))
      }
      return { event: eventHeader(event), availability: eventAvailability(await readAvailability(db, event)), counts, signups }
    },

    review(id: string, request: { approve: boolean; reason?: string; version: number }, editor: Editor, now: Date): Promise<EditResult<SignupAuditView>> {
      const reason = request.approve ? null : (request.reason?.trim() ?? '')
      return versionedWrite(db, reviewRecord, {
        key: id,
        expectedVersion: request.version,
        editor,
        now,
        decide: (before) => {
          const decision = reviewDecision(before.state, request)
          if ('refuse' in decision) return { refuse: decision.refuse as EditRefusal }
          return {
            change: { state: decision.state, reason },
            action: request.approve ? 'approve' : 'reject',
            summary: (after) => (request.approve ? `通过报名（序号 ${after.seq}）` : `不通过报名（序号 ${after.seq}）：${reason}`)
          }
        }
      })
    },

    async staffSignup(id: string): Promise<StaffSignup | undefined> {
      const row = await rowById(db, id)
      return row && staffSignupOf(db, row)
    },

    /** The full phone number of one sign-up, for a staffer who must call the worker: audited. */
    revealPhone(id: string, editor: Editor, now: Date): Promise<string | undefined> {
      return transaction(db, async (trx) => {
        const row = await rowById(trx, id)
        if (!row) return undefined
        const event = await findSignupEvent(trx, row.event_type, row.event_id)
        await recordAudit(trx, {
          staff: editor,
          action: 'reveal-phone',
          entity: 'signup',
          entityId: id,
          summary: `查看报名手机号（${event?.title ?? row.event_id}，序号 ${row.seq}）`,
          before: null,
          after: null,
          at: now
        })
        return openFields(cipher, row).phone
      })
    },

    /** Every sign-up of an event with the phone numbers in full, for the CSV export: audited. */
    exportRows(type: SignupEventType, id: string, editor: Editor, now: Date) {
      return transaction(db, async (trx) => {
        const event = await findSignupEvent(trx, type, id)
        if (!event) return undefined
        const rows = await trx.selectFrom('signups').selectAll().where('event_type', '=', type).where('event_id', '=', id).orderBy('seq').execute()
        await recordAudit(trx, {
          staff: editor,
          action: 'export',
          entity: 'signup',
          entityId: `${type}:${id}`,
          summary: `导出《${event.title}》的报名名单（${rows.length} 条，含完整手机号）`,
          before: null,
          after: null,
          at: now
        })
        let position = 0
        return {
          event,
          rows: rows.map((row) => ({ row, fields: openFields(cipher, row), waitlistPosition: row.state === 'waitlisted' ? ++position : undefined }))
        }
      })
    },

    /** A staffer checks a worker in by hand (no code): audited, counted once like a scan. */
    checkInByHand(id: string, editor: Editor, now: Date): Promise<StaffChange> {
      return transaction(db, async (trx): Promise<StaffChange> => {
        const seen = await rowById(trx, id)
        if (!seen) return { status: 'not-found' }
        const event = await findSignupEvent(trx, seen.event_type, seen.event_id)
        if (!event) return { status: 'not-found' }
        await lockEventCounters(trx, event.type, event.id)
        const before = (await rowById(trx, id))!
        const decision = checkInDecision(before.state, event, now)
        if ('refuse' in decision) return { status: 'refused', refusal: decision.refuse }
        const at = now.toISOString()
        await trx
          .updateTable('signups')
          .set({
            state: 'checked-in',
            checked_in_at: at,
            checked_in_by: editor.displayName,
            updated_at: at,
            seen_at: null,
            updated_by: editor.displayName,
            version: (eb) => eb('version', '+', 1)
          })
          .where('id', '=', id)
          .execute()
        const after = (await rowById(trx, id))!
        await recordAudit(trx, {
          staff: editor,
          action: 'check-in',
          entity: 'signup',
          entityId: id,
          summary: `人工签到《${event.title}》（序号 ${after.seq}）`,
          before: auditView(before),
          after: auditView(after),
          at: now
        })
        return { status: 'ok', signup: await staffSignupOf(trx, after) }
      })
    },

    /** The 签到 screen: the code of this 30-second step, and how many are in. */
    async checkInScreen(type: SignupEventType, id: string, now: Date): Promise<CheckInScreen | undefined> {
      const event = await findSignupEvent(db, type, id)
      if (!event) return undefined
      const counters = await transaction(db, (trx) => lockEventCounters(trx, type, id))
      const counts = await db
        .selectFrom('signups')
        .select(['state', (eb) => eb.fn.countAll<number>().as('count')])
        .where('event_type', '=', type)
        .where('event_id', '=', id)
        .where('state', 'in', ['confirmed', 'checked-in'])
        .groupBy('state')
        .execute()
      const count = (state: SignupState) => Number(counts.find((each) => each.state === state)?.count ?? 0)
      const { code, validUntil } = currentCheckInCode(counters.check_in_secret, now)
      const query = new URLSearchParams({ type, id, code })
      return {
        code,
        validUntil,
        checkedIn: count('checked-in'),
        confirmed: count('confirmed') + count('checked-in'),
        path: `${CHECK_IN_PAGE}?${query.toString()}`
      }
    }
  }
}

type EditRefusal = Refusal & { status: 400 | 409 | 422 }

function eventHeader(event: SignupEvent): StaffEventSignups['event'] {
  return {
    type: event.type,
    id: event.id,
    title: event.title,
    place: event.place,
    eventStartsAt: event.dates.eventStartsAt,
    eventEndsAt: event.dates.eventEndsAt,
    reviewRequired: event.reviewRequired,
    cancelled: event.cancelled
  }
}

export type StaffSignupsRepository = ReturnType<typeof createStaffSignupsRepository>
