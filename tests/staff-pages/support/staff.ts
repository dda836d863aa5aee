/**
 * Staff sessions for the page tests. `logInAs` logs in the way the login page does (the app's own login(), which
 * keeps the session on the "phone"); `otherSession` opens a second, independent session straight over HTTP, as a
 * colleague at another computer would, to change things behind the page's back.
 */
import { login } from '@/api/staff/request'
import type { StoredSession } from '@/api/staff/session'
import type { LoginResponse } from '@/domain'
import { STAFF_ACCOUNTS, STAFF_TEST_PASSWORD } from './accounts'

export type TestRole = keyof typeof STAFF_ACCOUNTS

export function logInAs(role: TestRole): Promise<StoredSession> {
  return login({ name: STAFF_ACCOUNTS[role].name, password: STAFF_TEST_PASSWORD })
}

export interface OtherSession {
  token: string
  /** JSON in and out; throws on a non-2xx answer, naming it. */
  request<T>(method: string, path: string, body?: unknown): Promise<T>
}

export async function otherSession(role: TestRole): Promise<OtherSession> {
  const response = await fetch('/api/staff/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: STAFF_ACCOUNTS[role].name, password: STAFF_TEST_PASSWORD })
  })
  if (!response.ok) throw new Error(`login as ${role} → ${response.status} ${await response.text()}`)
  const { token } = (await response.json()) as LoginResponse
  return {
    token,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const answer = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
      if (!answer.ok) throw new Error(`${method} ${path} → ${answer.status} ${await answer.text()}`)
      return (answer.status === 204 ? undefined : await answer.json()) as T
    }
  }
}
