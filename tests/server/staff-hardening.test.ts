/**
 * Inputs found in review that must be a 4xx and never a 500 or a silent surprise: NUL characters (PostgreSQL
 * refuses them), dates that do not exist or lie centuries away, broken multipart bodies, bursts of logins; and a
 * password reset that lets a locked-out staffer back in.
 */
import { isInstant, passwordShapeProblem, planProblems } from '@/domain'
import type { App } from '@server/app'
import { seedContent } from '@server/seed-content'
import { MAX_QUEUED_HASHES } from '@server/core/auth/passwords'
import { buildTestApp } from './support/test-app'
import { multipartBody } from './support/multipart'
import { TEST_PASSWORD, createStaffer, staffSession, type TestStaffer } from './support/staff'

let app: App
let editor: TestStaffer
let admin: TestStaffer

beforeAll(async () => {
  app = buildTestApp()
  await app.ready()
  editor = await staffSession(app, ['editor'])
  admin = await staffSession(app, ['admin'])
})

afterAll(async () => {
  await app.close()
})

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: '测试动态',
  category: '通知公告',
  summary: '摘要',
  cover: null,
  pinned: false,
  blocks: [{ type: 'paragraph', text: '正文' }],
  sample: false,
  sampleNote: null,
  ...overrides
})

describe('a NUL character', () => {
  it('is refused with a 400 naming the field, in a body, a nested block, a login and a worker search', async () => {
    const cases = [
      { method: 'POST', url: '/api/staff/news', headers: editor.headers, payload: draft({ title: 'a\u0000b' }), field: 'title' },
      {
        method: 'POST',
        url: '/api/staff/news',
        headers: editor.headers,
        payload: draft({ blocks: [{ type: 'paragraph', text: '\u0000' }] }),
        field: 'blocks.0.text'
      },
      { method: 'POST', url: '/api/staff/session', headers: {}, payload: { name: 'x\u0000', password: 'whatever-password' }, field: 'name' },
      { method: 'GET', url: '/api/news?q=%00', headers: {}, payload: undefined, field: 'q' },
      { method: 'GET', url: '/api/staff/audit?entityId=%00', headers: admin.headers, payload: undefined, field: 'entityId' }
    ] as const
    for (const { method, url, headers, payload, field } of cases) {
      const response = await app.inject({ method, url, headers, payload: payload as object | undefined })
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 })
      // Worker routes answer { code, message } only (their error schema); the message names the field everywhere.
      expect(response.json().error.code).toBe('INVALID_FIELD')
      expect(response.json().error.message).toContain(field)
    }
  })
})

describe('dates', () => {
  it('must exist on the calendar and lie between 2000 and 2100', () => {
    expect(isInstant('2026-12-01T09:00:00+08:00')).toBe(true)
    expect(isInstant('2026-12-01T01:00:00.000Z')).toBe(true)
    expect(isInstant('2026-02-31T09:00:00+08:00')).toBe(false)
    expect(isInstant('2026-12-01T25:00:00+08:00')).toBe(false)
    expect(isInstant('9999-12-31T23:59:00-01:00')).toBe(false)
    expect(isInstant('1970-01-01T00:00:00Z')).toBe(false)
    expect(isInstant('2026-12-01 09:00')).toBe(false)
  })

  it('a publication time centuries away is refused, and workers do not see the article', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/staff/news', headers: editor.headers, payload: draft() })
    const { id, version } = created.json()
    const publish = await app.inject({
      method: 'POST',
      url: `/api/staff/news/${id}/publish`,
      headers: editor.headers,
      payload: { version, at: '9999-12-31T23:59:00-01:00' }
    })
    expect(publish.statusCode).toBe(400)
    expect((await app.inject({ url: `/api/news/${id}` })).statusCode).toBe(404)
  })

  it('a competition dated 2月31日 is refused under the field', async () => {
    const id = seedContent.competitions[0].id
    const current = (await app.inject({ url: `/api/staff/competitions/${id}`, headers: editor.headers })).json()
    const { status, id: _id, sampleNote, updatedAt, updatedBy, ...rest } = current
    const response = await app.inject({
      method: 'PUT',
      url: `/api/staff/competitions/${id}`,
      headers: editor.headers,
      payload: {
        ...rest,
        sampleNote: sampleNote ?? null,
        contact: rest.contact ?? null,
        cover: rest.cover ?? null,
        quota: rest.quota ?? null,
        signupStartsAt: '2026-02-31T09:00:00+08:00'
      }
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.field).toBe('signupStartsAt')
  })
})

describe('an upload that is not well-formed multipart', () => {
  it('gets a 400, not a 500: no boundary, or a body cut off mid-file', async () => {
    const noBoundary = await app.inject({
      method: 'POST',
      url: '/api/staff/media',
      headers: { ...editor.headers, 'content-type': 'multipart/form-data' },
      payload: Buffer.from('garbage')
    })
    expect(noBoundary.statusCode).toBe(400)

    const { payload, headers } = multipartBody([{ filename: 'photo.jpg', contentType: 'image/jpeg', data: Buffer.alloc(5000, 0xff) }])
    const cut = await app.inject({ method: 'POST', url: '/api/staff/media', headers: { ...editor.headers, ...headers }, payload: payload.subarray(0, 2000) })
    expect(cut.statusCode).toBeGreaterThanOrEqual(400)
    expect(cut.statusCode).toBeLessThan(500)
  })
})

describe('a burst of logins', () => {
  it('is hashed a few at a time; past the queue it is told to come back later, never a 500', async () => {
    const attempts = Array.from({ length: MAX_QUEUED_HASHES + 12 }, (_, index) =>
      app.inject({
        method: 'POST',
        url: '/api/staff/session',
        // Each from its own address and name, so the lockout is not what answers.
        remoteAddress: `10.9.${Math.floor(index / 200)}.${index % 200}`,
        payload: { name: `burst${index}`, password: 'not-the-password-1234' }
      })
    )
    const statuses = (await Promise.all(attempts)).map((response) => response.statusCode)
    expect(statuses.every((status) => status === 401 || status === 503)).toBe(true)
    expect(statuses).toContain(503)
  }, 60_000)
})

describe('a password reset', () => {
  it('lifts the lock of an account locked by failed logins', async () => {
    const staff = await createStaffer(app, { roles: ['editor'], name: 'locked-one' })
    for (let i = 0; i < 5; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/staff/session',
        remoteAddress: `10.8.0.${i}`,
        payload: { name: 'locked-one', password: 'wrong-password-123' }
      })
    }
    const locked = await app.inject({
      method: 'POST',
      url: '/api/staff/session',
      remoteAddress: '10.8.1.1',
      payload: { name: 'locked-one', password: TEST_PASSWORD }
    })
    expect(locked.statusCode).toBe(429)
    const newPassword = '重置后的新口令-密云-7391'
    const reset = await app.inject({
      method: 'PUT',
      url: `/api/staff/accounts/${staff.id}/password`,
      headers: admin.headers,
      payload: { password: newPassword }
    })
    expect(reset.statusCode).toBe(204)
    const after = await app.inject({
      method: 'POST',
      url: '/api/staff/session',
      remoteAddress: '10.8.1.2',
      payload: { name: 'locked-one', password: newPassword }
    })
    expect(after.statusCode).toBe(200)
  }, 30_000)
})

describe('validators', () => {
  it('count a password in the form that is hashed: 「e」 and a combining accent is one character', () => {
    expect(passwordShapeProblem('e\u0301'.repeat(6))).toMatch(/12/)
  })

  it('refuse a plan figure without a key or with one another figure has', () => {
    const plan = structuredClone(seedContent.plan)
    plan.figures[1].key = plan.figures[0].key
    expect(planProblems(plan).map((problem) => problem.field)).toContain('plan.figures.1.key')
  })
})
