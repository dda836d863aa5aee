/**
 * Sign-ups for the page tests, straight through the real API: a worker on another device who signs up (to fill an
 * event's places), and an event's places now.
 */
import type { EventAvailability, SignupEventType } from '@/domain'

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
