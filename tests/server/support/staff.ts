/**
 * Staff for API tests: accounts put straight into the database (the hash is computed once per password and cost,
 * at the app's cost) and sessions opened the way the login route opens them, so a test of the
 * news editor does not depend on the login route. The login route has its own tests.
 */
import type { StaffMe, StaffRole } from '@/domain'
import type { App } from '@server/app'
import { hashPassword, type PasswordCost } from '@server/core/auth/passwords'
import { newSessionToken, tokenHash } from '@server/core/auth/tokens'
import { staffMeFromRow } from '@server/accounts/repository'
import { buildTestApp } from './test-app'

export const TEST_PASSWORD = '密云工会-测试口令-2026'

const hashes = new Map<string, Promise<string>>()
function hashOnce(password: string, cost: PasswordCost): Promise<string> {
  const key = `${cost.logN}$${cost.r}$${cost.p}$${password}`
  if (!hashes.has(key)) hashes.set(key, hashPassword(password, cost))
  return hashes.get(key)!
}

let counter = 0

export interface TestStaffer {
  staff: StaffMe
  token: string
  /** `{ authorization: 'Bearer …' }` for app.inject */
  headers: Record<string, string>
}

export async function createStaffer(
  app: App,
  { roles, name, displayName, password = TEST_PASSWORD }: { roles: StaffRole[]; name?: string; displayName?: string; password?: string }
): Promise<StaffMe> {
  await app.ready()
  counter += 1
  const loginName = name ?? `staff${counter}-${roles.join('-') || 'none'}`
  const row = await app.repositories.staff.create(
    { name: loginName, displayName: displayName ?? `测试${counter}`, roles, passwordHash: await hashOnce(password, app.passwordCost) },
    app.now()
  )
  return staffMeFromRow(row)
}

/** A new staffer with these roles and a live session. */
export async function staffSession(app: App, roles: StaffRole[], options: { name?: string; displayName?: string } = {}): Promise<TestStaffer> {
  const staff = await createStaffer(app, { roles, ...options })
  return sessionFor(app, staff)
}

export async function sessionFor(app: App, staff: StaffMe): Promise<TestStaffer> {
  const token = newSessionToken()
  await app.repositories.staff.createSession(staff.id, tokenHash(token), app.now())
  return { staff, token, headers: { authorization: `Bearer ${token}` } }
}

/** For a describe block: a fresh app and an editor's session, opened before its tests and closed after them. */
export function useEditorApp(): { app: App; editor: TestStaffer } {
  const desk = {} as { app: App; editor: TestStaffer }
  beforeAll(async () => {
    desk.app = buildTestApp()
    await desk.app.ready()
    desk.editor = await staffSession(desk.app, ['editor'])
  })
  afterAll(() => desk.app.close())
  return desk
}
