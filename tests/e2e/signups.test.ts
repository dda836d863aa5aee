/**
 * End to end, issue 11's "done when" on H5: a worker who has never used the app signs up for a sample activity and a
 * sample competition (notice read, agreement ticked), sees both in 我的报名 and cancels one; a 经办 staffer made on the
 * command line refuses a sign-up that waits for review with a reason, which the worker reads; and the worker checks in
 * with the 6 digits read off the staffer's 签到屏, whose count then moves. Real server on a fresh database, the real
 * H5 build in Chromium, the tests' clock (TEST_NOW). Screenshots go to test-artifacts/e2e/signups/.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { ActivityInput, LoginResponse, MySignup, StaffActivity } from '@/domain'
import { field, launchChromium, screenshots, shown, type LaunchedBrowser } from './browser'
import { startServer, type RunningServer } from './server'
import { TEST_NOW } from '../support/clock'

jest.setTimeout(240_000)

const ROOT = path.resolve(__dirname, '../..')
const H5_DIR = path.join(ROOT, 'dist/h5')
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e/signups')
const VISIBLE = { timeout: 15_000 }

const HANDLER = { name: 'lijingban', displayName: '李经办', password: '密云工会-经办-端到端-2026' }
const EDITOR = { name: 'zhaobianji', displayName: '赵编辑', password: '密云工会-编辑-端到端-2026' }
const WORKER = { name: '张秀兰', phone: '13912345678', employer: '密云区职工服务中心' }
const ACTIVITY = 'baduanjin-class'
const COMPETITION = 'housekeeping-2026'
const REVIEWED = 'new-media-course'
const REASON = '本期名额优先安排一线职工'

let server: RunningServer
let chromium: LaunchedBrowser
let phone: BrowserContext
let desk: BrowserContext
let worker: Page
let staff: Page
let checkInActivity: StaffActivity

const shot = screenshots(ARTIFACTS)

const card = (page: Page, title: string) =>
  page
    .locator('.signup-card')
    .locator('visible=true')
    .filter({ has: page.locator('.signup-card__title', { hasText: title }) })
    .first()

function addStaffer(who: typeof HANDLER, role: 'handler' | 'editor'): void {
  const created = spawnSync(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['scripts/staff.ts', 'add', who.name, '--role', role, '--display-name', who.displayName],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: server.dataDir, STAFF_PASSWORD: who.password, LOG_LEVEL: 'silent' },
      encoding: 'utf8'
    }
  )
  if (created.status !== 0) throw new Error(`npm run staff -- add failed (${created.status}): ${created.stderr}${created.stdout}`)
}

async function api<T>(method: string, url: string, token?: string, body?: unknown): Promise<T> {
  const answer = await fetch(`${server.url}${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  if (!answer.ok) throw new Error(`${method} ${url} → ${answer.status} ${await answer.text()}`)
  return (await answer.json()) as T
}

/** The sign-up form's event title, fields, the send and the server's answer (the state it gave). */
async function signUp(page: Page, extra: Record<string, string> = {}): Promise<MySignup['state']> {
  await shown(page, '提交报名').waitFor(VISIBLE)
  for (const [name, value] of Object.entries({ ...WORKER, ...extra })) await field(page, name).fill(value, VISIBLE)
  const sending = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/me/signups' && response.request().method() === 'POST', VISIBLE)
  await shown(page, '提交报名').click()
  const answer = await sending
  expect([200, 201]).toContain(answer.status())
  return ((await answer.json()) as { signup: MySignup }).signup.state
}

const HEADLINE: Partial<Record<MySignup['state'], RegExp>> = {
  confirmed: /^报名成功$/,
  waitlisted: /^名额已满，您是候补第 \d+ 位$/,
  pending: /^已提交，待审核$/
}

async function openMySignups(): Promise<void> {
  await worker.goto(`${server.url}/packages/signups/mine/index`, { waitUntil: 'domcontentloaded' })
  await worker.locator('.signup-card').locator('visible=true').first().waitFor(VISIBLE)
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error('dist/h5 is missing. Run `npm run test:e2e` (it builds the H5 app first).')
  }
  fs.rmSync(ARTIFACTS, { recursive: true, force: true })
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const startedAt = Date.now()
  server = await startServer({ h5Dir: H5_DIR, now: () => new Date(TEST_NOW.getTime() + (Date.now() - startedAt)) })
  addStaffer(HANDLER, 'handler')
  addStaffer(EDITOR, 'editor')

  // An activity starting in half an hour (check-in opens an hour before the start), made by the editor on the staff API.
  const { token } = await api<LoginResponse>('POST', '/api/staff/session', undefined, { name: EDITOR.name, password: EDITOR.password })
  const input: ActivityInput = {
    title: '职工健康讲堂：颈椎保健操（今日）',
    kind: 'health',
    summary: '端到端测试用的活动，今天上午举行。',
    cover: null,
    blocks: [{ type: 'paragraph', text: '活动介绍。' }],
    signupStartsAt: '2026-11-20T09:00:00+08:00',
    signupEndsAt: '2026-11-24T10:30:00+08:00',
    eventStartsAt: '2026-11-24T10:30:00+08:00',
    eventEndsAt: '2026-11-24T12:00:00+08:00',
    place: '密云区职工服务中心',
    stationCode: null,
    capacity: 30,
    eligibility: '密云区在职职工',
    womenOnly: false,
    reviewRequired: false,
    contact: null,
    sample: false,
    sampleNote: null
  }
  checkInActivity = await api<StaffActivity>('POST', '/api/staff/activities', token, input)

  chromium = await launchChromium()
  phone = await chromium.newPhone()
  await phone.clock.setSystemTime(TEST_NOW)
  desk = await chromium.newPhone({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36'
  })
  await desk.clock.setSystemTime(TEST_NOW)
  worker = await phone.newPage()
  staff = await desk.newPage()
})

afterEach(() => chromium.failOnAppErrors())

afterAll(async () => {
  await phone?.close()
  await desk?.close()
  await chromium?.close()
  await server?.close()
})

describe('a worker signs up on H5, a 经办 staffer handles it, and the worker checks in', () => {
  it('signs up for a sample activity from its page: the notice and an unticked agreement first, then 报名成功 or 候补', async () => {
    await worker.goto(`${server.url}/packages/activities/detail/index?id=${ACTIVITY}`, { waitUntil: 'domcontentloaded' })
    await shown(worker, '我要报名').click(VISIBLE)
    await worker.waitForURL(/packages\/signups\/form/, VISIBLE)
    expect(worker.url()).not.toMatch(/1391234|张/)
    const agreement = worker
      .getByRole('checkbox', { name: /我已阅读并同意/ })
      .locator('visible=true')
      .first()
    await agreement.waitFor(VISIBLE)
    expect(await agreement.getAttribute('aria-checked')).toBe('false')
    await shown(worker, '《报名个人信息处理说明》').waitFor(VISIBLE)
    await agreement.click()
    expect(await agreement.getAttribute('aria-checked')).toBe('true')
    await shot(worker, 'form')
    const state = await signUp(worker)
    expect(['confirmed', 'waitlisted']).toContain(state)
    await shown(worker, HEADLINE[state]!).waitFor(VISIBLE)
    await shot(worker, 'activity-result')
  })

  it('signs up for a competition too, with its extra fields, without being asked to agree again', async () => {
    await worker.goto(`${server.url}/packages/competitions/detail/index?id=${COMPETITION}`, { waitUntil: 'domcontentloaded' })
    await shown(worker, '我要报名').click(VISIBLE)
    await worker.waitForURL(/packages\/signups\/form/, VISIBLE)
    const state = await signUp(worker, { trade: '家政服务员', years: '5' })
    expect(['confirmed', 'waitlisted']).toContain(state)
    expect(
      await worker
        .getByRole('checkbox', { name: /我已阅读并同意/ })
        .locator('visible=true')
        .count()
    ).toBe(0)
    await shown(worker, HEADLINE[state]!).waitFor(VISIBLE)
    await shot(worker, 'competition-result')
  })

  it('sees both in 我的报名, phone masked, and cancels the activity', async () => {
    await openMySignups()
    const activity = card(worker, '八段锦')
    await activity.waitFor(VISIBLE)
    await card(worker, '家政').waitFor(VISIBLE)
    const text = await worker.locator('body').innerText()
    expect(text).toContain('139****5678')
    expect(text).not.toContain(WORKER.phone)
    await shot(worker, 'mine')

    await activity.getByText('取消报名', { exact: true }).click()
    // Taro's H5 modal: its confirm button says 取消报名 too.
    const cancelling = worker.waitForResponse((response) => /\/api\/me\/signups\/[^/]+\/cancel$/.test(new URL(response.url()).pathname), VISIBLE)
    await worker.locator('.taro-modal__foot').locator('visible=true').getByText('取消报名', { exact: true }).first().click(VISIBLE)
    expect((await cancelling).status()).toBe(200)
    await card(worker, '八段锦').getByText('已取消', { exact: true }).waitFor(VISIBLE)
    await card(worker, '家政').getByText('取消报名', { exact: true }).waitFor(VISIBLE)
    await shot(worker, 'mine-cancelled')
  })

  it('a 经办 refuses a sign-up waiting for review, with a reason the worker then reads', async () => {
    await worker.goto(`${server.url}/packages/signups/form/index?type=activity&id=${REVIEWED}`, { waitUntil: 'domcontentloaded' })
    expect(await signUp(worker)).toBe('pending')
    await shown(worker, HEADLINE.pending!).waitFor(VISIBLE)

    await staff.goto(`${server.url}/pages/me/index`, { waitUntil: 'domcontentloaded' })
    await shown(staff, '工作人员登录').click(VISIBLE)
    await staff.waitForURL(/packages\/staff\/login/, VISIBLE)
    await field(staff, 'name').fill(HANDLER.name, VISIBLE)
    await field(staff, 'password').fill(HANDLER.password)
    await shown(staff, '登录').click()
    await staff.waitForURL(/packages\/staff\/home/, VISIBLE)
    await staff.getByText(HANDLER.displayName).first().waitFor(VISIBLE)

    await staff.goto(`${server.url}/packages/staff/event-signups/index?type=activity&id=${REVIEWED}`, { waitUntil: 'domcontentloaded' })
    const row = staff.locator('.signup-card').locator('visible=true').filter({ hasText: WORKER.name }).first()
    await row.waitFor(VISIBLE)
    await shown(staff, '待审核 1').waitFor(VISIBLE)
    await row.getByText('不通过', { exact: true }).click()
    await row.locator('[data-field^="reason-"]').locator('input, textarea').first().fill(REASON, VISIBLE)
    await shot(staff, 'refusing')
    await row.getByText('确定不通过', { exact: true }).click()
    await shown(staff, '已设为未通过，报名人会看到原因').waitFor(VISIBLE)
    await shown(staff, '未通过 1').waitFor(VISIBLE)
    await shot(staff, 'refused')

    await openMySignups()
    const refused = card(worker, '全媒体运营师')
    await refused.getByText('未通过', { exact: true }).waitFor(VISIBLE)
    await refused.getByText(`原因：${REASON}`).waitFor(VISIBLE)
    await shot(worker, 'mine-refused')
  })

  it('checks in with the 6 digits on the staffer’s 签到屏, and the count moves', async () => {
    await worker.goto(`${server.url}/packages/signups/form/index?type=activity&id=${checkInActivity.id}`, { waitUntil: 'domcontentloaded' })
    expect(await signUp(worker)).toBe('confirmed')
    await shown(worker, '报名成功').waitFor(VISIBLE)

    await staff.goto(`${server.url}/packages/staff/check-in-screen/index?type=activity&id=${checkInActivity.id}`, { waitUntil: 'domcontentloaded' })
    const count = staff.getByLabel('签到人数').locator('visible=true').first()
    await count.getByText('0 / 1').waitFor(VISIBLE)
    const code = (await staff.getByLabel('签到码').locator('visible=true').first().innerText()).trim()
    expect(code).toMatch(/^\d{6}$/)
    await shot(staff, 'check-in-screen')

    await openMySignups()
    const mine = card(worker, checkInActivity.title)
    await mine.getByPlaceholder('输入现场 6 位签到码').fill(code, VISIBLE)
    await mine.getByText('签到', { exact: true }).click()
    await card(worker, checkInActivity.title).getByText('已签到', { exact: true }).waitFor(VISIBLE)
    await shot(worker, 'checked-in')

    // The screen reads again every few seconds.
    await count.getByText('1 / 1').waitFor({ timeout: 15_000 })
    await shot(staff, 'check-in-counted')
  })
})
