/**
 * Logging in and out, who am I, changing one's own password (docs/staff-api.md).
 *
 * A failed login answers the same 「账号或密码不正确」 whether the name is unknown, the password wrong or the account
 * disabled, and takes as long (an unknown name is checked against a dummy hash), so nobody learns which names exist.
 * Failures are throttled per account and per address (server/core/auth/login-throttle.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { normaliseStaffName } from '@/domain'
import { changeOwnPassword } from './accounts'
import { LOCKED_OUT_CODE, accountKey, addressKey, createLoginThrottle, lockedOutMessage, retryAfterSeconds } from '../core/auth/login-throttle'
import { dummyPasswordHash, verifyPassword } from '../core/auth/passwords'
import { newPasswordProblem } from '../core/auth/password-policy'
import { newSessionToken, tokenHash } from '../core/auth/tokens'
import { staffMeFromRow } from './repository'
import { requireStaff, staffOf } from '../core/auth/plugin'
import { HttpError, invalidFields } from '../core/errors'
import { NoQuery } from '../core/schemas/params'
import { LoginRequestSchema, LoginResponseSchema, NoContent, PasswordChangeRequestSchema, StaffMeSchema, staffErrorResponses } from './schema'

export const BAD_CREDENTIALS_MESSAGE = '账号或密码不正确'
export const WRONG_CURRENT_PASSWORD = '当前密码不正确'

/** The 429 of a locked key, with the time it ends in the message, in the body and in Retry-After. */
function lockedOut(reply: FastifyReply, until: Date, now: Date): HttpError {
  reply.header('retry-after', String(retryAfterSeconds(until, now)))
  return new HttpError(429, LOCKED_OUT_CODE, lockedOutMessage(until), { until: until.toISOString() })
}

async function noStore(_request: unknown, reply: FastifyReply): Promise<void> {
  reply.header('cache-control', 'no-store')
}

export const staffSessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const throttle = createLoginThrottle(app.db)
  // Computed now, in the background: otherwise the first login with an unknown name would take twice as long as
  // one with a real name, and tell the difference.
  dummyPasswordHash(app.passwordCost).catch((error: unknown) => app.log.error({ err: error }, 'dummy password hash failed'))

  app.post(
    '/session',
    {
      onRequest: noStore,
      schema: { querystring: NoQuery, body: LoginRequestSchema, response: { 200: LoginResponseSchema, ...staffErrorResponses } }
    },
    async (request, reply) => {
      const now = app.now()
      const name = normaliseStaffName(request.body.name)
      const keys = [accountKey(name), addressKey(request.ip)]
      // A locked key is refused before the password is looked at: guesses made during the lock teach nothing.
      const lockedUntil = await throttle.lockedUntil(keys, now)
      if (lockedUntil) throw lockedOut(reply, lockedUntil, now)

      const row = await app.repositories.staff.findByName(name)
      const passwordMatches = await verifyPassword(request.body.password, row?.password_hash ?? (await dummyPasswordHash(app.passwordCost)))
      const accepted = row !== undefined && passwordMatches && row.disabled === 0
      if (!accepted) await throttle.recordFailure(keys, now)
      // Asked again after the hash: guesses sent all at once passed the first check together, and any of them that
      // ends after the lock began — right password or wrong — gets the same 429, so the burst learns nothing more.
      const lockedAfter = await throttle.lockedUntil(keys, now)
      if (lockedAfter) throw lockedOut(reply, lockedAfter, now)
      if (!accepted) throw new HttpError(401, 'BAD_CREDENTIALS', BAD_CREDENTIALS_MESSAGE)

      // The hash took ~0.3 s: a reset, a password change or a disable that landed meanwhile wins.
      const current = await app.repositories.staff.findById(row.id)
      if (!current || current.password_hash !== row.password_hash || current.disabled === 1) {
        throw new HttpError(401, 'BAD_CREDENTIALS', BAD_CREDENTIALS_MESSAGE)
      }
      await throttle.clear(accountKey(name))
      const token = newSessionToken()
      const { expiresAt } = await app.repositories.staff.createSession(row.id, tokenHash(token), now)
      await app.repositories.staff.recordLogin(row.id, now)
      // Sessions nobody ended by logging out are cleared here rather than by a timer each instance would run.
      await app.repositories.staff.deleteExpiredSessions(now)
      return { token, expiresAt, staff: staffMeFromRow(row) }
    }
  )

  app.delete(
    '/session',
    { onRequest: requireStaff(), schema: { querystring: NoQuery, response: { 204: NoContent, ...staffErrorResponses } } },
    async (request, reply) => {
      await app.repositories.staff.revokeSession(staffOf(request).tokenHash)
      return reply.code(204).send(null)
    }
  )

  app.get(
    '/me',
    { onRequest: requireStaff(), schema: { querystring: NoQuery, response: { 200: StaffMeSchema, ...staffErrorResponses } } },
    async (request) => staffOf(request).staff
  )

  app.put(
    '/me/password',
    {
      onRequest: requireStaff(),
      schema: { querystring: NoQuery, body: PasswordChangeRequestSchema, response: { 204: NoContent, ...staffErrorResponses } }
    },
    async (request, reply) => {
      const session = staffOf(request)
      const { currentPassword, newPassword } = request.body
      const now = app.now()

      // The policy first: it says nothing about the current password, so it needs no throttling.
      const problem = newPasswordProblem(newPassword, session.staff)
      if (problem) throw invalidFields([{ field: 'newPassword', message: problem }])

      // Whoever holds an unattended session must not get unlimited guesses at the password behind it.
      const keys = [accountKey(session.staff.name), addressKey(request.ip)]
      const lockedUntil = await throttle.lockedUntil(keys, now)
      if (lockedUntil) throw lockedOut(reply, lockedUntil, now)
      const row = await app.repositories.staff.findById(session.staff.id)
      const currentMatches = row !== undefined && (await verifyPassword(currentPassword, row.password_hash))
      if (!currentMatches) await throttle.recordFailure(keys, now)
      const lockedAfter = await throttle.lockedUntil(keys, now)
      if (lockedAfter) throw lockedOut(reply, lockedAfter, now)
      if (!row || !currentMatches) throw invalidFields([{ field: 'currentPassword', message: WRONG_CURRENT_PASSWORD }])
      if (newPassword.normalize('NFKC') === currentPassword.normalize('NFKC')) {
        throw invalidFields([{ field: 'newPassword', message: '新密码不能与当前密码相同' }])
      }

      await changeOwnPassword(app.db, row.id, newPassword, now, session.tokenHash, app.passwordCost)
      return reply.code(204).send(null)
    }
  )
}
