/**
 * The worker's side of subscribe messages: the template ids a form asks for (public, none when unconfigured) and the
 * grants POST /api/me/subscriptions records — each known id one more grant, unknown ids ignored, never a 5xx.
 */
import type { App } from '@server/app'
import { grantsLeft } from '@server/core/outbox/grants'
import { CHANGE_TEMPLATE_ID, SIGNUP_TEMPLATE_ID } from './support/outbox'
import { buildTestApp, removeTempDirs } from './support/test-app'
import { signInWorker } from './support/workers'

const templates = { WECHAT_TEMPLATE_SIGNUP_RESULT: SIGNUP_TEMPLATE_ID, WECHAT_TEMPLATE_EVENT_CHANGE: CHANGE_TEMPLATE_ID }

describe('subscribe-message templates and grants', () => {
  let app: App
  let bare: App
  beforeAll(async () => {
    app = buildTestApp({ env: { ...templates, OUTBOX_INTERVAL: '0' } })
    bare = buildTestApp()
    await Promise.all([app.ready(), bare.ready()])
  })
  afterAll(async () => {
    await Promise.all([app.close(), bare.close()])
    removeTempDirs()
  })

  it('tells a form the configured template ids, and none when unset', async () => {
    const configured = await app.inject({ method: 'GET', url: '/api/notifications/templates' })
    expect(configured.statusCode).toBe(200)
    expect(configured.json()).toEqual({ templateIds: [SIGNUP_TEMPLATE_ID, CHANGE_TEMPLATE_ID] })
    expect((await bare.inject({ method: 'GET', url: '/api/notifications/templates' })).json()).toEqual({ templateIds: [] })
  })

  it('counts one grant per accepted known template, ignoring unknown ids', async () => {
    const worker = await signInWorker(app)
    const send = (accepted: unknown) => app.inject({ method: 'POST', url: '/api/me/subscriptions', headers: worker.headers, payload: { accepted } })
    const first = await send([SIGNUP_TEMPLATE_ID, 'TPL_unknown_000000'])
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({ counted: [SIGNUP_TEMPLATE_ID] })
    await send([SIGNUP_TEMPLATE_ID, CHANGE_TEMPLATE_ID])
    expect(await grantsLeft(app.db, worker.workerId, SIGNUP_TEMPLATE_ID)).toBe(2)
    expect(await grantsLeft(app.db, worker.workerId, CHANGE_TEMPLATE_ID)).toBe(1)
  })

  it('refuses an anonymous caller and bad input with a 4xx', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/me/subscriptions', payload: { accepted: [] } })).statusCode).toBe(401)
    const worker = await signInWorker(app)
    const tooMany = await app.inject({ method: 'POST', url: '/api/me/subscriptions', headers: worker.headers, payload: { accepted: ['a1', 'a2', 'a3', 'a4'] } })
    expect(tooMany.statusCode).toBe(400)
    const wrong = await app.inject({ method: 'POST', url: '/api/me/subscriptions', headers: worker.headers, payload: {} })
    expect(wrong.statusCode).toBe(400)
  })
})
