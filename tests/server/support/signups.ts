/**
 * Sign-up tests' set-up: activities staff create with exact dates (so a test can stand at a window's edge), the body a
 * worker's form sends, and short calls for the worker routes.
 */
import { randomBytes } from 'node:crypto'
import type { ActivityInput, SignupEventType, StaffActivity } from '@/domain'
import type { App } from '@server/app'
import type { TestStaffer } from './staff'
import type { TestWorker } from './workers'

/** Around FIXED_NOW (2026-11-24 10:00 Beijing): the window is open; the event is on 12月5日 9:00–12:00. */
export const DATES = {
  signupStartsAt: '2026-11-20T01:00:00.000Z',
  signupEndsAt: '2026-11-30T10:00:00.000Z',
  eventStartsAt: '2026-12-05T01:00:00.000Z',
  eventEndsAt: '2026-12-05T04:00:00.000Z'
} as const

export function activityInput(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    title: '八段锦健身课',
    kind: 'health',
    summary: '职工健康讲堂：八段锦入门。',
    cover: null,
    place: '密云区职工服务中心三层活动室',
    stationCode: null,
    capacity: 3,
    eligibility: '在密云区工作的职工',
    womenOnly: false,
    reviewRequired: false,
    blocks: [{ type: 'paragraph', text: '由专业教练带领练习八段锦。' }],
    contact: null,
    sample: false,
    sampleNote: null,
    ...DATES,
    ...overrides
  }
}

export async function createActivity(app: App, editor: TestStaffer, overrides: Partial<ActivityInput> = {}): Promise<StaffActivity> {
  const response = await app.inject({ method: 'POST', url: '/api/staff/activities', headers: editor.headers, payload: activityInput(overrides) as object })
  if (response.statusCode !== 201 && response.statusCode !== 200) throw new Error(`activity not created: ${response.statusCode} ${response.body}`)
  return response.json()
}

export const newIdempotencyKey = () => randomBytes(12).toString('base64url')

let phoneCounter = 0

/** What the form sends; a fresh idempotency key and phone number each time unless given. */
export function signupBody(event: { type: SignupEventType; id: string }, overrides: Record<string, unknown> = {}) {
  phoneCounter += 1
  return {
    eventType: event.type,
    eventId: event.id,
    name: '张小燕',
    phone: `139${String(10000000 + phoneCounter).slice(-8)}`,
    employer: '密云区医院',
    idempotencyKey: newIdempotencyKey(),
    remember: false,
    ...overrides
  }
}

export async function signUp(app: App, worker: TestWorker, body: object) {
  const response = await app.inject({ method: 'POST', url: '/api/me/signups', headers: worker.headers, payload: body })
  return { status: response.statusCode, body: response.json() }
}

export async function workerPost(app: App, worker: TestWorker, url: string, payload?: object) {
  const response = await app.inject({ method: 'POST', url, headers: worker.headers, ...(payload ? { payload } : {}) })
  return { status: response.statusCode, body: response.json() }
}

export async function mySignups(app: App, worker: TestWorker) {
  const response = await app.inject({ method: 'GET', url: '/api/me/signups', headers: worker.headers })
  if (response.statusCode !== 200) throw new Error(`GET /api/me/signups: ${response.statusCode} ${response.body}`)
  return response.json()
}
