/**
 * Workers for the staff page tests, straight over HTTP as the H5 app signs in (a fresh device secret) and agrees to
 * the current privacy notice, then signs up for an event — so a staff page has sign-ups to show.
 */
import { PRIVACY_NOTICE_VERSION, type SignupEventType, type SignupResponse } from '@/domain'

let serial = 0

export interface PageTestWorker {
  token: string
  request<T>(method: string, path: string, body?: unknown): Promise<T>
}

function randomKey(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('')
}

async function json<T>(answer: Response, what: string): Promise<T> {
  if (!answer.ok) throw new Error(`${what} → ${answer.status} ${await answer.text()}`)
  return (await answer.json()) as T
}

export async function signedInWorker(): Promise<PageTestWorker> {
  const session = await json<{ token: string }>(
    await fetch('/api/me/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ deviceSecret: randomKey(43) }) }),
    'worker sign-in'
  )
  const worker: PageTestWorker = {
    token: session.token,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const answer = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${session.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
      return json<T>(answer, `${method} ${path}`)
    }
  }
  await worker.request('PUT', '/api/me/consent', { version: PRIVACY_NOTICE_VERSION })
  return worker
}

/** A worker signed in and signed up for the event; the phone is unique per call (13900000000 + n). */
export async function signedUpWorker(
  eventType: SignupEventType,
  eventId: string,
  name: string
): Promise<{ worker: PageTestWorker; phone: string; signup: SignupResponse }> {
  serial += 1
  const phone = `139${String((process.pid % 1000) * 1000 + serial).padStart(8, '0')}`
  const worker = await signedInWorker()
  const signup = await worker.request<SignupResponse>('POST', '/api/me/signups', {
    eventType,
    eventId,
    name,
    phone,
    employer: '密云区示例单位',
    ...(eventType === 'competition' ? { trade: '电工', years: 3 } : {}),
    idempotencyKey: randomKey(24),
    remember: false
  })
  return { worker, phone, signup }
}
