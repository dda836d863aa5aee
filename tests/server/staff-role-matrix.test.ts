/**
 * The role matrix: every staff route, asked by an anonymous caller, a worker (whatever token a worker's app might
 * send — workers have no staff session), and a staffer of each role. The check runs before the body is read, so
 * even an empty body gets the 401/403 and not a 400.
 *
 * Also checked: every route the server registers under /api/staff appears in this table, so a new route cannot
 * skip the matrix.
 */
import type { StaffRole } from '@/domain'
import type { App } from '@server/app'
import { seedContent } from '@server/seed-content'
import { seedStations } from '@server/stations/seed-data'
import { seedActivities } from '@server/activities/seed-data'
import { buildTestApp } from './support/test-app'
import { sessionFor, staffSession, type TestStaffer } from './support/staff'
import { signInWorker, type TestWorker } from './support/workers'

type Audience = 'any' | 'editor' | 'handler' | 'admin'

const newsId = seedContent.news[0].id
const competitionId = seedContent.competitions[0].id
const stationId = seedStations[0].id
const activityId = seedActivities[0].id
const eventPath = `/api/staff/events/competition/${competitionId}`
const signupId = '20261124-0000000000000000'

/** method, path as registered (for the completeness check), a concrete URL, and who may call it. */
const ROUTES: { method: string; route: string; url: (ids: { accountId: string }) => string; audience: Audience }[] = [
  { method: 'DELETE', route: '/api/staff/session', url: () => '/api/staff/session', audience: 'any' },
  { method: 'GET', route: '/api/staff/me', url: () => '/api/staff/me', audience: 'any' },
  { method: 'PUT', route: '/api/staff/me/password', url: () => '/api/staff/me/password', audience: 'any' },
  { method: 'GET', route: '/api/staff/accounts', url: () => '/api/staff/accounts', audience: 'admin' },
  { method: 'POST', route: '/api/staff/accounts', url: () => '/api/staff/accounts', audience: 'admin' },
  { method: 'PATCH', route: '/api/staff/accounts/:id', url: ({ accountId }) => `/api/staff/accounts/${accountId}`, audience: 'admin' },
  { method: 'PUT', route: '/api/staff/accounts/:id/password', url: ({ accountId }) => `/api/staff/accounts/${accountId}/password`, audience: 'admin' },
  { method: 'GET', route: '/api/staff/audit', url: () => '/api/staff/audit', audience: 'admin' },
  { method: 'GET', route: '/api/staff/news', url: () => '/api/staff/news', audience: 'editor' },
  { method: 'POST', route: '/api/staff/news', url: () => '/api/staff/news', audience: 'editor' },
  { method: 'GET', route: '/api/staff/news/:id', url: () => `/api/staff/news/${newsId}`, audience: 'editor' },
  { method: 'PUT', route: '/api/staff/news/:id', url: () => `/api/staff/news/${newsId}`, audience: 'editor' },
  { method: 'POST', route: '/api/staff/news/:id/publish', url: () => `/api/staff/news/${newsId}/publish`, audience: 'editor' },
  { method: 'POST', route: '/api/staff/news/:id/unpublish', url: () => `/api/staff/news/${newsId}/unpublish`, audience: 'editor' },
  { method: 'POST', route: '/api/staff/media', url: () => '/api/staff/media', audience: 'editor' },
  { method: 'GET', route: '/api/staff/competitions', url: () => '/api/staff/competitions', audience: 'editor' },
  { method: 'POST', route: '/api/staff/competitions', url: () => '/api/staff/competitions', audience: 'editor' },
  { method: 'GET', route: '/api/staff/competitions/:id', url: () => `/api/staff/competitions/${competitionId}`, audience: 'editor' },
  { method: 'PUT', route: '/api/staff/competitions/:id', url: () => `/api/staff/competitions/${competitionId}`, audience: 'editor' },
  { method: 'GET', route: '/api/staff/activities', url: () => '/api/staff/activities', audience: 'editor' },
  { method: 'POST', route: '/api/staff/activities', url: () => '/api/staff/activities', audience: 'editor' },
  { method: 'GET', route: '/api/staff/activities/:id', url: () => `/api/staff/activities/${activityId}`, audience: 'editor' },
  { method: 'PUT', route: '/api/staff/activities/:id', url: () => `/api/staff/activities/${activityId}`, audience: 'editor' },
  { method: 'POST', route: '/api/staff/activities/:id/cancel', url: () => `/api/staff/activities/${activityId}/cancel`, audience: 'editor' },
  { method: 'GET', route: '/api/staff/services/:slug', url: () => '/api/staff/services/legal-aid', audience: 'editor' },
  { method: 'PUT', route: '/api/staff/services/:slug', url: () => '/api/staff/services/legal-aid', audience: 'editor' },
  { method: 'GET', route: '/api/staff/plan', url: () => '/api/staff/plan', audience: 'editor' },
  { method: 'PUT', route: '/api/staff/plan', url: () => '/api/staff/plan', audience: 'editor' },
  { method: 'GET', route: '/api/staff/featured', url: () => '/api/staff/featured', audience: 'editor' },
  { method: 'PUT', route: '/api/staff/featured', url: () => '/api/staff/featured', audience: 'editor' },
  { method: 'GET', route: '/api/staff/stations', url: () => '/api/staff/stations', audience: 'editor' },
  { method: 'POST', route: '/api/staff/stations', url: () => '/api/staff/stations', audience: 'editor' },
  { method: 'GET', route: '/api/staff/stations/:id', url: () => `/api/staff/stations/${stationId}`, audience: 'editor' },
  { method: 'PUT', route: '/api/staff/stations/:id', url: () => `/api/staff/stations/${stationId}`, audience: 'editor' },
  { method: 'POST', route: '/api/staff/stations/:id/close', url: () => `/api/staff/stations/${stationId}/close`, audience: 'editor' },
  { method: 'POST', route: '/api/staff/stations/:id/reopen', url: () => `/api/staff/stations/${stationId}/reopen`, audience: 'editor' },
  { method: 'GET', route: '/api/staff/stations/:id/scans', url: () => `/api/staff/stations/${stationId}/scans`, audience: 'editor' },
  { method: 'GET', route: '/api/staff/station-settings', url: () => '/api/staff/station-settings', audience: 'editor' },
  { method: 'PUT', route: '/api/staff/station-settings', url: () => '/api/staff/station-settings', audience: 'editor' },
  { method: 'GET', route: '/api/staff/stations/posters/options', url: () => '/api/staff/stations/posters/options', audience: 'editor' },
  { method: 'GET', route: '/api/staff/stations/:id/poster.pdf', url: () => `/api/staff/stations/${stationId}/poster.pdf`, audience: 'editor' },
  { method: 'GET', route: '/api/staff/stations/posters.pdf', url: () => '/api/staff/stations/posters.pdf', audience: 'editor' },
  { method: 'GET', route: '/api/staff/events/:type/:id/signups', url: () => `${eventPath}/signups`, audience: 'handler' },
  { method: 'GET', route: '/api/staff/events/:type/:id/signups.csv', url: () => `${eventPath}/signups.csv`, audience: 'handler' },
  { method: 'GET', route: '/api/staff/events/:type/:id/check-in', url: () => `${eventPath}/check-in`, audience: 'handler' },
  { method: 'POST', route: '/api/staff/signups/:id/review', url: () => `/api/staff/signups/${signupId}/review`, audience: 'handler' },
  { method: 'POST', route: '/api/staff/signups/:id/reveal-phone', url: () => `/api/staff/signups/${signupId}/reveal-phone`, audience: 'handler' },
  { method: 'POST', route: '/api/staff/signups/:id/check-in', url: () => `/api/staff/signups/${signupId}/check-in`, audience: 'handler' }
]

/** The one staff route anybody may call. */
const OPEN_ROUTES = ['POST /api/staff/session']

/** A worker's own routes (requireWorker): no staff token is a worker identity. Signing in is open to anyone. */
const WORKER_ROUTES = [
  'GET /api/me',
  'PUT /api/me/consent',
  'DELETE /api/me/prefill',
  'DELETE /api/me/session',
  'POST /api/me/signups',
  'GET /api/me/signups',
  'POST /api/me/signups/:id/cancel',
  'POST /api/me/signups/:id/check-in'
]
const OPEN_WORKER_ROUTES = ['POST /api/me/session']

const ROLE_SETS: Record<string, StaffRole[]> = {
  编辑: ['editor'],
  经办: ['handler'],
  管理员: ['admin'],
  '编辑+经办': ['editor', 'handler']
}

function allowed(audience: Audience, roles: StaffRole[]): boolean {
  if (roles.includes('admin')) return true
  if (audience === 'any') return true
  return roles.includes(audience as StaffRole)
}

let app: App
const registered: string[] = []
const registeredWorker: string[] = []
const staffers: Record<string, TestStaffer> = {}
let target: TestStaffer
let worker: TestWorker

beforeAll(async () => {
  app = buildTestApp()
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) if (route.url.startsWith('/api/staff') && method !== 'HEAD') registered.push(`${method} ${route.url}`)
    for (const method of methods) if (/^\/api\/me(\/|$)/.test(route.url) && method !== 'HEAD') registeredWorker.push(`${method} ${route.url}`)
  })
  await app.ready()
  for (const [label, roles] of Object.entries(ROLE_SETS)) staffers[label] = await staffSession(app, roles)
  // The account the admin routes are asked about (never the caller's own, so no self-lockout rule interferes).
  target = await staffSession(app, ['editor'])
  worker = await signInWorker(app)
})

afterAll(async () => {
  await app.close()
})

const ask = (method: string, url: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: method as 'GET',
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: method === 'GET' || method === 'DELETE' ? undefined : '{}'
  })

describe('the staff routes the server has', () => {
  it('are all in the matrix', () => {
    const listed = [...ROUTES.map((route) => `${route.method} ${route.route}`), ...OPEN_ROUTES]
    expect([...new Set(registered)].sort()).toEqual([...new Set(listed)].sort())
  })
})

describe.each(ROUTES)('$method $route', ({ method, url, audience }) => {
  const at = () => url({ accountId: target.staff.id })

  it('refuses an anonymous caller with 401 and a message', async () => {
    const response = await ask(method, at())
    expect(response.statusCode).toBe(401)
    expect(response.json().error.message).toMatch(/登录/)
  })

  it('refuses a worker (no staff session) with 401', async () => {
    for (const authorization of [worker.headers.authorization, 'Bearer worker-app-token-0123456789abcdef', 'Basic d29ya2VyOnB3', `Bearer ${'x'.repeat(43)}`]) {
      const response = await ask(method, at(), { authorization })
      expect(response.statusCode).toBe(401)
    }
  })

  it.each(Object.keys(ROLE_SETS))('answers a %s by role', async (label) => {
    // Logging out ends the session it is asked with: use a session of its own.
    const staffer = method === 'DELETE' ? await sessionFor(app, staffers[label].staff) : staffers[label]
    const response = await ask(method, at(), staffer.headers)
    if (allowed(audience, ROLE_SETS[label])) {
      expect([401, 403]).not.toContain(response.statusCode)
      expect(response.statusCode).toBeLessThan(500)
    } else {
      expect(response.statusCode).toBe(403)
      expect(response.json().error.message).toMatch({ admin: /管理员/, editor: /编辑/, handler: /经办/, any: /./ }[audience])
    }
  })
})

describe('the worker routes the server has', () => {
  it('are all listed here', () => {
    expect([...new Set(registeredWorker)].sort()).toEqual([...WORKER_ROUTES, ...OPEN_WORKER_ROUTES].sort())
  })

  it.each(WORKER_ROUTES)('%s refuses an anonymous caller and every staff role with 401', async (route) => {
    const [method, url] = route.split(' ')
    const anonymous = await ask(method, url)
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().error.code).toBe('WORKER_UNAUTHENTICATED')
    for (const staffer of Object.values(staffers)) {
      const response = await ask(method, url, staffer.headers)
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('WORKER_SESSION_ENDED')
    }
  })
})
