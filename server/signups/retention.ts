/**
 * Sign-ups are kept SIGNUP_RETENTION_DAYS (default 365) after their event ends, then deleted with the event's
 * counters (a RetentionRule: the app's daily run and `npm run retention`). An event that no longer exists has no end
 * to count from: its sign-ups go that long after they were made.
 */
import { instantOf } from '@/domain'
import type { RetentionRule } from '../core/retention'
import { findSignupEvent } from './events'

const DAY_MS = 24 * 60 * 60 * 1000

export function signupRetentionRule(days: number): RetentionRule {
  return {
    name: `活动结束满 ${days} 天的报名信息`,
    async run(db, now) {
      const cutoff = now.getTime() - days * DAY_MS
      let deleted = 0
      for (const { event_type: type, event_id: id } of await db.selectFrom('signup_events').select(['event_type', 'event_id']).execute()) {
        const event = await findSignupEvent(db, type, id)
        const signups = db.deleteFrom('signups').where('event_type', '=', type).where('event_id', '=', id)
        if (event && instantOf(event.dates.eventEndsAt) >= cutoff) continue
        const result = await (event ? signups : signups.where('created_at', '<', new Date(cutoff).toISOString())).executeTakeFirst()
        deleted += Number(result.numDeletedRows)
        const left = await db.selectFrom('signups').select('id').where('event_type', '=', type).where('event_id', '=', id).limit(1).executeTakeFirst()
        if (!left) await db.deleteFrom('signup_events').where('event_type', '=', type).where('event_id', '=', id).execute()
      }
      return deleted
    }
  }
}
