/**
 * When staff call an event off or change when or where it is, every worker with a live sign-up is told (an outbox
 * message in the same transaction as the staff change). Called off: the live sign-ups end as 已取消 with the reason,
 * and the event's places are released. The slices that keep events call `signupEventChanged` from their versioned
 * record's write (activities: server/activities/staff-repository.ts; competitions: their staff repository).
 */
import { LIVE_STATES, formatDateTime, type SignupEvent } from '@/domain'
import { enqueueMessage } from '../core/outbox/enqueue'
import type { Executor } from '../core/versioned/write'
import { lockEventCounters } from './events'
import { MY_SIGNUPS_PAGE } from './notify'

/** What the worker is told changed, or nothing when nothing they rely on did. */
export function eventChangeNote(before: SignupEvent, after: SignupEvent): string | undefined {
  if (!before.cancelled && after.cancelled) return '活动已取消'
  const changed: string[] = []
  if (before.dates.eventStartsAt !== after.dates.eventStartsAt || before.dates.eventEndsAt !== after.dates.eventEndsAt) changed.push('时间')
  if (before.place !== after.place) changed.push('地点')
  return changed.length > 0 ? `${changed.join('、')}有调整，请查看` : undefined
}

/**
 * The 'event-change' template's fields: thing1 the event, thing2 what changed, time3 when it starts, thing4 where.
 * The template chosen in WeChat's console must have these keys.
 */
export function eventChangeData(event: SignupEvent, note: string): Record<string, string> {
  return { thing1: event.title, thing2: note, time3: event.dates.eventStartsAt, thing4: event.place }
}

export async function signupEventChanged(
  trx: Executor,
  before: SignupEvent | undefined,
  after: SignupEvent | undefined,
  reason: string | undefined,
  now: Date
): Promise<void> {
  if (!before || !after) return
  const note = eventChangeNote(before, after)
  if (!note) return
  await lockEventCounters(trx, after.type, after.id)
  const live = await trx
    .selectFrom('signups')
    .select(['id', 'worker_id'])
    .where('event_type', '=', after.type)
    .where('event_id', '=', after.id)
    .where('state', 'in', LIVE_STATES)
    .execute()
  if (live.length === 0) return
  if (after.cancelled) {
    const at = now.toISOString()
    await trx
      .updateTable('signups')
      .set({
        state: 'cancelled',
        reason: reason ? `活动已取消：${reason}` : '活动已取消',
        updated_at: at,
        seen_at: null,
        version: (eb) => eb('version', '+', 1)
      })
      .where('event_type', '=', after.type)
      .where('event_id', '=', after.id)
      .where('state', 'in', LIVE_STATES)
      .execute()
    await trx.updateTable('signup_events').set({ taken: 0, waitlisted: 0 }).where('event_type', '=', after.type).where('event_id', '=', after.id).execute()
  }
  const data = eventChangeData(after, after.cancelled ? note : `${note}（${formatDateTime(after.dates.eventStartsAt)}）`)
  for (const signup of live) await enqueueMessage(trx, { recipient: signup.worker_id, template: 'event-change', page: MY_SIGNUPS_PAGE, data }, now)
}
