/**
 * Which worker is acting. Workers never need to sign in to read; the routes that act (sign up, check in, 我的) put
 * `requireWorker()` as their onRequest hook:
 * - no token → 401 WORKER_UNAUTHENTICATED (the app signs in silently and retries);
 * - a token that names no live worker session → 401 WORKER_SESSION_ENDED.
 * Worker sessions live in their own table (the workers slice keeps them, app.ts hands them in as
 * `app.workerSessions`): a staff token is never a worker identity, and a worker token never passes requireStaff.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { randomBytes } from 'node:crypto'
import { HttpError } from '../errors'
import { bearerToken, tokenHash } from './tokens'

export type WorkerSessionKind = 'wechat' | 'device'

export interface WorkerSessionStore {
  /** The session's worker if the session is live; moves its idle deadline forward. */
  useWorkerSession(
    tokenHash: string,
    now: Date
  ): Promise<{ status: 'ok'; workerId: string; kind: WorkerSessionKind; expiresAt: string } | { status: 'expired' | 'unknown' }>
}

export interface WorkerSession {
  workerId: string
  kind: WorkerSessionKind
  tokenHash: string
}

declare module 'fastify' {
  interface FastifyInstance {
    workerSessions: WorkerSessionStore
  }
  interface FastifyRequest {
    /** Set by requireWorker() for the handlers after it. */
    workerSession?: WorkerSession
  }
}

export const WORKER_NOT_SIGNED_IN = '请先登录'
export const WORKER_SESSION_ENDED = '登录已过期，请重新进入'

/** A worker token: `w_` and 256 random bits in base64url (only its SHA-256 is stored, tokens.ts tokenHash). */
export function newWorkerToken(): string {
  return `w_${randomBytes(32).toString('base64url')}`
}

export function requireWorker() {
  return async function checkWorker(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // What a worker's own answers say is theirs alone: never kept by a browser or a proxy.
    reply.header('cache-control', 'no-store')
    const token = bearerToken(request.headers.authorization)
    if (!token) throw new HttpError(401, 'WORKER_UNAUTHENTICATED', WORKER_NOT_SIGNED_IN)
    // Not a worker token at all (a staff token, say): no lookup needed to know it names no worker session.
    if (!token.startsWith('w_')) throw new HttpError(401, 'WORKER_SESSION_ENDED', WORKER_SESSION_ENDED)
    const hash = tokenHash(token)
    const result = await request.server.workerSessions.useWorkerSession(hash, request.server.now())
    if (result.status !== 'ok') throw new HttpError(401, 'WORKER_SESSION_ENDED', WORKER_SESSION_ENDED)
    request.workerSession = { workerId: result.workerId, kind: result.kind, tokenHash: hash }
  }
}

/** The worker of a request that passed requireWorker(). */
export function workerOf(request: FastifyRequest): WorkerSession {
  if (!request.workerSession) throw new Error('route is missing requireWorker()')
  return request.workerSession
}
