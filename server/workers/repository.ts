/**
 * Workers and their sessions. A session ends WORKER_SESSION_IDLE_DAYS after its last use (a use moves the end
 * forward — at most once a day, see SESSION_RENEWAL_STEP), and at once on logout. Also what the later parts use: hasCurrentConsent / requireCurrentConsent (a
 * route that takes personal data), savePrefill (a sign-up keeps its answers), openidOf (the outbox's recipients).
 */
import { randomUUID } from 'node:crypto'
import { CONSENT_REQUIRED_MESSAGE, PRIVACY_NOTICE_VERSION, WORKER_SESSION_IDLE_DAYS, type SignupPrefill, type WorkerKind, type WorkerMe } from '@/domain'
import type { WorkerSessionStore } from '../core/auth/worker'
import type { FieldCipher } from '../core/crypto'
import type { Db } from '../core/db/database'
import { HttpError } from '../core/errors'
import type { Executor } from '../core/versioned/write'
import { identityLookup, prefillColumn, workerMeFromRow, type WorkerRow } from './rows'

const DAY = 86_400_000

const sessionEnd = (now: Date) => new Date(now.getTime() + WORKER_SESSION_IDLE_DAYS * DAY).toISOString()

/**
 * A session's end is written again only when it has fallen this far behind a full idle period: every sign-up would
 * otherwise pay a second synced commit (SQLite runs synchronous = FULL) just to move the end by seconds. A 90-day
 * session renewed once a day ends at most a day earlier than one renewed on every request.
 */
const SESSION_RENEWAL_STEP = DAY

/** Whether the worker agreed to the notice in force (PRIVACY_NOTICE_VERSION). */
export async function hasCurrentConsent(executor: Executor, workerId: string): Promise<boolean> {
  const row = await executor.selectFrom('workers').select('consent_version').where('id', '=', workerId).executeTakeFirst()
  return row?.consent_version === PRIVACY_NOTICE_VERSION
}

/** 403 CONSENT_REQUIRED unless the worker agreed to the current notice: call it before reading any personal field. */
export async function requireCurrentConsent(executor: Executor, workerId: string): Promise<void> {
  if (!(await hasCurrentConsent(executor, workerId))) {
    throw new HttpError(403, 'CONSENT_REQUIRED', CONSENT_REQUIRED_MESSAGE, { noticeVersion: PRIVACY_NOTICE_VERSION })
  }
}

/** Keeps the answers of a form (sealed) to prefill the next one; call it in the sign-up's transaction. */
export async function savePrefill(executor: Executor, cipher: FieldCipher, workerId: string, prefill: SignupPrefill): Promise<void> {
  await executor
    .updateTable('workers')
    .set({ prefill: prefillColumn(cipher, prefill) })
    .where('id', '=', workerId)
    .execute()
}

export function createWorkersRepository(db: Db, cipher: FieldCipher) {
  return {
    /**
     * The worker behind an identity, created on its first sign-in. Two first sign-ins at once (a double tap) end on
     * one worker: the insert gives way to the row the other one wrote (the lookup is unique).
     */
    async findOrCreate(identity: { kind: WorkerKind; value: string }, now: Date): Promise<WorkerRow> {
      const lookup = identityLookup(cipher, identity.kind, identity.value)
      const existing = await db.selectFrom('workers').selectAll().where('lookup', '=', lookup).executeTakeFirst()
      if (existing) return existing
      await db
        .insertInto('workers')
        .values({
          id: randomUUID(),
          kind: identity.kind,
          lookup,
          openid: identity.kind === 'wechat' ? cipher.seal(identity.value) : null,
          consent_version: null,
          consent_at: null,
          prefill: null,
          created_at: now.toISOString()
        })
        .onConflict((conflict) => conflict.column('lookup').doNothing())
        .execute()
      return db.selectFrom('workers').selectAll().where('lookup', '=', lookup).executeTakeFirstOrThrow()
    },

    async findById(workerId: string): Promise<WorkerRow | undefined> {
      return db.selectFrom('workers').selectAll().where('id', '=', workerId).executeTakeFirst()
    },

    async me(workerId: string): Promise<WorkerMe | undefined> {
      const row = await this.findById(workerId)
      return row && workerMeFromRow(row, cipher)
    },

    async createSession(workerId: string, tokenHash: string, now: Date): Promise<{ expiresAt: string }> {
      const expiresAt = sessionEnd(now)
      await db
        .insertInto('worker_sessions')
        .values({ token_hash: tokenHash, worker_id: workerId, created_at: now.toISOString(), expires_at: expiresAt })
        .execute()
      return { expiresAt }
    },

    /** The session's worker if the session is live; moves its end forward. An expired session is deleted on the way. */
    async useWorkerSession(tokenHash: string, now: Date): ReturnType<WorkerSessionStore['useWorkerSession']> {
      const session = await db
        .selectFrom('worker_sessions')
        .innerJoin('workers', 'workers.id', 'worker_sessions.worker_id')
        .select(['worker_sessions.worker_id', 'worker_sessions.expires_at', 'workers.kind'])
        .where('worker_sessions.token_hash', '=', tokenHash)
        .executeTakeFirst()
      if (!session) return { status: 'unknown' }
      if (now.getTime() >= Date.parse(session.expires_at)) {
        await db.deleteFrom('worker_sessions').where('token_hash', '=', tokenHash).execute()
        return { status: 'expired' }
      }
      const renewed = sessionEnd(now)
      if (Date.parse(renewed) - Date.parse(session.expires_at) < SESSION_RENEWAL_STEP) {
        return { status: 'ok', workerId: session.worker_id, kind: session.kind, expiresAt: session.expires_at }
      }
      await db.updateTable('worker_sessions').set({ expires_at: renewed }).where('token_hash', '=', tokenHash).execute()
      return { status: 'ok', workerId: session.worker_id, kind: session.kind, expiresAt: renewed }
    },

    async revokeSession(tokenHash: string): Promise<void> {
      await db.deleteFrom('worker_sessions').where('token_hash', '=', tokenHash).execute()
    },

    async deleteExpiredSessions(now: Date): Promise<void> {
      await db.deleteFrom('worker_sessions').where('expires_at', '<=', now.toISOString()).execute()
    },

    async agree(workerId: string, version: number, now: Date): Promise<void> {
      await db.updateTable('workers').set({ consent_version: version, consent_at: now.toISOString() }).where('id', '=', workerId).execute()
    },

    async deletePrefill(workerId: string): Promise<void> {
      await db.updateTable('workers').set({ prefill: null }).where('id', '=', workerId).execute()
    },

    /** OutboxRecipients (core/outbox): the openid to send a subscribe message to; null for a device identity. */
    async openidOf(workerId: string): Promise<string | null> {
      const row = await db.selectFrom('workers').select('openid').where('id', '=', workerId).executeTakeFirst()
      return row?.openid ? cipher.open(row.openid) : null
    }
  }
}

export type WorkersRepository = ReturnType<typeof createWorkersRepository>
