/**
 * Sign-ups for the page tests, straight through the real API: a worker on another device who signs up (to fill an
 * event's places), and an event's places now.
 */
import type { EventAvailability, SignupEventType } from '@/domain'
import { PAGE_TEST_STAFF } from './support/staff-account'

let serial = 0

/** A fresh device identity (43 base64url characters), as another worker's browser makes one. */
function deviceSecret(): string {
  serial += 1
  return `test${process.pid}x${serial}x${Date.now()}`.padEnd(43, 'a').slice(0, 64)
}

async function json<T>(response: Response, expected: number[]): Promise<T> {
  if (!expected.includes(response.status)) throw new Error(`${response.url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

/** Another worker, signed in on another device and agreed to the notice: their Authorization header. */
export async function anotherWorker(): Promise<Record<string, string>> {
  const session = await json<{ token: string }>(
    await fetch('/api/me/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deviceSecret: deviceSecret() }) }),
    [200]
  )
  const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' }
  await json(await fetch('/api/me/consent', { method: 'PUT', headers, body: JSON.stringify({ version: 1 }) }), [200])
  return headers
}

export async function signUpAsAnother(type: SignupEventType, id: string, extra: Record<string, unknown> = {}): Promise<void> {
  const headers = await anotherWorker()
  serial += 1
  const body = {
    eventType: type,
    eventId: id,
    name: '其他职工',
    phone: '13800000000',
    employer: '密云区某单位',
    idempotencyKey: `fill-${process.pid}-${serial}-${Date.now()}`,
    remember: false,
    ...extra
  }
  await json(await fetch('/api/me/signups', { method: 'POST', headers, body: JSON.stringify(body) }), [200, 201])
}

export async function availability(type: SignupEventType, id: string): Promise<EventAvailability> {
  return json<EventAvailability>(await fetch(`/api/events/${type}/${id}/availability`), [200])
}

/** Takes every place left, so the next sign-up waits (候补). */
export async function fillEvent(type: SignupEventType, id: string): Promise<void> {
  const { remaining } = await availability(type, id)
  for (let left = remaining ?? 0; left > 0; left -= 1) await signUpAsAnother(type, id)
}

/** The page tests' staff account (support/global-setup.ts), logged in through the real staff route. */
async function staffHeaders(): Promise<Record<string, string>> {
  const login = await json<{ token: string }>(
    await fetch('/api/staff/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: PAGE_TEST_STAFF.name, password: PAGE_TEST_STAFF.password })
    }),
    [200]
  )
  return { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' }
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()

/**
 * A new activity (made by the 编辑 through the staff route) whose sign-up is open now and whose check-in opens at
 * once: it starts in 30 minutes. Returns its id.
 */
export async function activityStartingSoon(title: string): Promise<string> {
  const input = {
    title,
    kind: 'health',
    summary: '页面测试用的活动',
    cover: null,
    place: '密云区职工服务中心',
    stationCode: null,
    capacity: 10,
    eligibility: '全区职工',
    womenOnly: false,
    reviewRequired: false,
    blocks: [{ type: 'paragraph', text: '页面测试用的活动。' }],
    contact: null,
    sample: false,
    sampleNote: null,
    signupStartsAt: inMinutes(-60),
    signupEndsAt: inMinutes(20),
    eventStartsAt: inMinutes(30),
    eventEndsAt: inMinutes(180)
  }
  const created = await json<{ id: string }>(
    await fetch('/api/staff/activities', { method: 'POST', headers: await staffHeaders(), body: JSON.stringify(input) }),
    [200, 201]
  )
  return created.id
}

/** The 6 digits on the event's 签到 screen now (GET /api/staff/events/:type/:id/check-in as a 经办). */
export async function checkInCode(type: SignupEventType, id: string): Promise<{ code: string; path: string }> {
  return json(await fetch(`/api/staff/events/${type}/${id}/check-in`, { headers: await staffHeaders() }), [200])
}

/** The 经办's refusal of a sign-up waiting for review, with the reason the worker reads. */
export async function refuse(type: SignupEventType, eventId: string, signupId: string, reason: string): Promise<void> {
  const headers = await staffHeaders()
  const list = await json<{ signups: { id: string; version: number }[] }>(await fetch(`/api/staff/events/${type}/${eventId}/signups`, { headers }), [200])
  const signup = list.signups.find((each) => each.id === signupId)!
  await json(
    await fetch(`/api/staff/signups/${signupId}/review`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ approve: false, reason, version: signup.version })
    }),
    [200]
  )
}
