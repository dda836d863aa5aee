/**
 * Workers for API tests: signed in the way the H5 page signs in (POST /api/me/session with a fresh device secret) and,
 * unless `consent: false`, agreed to the current privacy notice (PUT /api/me/consent), so a test of sign-ups starts
 * from a worker who may send personal data.
 */
import { randomBytes } from 'node:crypto'
import { PRIVACY_NOTICE_VERSION } from '@/domain'
import type { App } from '@server/app'
import { tokenHash } from '@server/core/auth/tokens'

export interface TestWorker {
  token: string
  /** `{ authorization: 'Bearer …' }` for app.inject */
  headers: { authorization: string }
  workerId: string
}

/** What the H5 page generates and keeps: 32 random bytes, base64url (43 characters). */
export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url')
}

export async function signInWorker(app: App, options: { consent?: boolean; deviceSecret?: string } = {}): Promise<TestWorker> {
  const deviceSecret = options.deviceSecret ?? newDeviceSecret()
  const signIn = await app.inject({ method: 'POST', url: '/api/me/session', payload: { deviceSecret } })
  if (signIn.statusCode !== 200) throw new Error(`worker sign-in failed: ${signIn.statusCode} ${signIn.body}`)
  const { token } = signIn.json<{ token: string }>()
  const headers = { authorization: `Bearer ${token}` }
  if (options.consent !== false) {
    const consent = await app.inject({ method: 'PUT', url: '/api/me/consent', headers, payload: { version: PRIVACY_NOTICE_VERSION } })
    if (consent.statusCode !== 200) throw new Error(`worker consent failed: ${consent.statusCode} ${consent.body}`)
  }
  const session = await app.db.selectFrom('worker_sessions').select('worker_id').where('token_hash', '=', tokenHash(token)).executeTakeFirstOrThrow()
  return { token, headers, workerId: session.worker_id }
}
