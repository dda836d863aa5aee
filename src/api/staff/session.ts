/**
 * The staffer's session on this device: the token (opaque, sent as `Authorization: Bearer`, never in a URL) and
 * who it belongs to. Kept in storage so a staffer who switches apps for a minute is still logged in; the server
 * ends it after 30 idle minutes or 12 hours anyway.
 */
import Taro from '@tarojs/taro'
import type { LoginResponse, StaffMe } from '@/domain/accounts'

const SESSION_KEY = 'miyun:staff-session:v1'

export interface StoredSession {
  token: string
  expiresAt: string
  staff: StaffMe
}

export function readSession(): StoredSession | undefined {
  try {
    const value = Taro.getStorageSync(SESSION_KEY)
    if (!value || typeof value !== 'object' || typeof value.token !== 'string') return undefined
    const session = value as StoredSession
    if (Date.parse(session.expiresAt) <= Date.now()) {
      clearSession()
      return undefined
    }
    return session
  } catch {
    return undefined
  }
}

export function saveSession(login: LoginResponse): StoredSession {
  const session: StoredSession = { token: login.token, expiresAt: login.expiresAt, staff: login.staff }
  Taro.setStorageSync(SESSION_KEY, session)
  return session
}

export function updateSessionStaff(staff: StaffMe): void {
  const session = readSession()
  if (session) Taro.setStorageSync(SESSION_KEY, { ...session, staff })
}

export function clearSession(): void {
  try {
    Taro.removeStorageSync(SESSION_KEY)
  } catch {
    // Nothing stored: nothing to clear.
  }
}
