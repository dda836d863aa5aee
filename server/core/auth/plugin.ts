/**
 * Who is asking. Every staff route declares the roles it needs with `requireStaff(...)`; the check runs on the
 * server for each request, before the handler:
 * - no token, or one that names no live session → 401 (the app sends the staffer to the login page);
 * - a live session without the role → 403 saying which role the action needs.
 * Workers have no staff session, so anything they send to a staff route gets the 401.
 *
 * Use it as the route's `onRequest` hook: it then runs before the body is read and validated, so an anonymous
 * request gets its 401 rather than a 400 about its body, and nobody can make the server parse a 10 MB upload
 * without a session.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { hasRole, ROLE_LABELS, type StaffMe, type StaffRole } from '@/domain'
import { bearerToken, tokenHash } from './tokens'
import { HttpError } from '../errors'

/**
 * Where sessions live: the accounts slice keeps them (server/accounts/repository.ts) and app.ts hands its repository
 * to the app as `staffSessions`. The check needs only this, so core does not know the accounts tables.
 */
export interface SessionStore {
  /** The session's staffer if the session is live and the account enabled; moves its idle deadline forward. */
  useSession(tokenHash: string, now: Date): Promise<{ status: 'ok'; staff: StaffMe; expiresAt: string } | { status: 'expired' | 'unknown' }>
}

export interface StaffSession {
  staff: StaffMe
  tokenHash: string
  expiresAt: string
}

declare module 'fastify' {
  interface FastifyInstance {
    staffSessions: SessionStore
  }
  interface FastifyRequest {
    /** Set by requireStaff() for the handlers after it. */
    staffSession?: StaffSession
  }
}

export const NOT_LOGGED_IN = '请先登录工作人员账号'
export const SESSION_ENDED = '登录已过期或已退出，请重新登录'

export type StaffCheck = (request: FastifyRequest, reply: FastifyReply) => Promise<void>

export function requireStaff(...roles: StaffRole[]): StaffCheck {
  return async function checkStaff(request: FastifyRequest, reply: FastifyReply) {
    // Answers to staff requests are never kept by a browser or a proxy.
    reply.header('cache-control', 'no-store')
    const token = bearerToken(request.headers.authorization)
    if (!token) throw new HttpError(401, 'UNAUTHENTICATED', NOT_LOGGED_IN)
    const hash = tokenHash(token)
    const result = await request.server.staffSessions.useSession(hash, request.server.now())
    if (result.status !== 'ok') throw new HttpError(401, 'SESSION_ENDED', SESSION_ENDED)
    const { staff } = result
    request.staffSession = { staff, tokenHash: hash, expiresAt: result.expiresAt }
    if (roles.length > 0 && !hasRole(staff.roles, roles)) {
      const needed = roles.map((role) => ROLE_LABELS[role]).join('或')
      throw new HttpError(403, 'FORBIDDEN', `没有权限：此操作需要${needed}角色`)
    }
  }
}

/** The staffer of a request that passed requireStaff(). */
export function staffOf(request: FastifyRequest): StaffSession {
  if (!request.staffSession) throw new Error('route is missing requireStaff()')
  return request.staffSession
}
