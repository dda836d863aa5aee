/**
 * The set-up the staff login and session suites share: an app with a clock the test moves (back to FIXED_NOW before
 * each test), one administrator, and logins that each come from their own address unless a test says otherwise, so
 * the per-address lockout of one test does not spill into the next. Call at the top level of a test file.
 */
import type { LightMyRequestResponse } from 'fastify'
import type { App } from '@server/app'
import type { StaffMe } from '@/domain'
import { TEST_PASSWORD, createStaffer, sessionFor } from './staff'
import { FIXED_NOW, buildTestApp, makeTempDir, removeTempDirs } from './test-app'

export const MINUTE = 60_000

/** FIXED_NOW plus `ms`. */
export const at = (ms: number) => new Date(FIXED_NOW.getTime() + ms)

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export function expectError(response: LightMyRequestResponse, status: number, code: string, message?: string | RegExp) {
  expect({ status: response.statusCode, code: response.json().error?.code }).toEqual({ status, code })
  if (message !== undefined) expect(response.json().error.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message))
}

export interface AuthDesk {
  app: App
  /** What the app's clock reads. */
  clock: Date
  admin: StaffMe
  /** A new admin session at the current clock: the test moves the clock past any older one's idle limit. */
  adminHeaders(): Promise<Record<string, string>>
  /** A documentation-range address nobody else in this file uses. */
  freshAddress(): string
  login(name: string, password: string, options?: { address?: string; headers?: Record<string, string>; on?: App }): Promise<LightMyRequestResponse>
  tokenOf(name: string, password?: string): Promise<string>
  me(token: string): Promise<LightMyRequestResponse>
}

export function useAuthDesk(dataDirPrefix: string): AuthDesk {
  let addressCounter = 0
  const desk = {
    clock: FIXED_NOW,
    adminHeaders: async () => (await sessionFor(desk.app, desk.admin)).headers,
    freshAddress: () => `198.51.${100 + Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`,
    login(name: string, password: string, options: { address?: string; headers?: Record<string, string>; on?: App } = {}) {
      return (options.on ?? desk.app).inject({
        method: 'POST',
        url: '/api/staff/session',
        payload: { name, password },
        remoteAddress: options.address ?? desk.freshAddress(),
        headers: options.headers
      })
    },
    async tokenOf(name: string, password = TEST_PASSWORD) {
      const response = await desk.login(name, password)
      expect(response.statusCode).toBe(200)
      return response.json().token as string
    },
    me: (token: string) => desk.app.inject({ method: 'GET', url: '/api/staff/me', headers: bearer(token) })
  } as AuthDesk

  beforeAll(async () => {
    desk.app = buildTestApp({ dataDir: makeTempDir(dataDirPrefix), now: () => desk.clock })
    await desk.app.ready()
    desk.admin = await createStaffer(desk.app, { roles: ['admin'], name: 'guanli', displayName: '赵管理' })
  })

  beforeEach(() => {
    desk.clock = FIXED_NOW
  })

  afterAll(async () => {
    await desk.app.close()
    removeTempDirs()
  })

  return desk
}
