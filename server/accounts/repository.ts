/**
 * Staff accounts and their sessions. Sessions end 30 minutes after their last request or 12 hours after login,
 * whichever comes first, and at once on logout, on a password reset and when the account is disabled.
 */
import { randomUUID } from 'node:crypto'
import type { Selectable } from 'kysely'
import { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_MINUTES, type StaffAccount, type StaffMe, type StaffRole } from '@/domain'
import type { SessionStore } from '../core/auth/plugin'
import type { Db, StaffTable } from '../core/db/database'

const MINUTE = 60_000

export type StaffRow = Selectable<StaffTable>

export function staffMeFromRow(row: StaffRow): StaffMe {
  return { id: row.id, name: row.name, displayName: row.display_name, roles: JSON.parse(row.roles) as StaffRole[] }
}

export function staffAccountFromRow(row: StaffRow): StaffAccount {
  return {
    ...staffMeFromRow(row),
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    ...(row.last_login_at ? { lastLoginAt: row.last_login_at } : {})
  }
}

export interface NewStaff {
  name: string
  displayName: string
  roles: StaffRole[]
  passwordHash: string
}

/** Accounts, and the sessions core's auth check reads through SessionStore. */
export function createStaffRepository(db: Db) {
  return {
    findByName(name: string): Promise<StaffRow | undefined> {
      return db.selectFrom('staff').selectAll().where('name', '=', name).executeTakeFirst()
    },

    findById(id: string): Promise<StaffRow | undefined> {
      return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst()
    },

    list(): Promise<StaffRow[]> {
      return db.selectFrom('staff').selectAll().orderBy('created_at').orderBy('name').execute()
    },

    async create(staff: NewStaff, now: Date): Promise<StaffRow> {
      const at = now.toISOString()
      const row: StaffRow = {
        id: randomUUID(),
        name: staff.name,
        display_name: staff.displayName,
        roles: JSON.stringify(staff.roles),
        password_hash: staff.passwordHash,
        disabled: 0,
        created_at: at,
        updated_at: at,
        last_login_at: null
      }
      await db.insertInto('staff').values(row).execute()
      return row
    },

    async update(id: string, change: { displayName?: string; roles?: StaffRole[]; disabled?: boolean; passwordHash?: string }, now: Date): Promise<void> {
      await db
        .updateTable('staff')
        .set({
          updated_at: now.toISOString(),
          ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
          ...(change.roles !== undefined ? { roles: JSON.stringify(change.roles) } : {}),
          ...(change.disabled !== undefined ? { disabled: change.disabled ? 1 : 0 } : {}),
          ...(change.passwordHash !== undefined ? { password_hash: change.passwordHash } : {})
        })
        .where('id', '=', id)
        .execute()
    },

    async countActiveAdmins(): Promise<number> {
      const rows = await db.selectFrom('staff').select('roles').where('disabled', '=', 0).execute()
      return rows.filter((row) => (JSON.parse(row.roles) as StaffRole[]).includes('admin')).length
    },

    async recordLogin(id: string, now: Date): Promise<void> {
      await db.updateTable('staff').set({ last_login_at: now.toISOString() }).where('id', '=', id).execute()
    },

    // ——— sessions ———

    async createSession(staffId: string, tokenHash: string, now: Date): Promise<{ expiresAt: string }> {
      const at = now.toISOString()
      const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 60 * MINUTE).toISOString()
      await db
        .insertInto('staff_sessions')
        .values({ token_hash: tokenHash, staff_id: staffId, created_at: at, last_used_at: at, expires_at: expiresAt })
        .execute()
      return { expiresAt }
    },

    /**
     * The session's staffer, if the session is live and the account enabled; moves the idle deadline forward.
     * An expired session is deleted on the way.
     */
    async useSession(tokenHash: string, now: Date): ReturnType<SessionStore['useSession']> {
      const session = await db.selectFrom('staff_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
      if (!session) return { status: 'unknown' }
      const idleEnd = Date.parse(session.last_used_at) + SESSION_IDLE_MINUTES * MINUTE
      if (now.getTime() >= idleEnd || now.getTime() >= Date.parse(session.expires_at)) {
        await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute()
        return { status: 'expired' }
      }
      const staff = await db.selectFrom('staff').selectAll().where('id', '=', session.staff_id).executeTakeFirst()
      if (!staff || staff.disabled === 1) {
        await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute()
        return { status: 'expired' }
      }
      await db.updateTable('staff_sessions').set({ last_used_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute()
      return { status: 'ok', staff: staffMeFromRow(staff), expiresAt: session.expires_at }
    },

    async revokeSession(tokenHash: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute()
    },

    /** All of a staffer's sessions, or all but the one making the request. */
    async revokeSessionsOf(staffId: string, exceptTokenHash?: string): Promise<void> {
      let query = db.deleteFrom('staff_sessions').where('staff_id', '=', staffId)
      if (exceptTokenHash) query = query.where('token_hash', '!=', exceptTokenHash)
      await query.execute()
    },

    async deleteExpiredSessions(now: Date): Promise<void> {
      const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MINUTES * MINUTE).toISOString()
      await db
        .deleteFrom('staff_sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_used_at', '<=', idleCutoff)]))
        .execute()
    }
  }
}

export type StaffRepository = ReturnType<typeof createStaffRepository>
