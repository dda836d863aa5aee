/**
 * Slows down password guessing: LOGIN_FAILURES_ALLOWED failed logins within LOGIN_FAILURE_WINDOW_SECONDS on one
 * key lock that key for LOGIN_LOCKOUT_MINUTES. Two keys per attempt: the account (a guesser spreading over many
 * addresses) and the caller's address (one guesser trying many accounts).
 *
 * Kept in the database, not in memory: behind a load balancer every API instance sees the same counts, and a
 * restart does not hand a guesser a fresh allowance.
 */
import { randomUUID } from 'node:crypto'
import { beijing, LOGIN_FAILURE_WINDOW_SECONDS, LOGIN_FAILURES_ALLOWED, LOGIN_LOCKOUT_MINUTES } from '@/domain'
import type { Db } from '../db/database'

export const LOCKED_OUT_CODE = 'LOCKED_OUT'

export function accountKey(name: string): string {
  return `account:${name}`
}

export function addressKey(ip: string): string {
  return `address:${ip}`
}

/** 「登录失败次数过多，请于 11:05 后再试」: Beijing time, which is what staff read on the office clock. */
export function lockedOutMessage(until: Date): string {
  return `登录失败次数过多，请于 ${beijing(until.toISOString()).format('HH:mm')} 后再试`
}

/** Whole seconds until the lock ends, at least 1 (a Retry-After of 0 invites an immediate retry). */
export function retryAfterSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))
}

export function createLoginThrottle(db: Db) {
  return {
    /** The latest end of a lock on any of these keys, if one is in force. */
    async lockedUntil(keys: string[], now: Date): Promise<Date | undefined> {
      const rows = await db.selectFrom('login_lockouts').select('until').where('key', 'in', keys).where('until', '>', now.toISOString()).execute()
      if (rows.length === 0) return undefined
      // UTC "Z" text orders as the instants do.
      return new Date(rows.reduce((latest, row) => (row.until > latest ? row.until : latest), rows[0].until))
    },

    /**
     * Counts a failed login against each key, locking the keys that reach the limit (lockedUntil then tells).
     * A key's failures are removed when it is locked, so after the lock it starts again from zero.
     */
    async recordFailure(keys: string[], now: Date): Promise<void> {
      const at = now.toISOString()
      const windowStart = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_SECONDS * 1000).toISOString()
      await db
        .insertInto('login_failures')
        .values(keys.map((key) => ({ id: randomUUID(), key, at })))
        .execute()
      // Rows older than the window can never count again; lapsed locks mean nothing either.
      await db.deleteFrom('login_failures').where('at', '<=', windowStart).execute()
      await db.deleteFrom('login_lockouts').where('until', '<=', at).execute()

      const counts = await db
        .selectFrom('login_failures')
        .select(['key', (eb) => eb.fn.countAll<string | number>().as('failures')])
        .where('key', 'in', keys)
        .where('at', '>', windowStart)
        .groupBy('key')
        .execute()
      const reached = counts.filter((row) => Number(row.failures) >= LOGIN_FAILURES_ALLOWED).map((row) => row.key)
      if (reached.length === 0) return

      const until = new Date(now.getTime() + LOGIN_LOCKOUT_MINUTES * 60_000)
      for (const key of reached) {
        await db
          .insertInto('login_lockouts')
          .values({ key, until: until.toISOString() })
          .onConflict((conflict) => conflict.column('key').doUpdateSet({ until: until.toISOString() }))
          .execute()
      }
      await db.deleteFrom('login_failures').where('key', 'in', reached).execute()
    },

    /** After a good login: the staffer's earlier typos do not count towards the next lock. */
    async clear(key: string): Promise<void> {
      await db.deleteFrom('login_failures').where('key', '=', key).execute()
    }
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>
