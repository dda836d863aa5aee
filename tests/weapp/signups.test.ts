/**
 * The BUILT sign-up form (dist/weapp) in WeChat's component framework, against the real API server and the fake
 * WeChat: the first action signs the worker in silently — wx.login's code → POST /api/me/session → the server exchanges
 * it at the fake's jscode2session for an openid — then the notice's unticked agreement, the fields, 提交报名, and
 * 报名成功 on the page; the server holds the sign-up for that openid's worker.
 */
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { SIGNUP_FORM_PAGE } from '@/routes'
import type { SimPage } from './support/simulator'
import { weappSuite } from './support/suite'

jest.setTimeout(90_000)

const OPENID = 'oWorkerSimulator0123456789ab'
const ACTIVITY = 'baduanjin-class'
const WORKER = { name: '王桂芳', phone: '13612345678', employer: '密云区果园街道社区服务中心' }

let fake: FakeWechat
beforeAll(async () => {
  fake = await startFakeWechat()
})
const suite = weappSuite(() => ({ env: fake.env }))
afterAll(async () => {
  await fake?.close()
})

/** Types into the page's n-th input (姓名, 手机号, 工作单位 in order): WeChat's input event with the value, as a keyboard sends it. */
async function typeInto(page: SimPage, index: number, value: string): Promise<void> {
  const inputs = Array.from(page.component.dom.querySelectorAll('wx-input')) as (Element & { __wxElement?: unknown })[]
  const input = inputs[index]
  if (!input) throw new Error(`no input ${index} on the page (${inputs.length} inputs)`)
  let target: Element | null = input
  while (target && !(target as { __wxElement?: unknown }).__wxElement) target = target.parentElement
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exparser = require('miniprogram-exparser') as {
    Event: { create(n: string, d: unknown, o: object): unknown; dispatchEvent(t: unknown, e: unknown): void }
  }
  exparser.Event.dispatchEvent(
    (target as unknown as { __wxElement: unknown }).__wxElement,
    exparser.Event.create('input', { value, cursor: value.length }, { bubbles: false })
  )
  await suite.sim.settle()
}

describe('the sign-up form in WeChat', () => {
  it('signs a new worker in with wx.login, asks the agreement, and answers 报名成功; the server holds it for that openid', async () => {
    suite.sim.host.loginCode = fake.loginCode({ openid: OPENID })
    const page = await suite.sim.openPage(SIGNUP_FORM_PAGE, { type: 'activity', id: ACTIVITY })
    await page.waitForText('提交报名', 15_000)
    await suite.sim.settle()
    expect(page.text()).toContain('八段锦')
    expect(page.text()).toContain('报名个人信息处理说明')
    await typeInto(page, 0, WORKER.name)
    await typeInto(page, 1, WORKER.phone)
    await typeInto(page, 2, WORKER.employer)
    await page.tap('我已阅读并同意')
    await suite.sim.settle()
    await page.tap('提交报名')
    await page.waitForText('报名成功', 15_000)
    await suite.sim.settle()
    // Signed in silently with the login code, and nothing personal in any URL the app asked for.
    expect(suite.sim.host.requests.filter((request) => request.url.endsWith('/api/me/session')).map((request) => request.statusCode)).toEqual([200])
    expect(suite.sim.host.requests.some((request) => request.url.includes(WORKER.phone) || request.url.includes(encodeURIComponent(WORKER.name)))).toBe(false)

    const rows = await suite.server.app.db
      .selectFrom('signups')
      .innerJoin('workers', 'workers.id', 'signups.worker_id')
      .select(['signups.state', 'signups.event_id', 'signups.phone_masked', 'workers.kind'])
      .where('workers.lookup', '=', suite.server.app.fieldCipher.lookup(`wechat:${OPENID}`))
      .execute()
    expect(rows).toEqual([{ state: 'confirmed', event_id: ACTIVITY, phone_masked: '136****5678', kind: 'wechat' }])
    expect(fake.loginCalls).toEqual([expect.objectContaining({ secretMatches: true, grantType: 'authorization_code' })])
  })
})
