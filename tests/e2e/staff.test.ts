/**
 * End to end, the "done when": a staffer created from the command line (`npm run staff -- add`) logs in on
 * the H5 build at a desk, writes an article with a photo and publishes it; a worker on a phone sees it on 首页 and
 * in 动态 with the photo at the width the phone shows; the staffer withdraws it and it is gone for the worker.
 * Everything runs through the real server on a fresh database and the real H5 build in Chromium. Screenshots go to
 * test-artifacts/e2e/staff/.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { field, launchChromium, screenshots, shown, type LaunchedBrowser } from './browser'
import { startServer, type RunningServer } from './server'
import { TEST_NOW } from '../support/clock'

jest.setTimeout(180_000)

const ROOT = path.resolve(__dirname, '../..')
const H5_DIR = path.join(ROOT, 'dist/h5')
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e/staff')
const VISIBLE = { timeout: 15_000 }

const STAFFER = { name: 'zhoubianji', displayName: '周编辑', password: '密云工会-端到端测试-2026' }
const ARTICLE = {
  title: '密云区第七届职工技能大赛圆满落幕',
  summary: '来自全区各行业的职工同台竞技，展示过硬本领。',
  paragraph: '本次大赛设置养蜂、家政、电工等多个赛项，参赛职工在比赛中比技能、比作风、比创新。',
  caption: '选手在比赛中'
}

let server: RunningServer
let chromium: LaunchedBrowser
let desk: BrowserContext
let photoPath: string

const shot = screenshots(ARTIFACTS)

/** A worker's phone with nothing kept from before: what it shows comes from the server now. */
async function workerPage(url: string): Promise<{ page: Page; phone: BrowserContext }> {
  const phone = await chromium.newPhone()
  await phone.clock.setSystemTime(TEST_NOW)
  const page = await phone.newPage()
  await page.goto(`${server.url}${url}`, { waitUntil: 'domcontentloaded' })
  return { page, phone }
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error('dist/h5 is missing. Run `npm run test:e2e` (it builds the H5 app first).')
  }
  fs.rmSync(ARTIFACTS, { recursive: true, force: true })
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const startedAt = Date.now()
  server = await startServer({ h5Dir: H5_DIR, now: () => new Date(TEST_NOW.getTime() + (Date.now() - startedAt)) })

  // The staffer is created as an administrator would: with the command line, on the server's data folder.
  const created = spawnSync(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['scripts/staff.ts', 'add', STAFFER.name, '--role', 'editor', '--display-name', STAFFER.displayName],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: server.dataDir, STAFF_PASSWORD: STAFFER.password, LOG_LEVEL: 'silent' },
      encoding: 'utf8'
    }
  )
  if (created.status !== 0) throw new Error(`npm run staff -- add failed (${created.status}): ${created.stderr}${created.stdout}`)

  // A phone photo: 3000×2250 with camera EXIF and a GPS position, as phones save them.
  photoPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-e2e-photo-')), 'photo.jpg')
  await sharp({ create: { width: 3000, height: 2250, channels: 3, background: { r: 200, g: 120, b: 60 } } })
    .composite([{ input: Buffer.from('<svg width="3000" height="2250"><circle cx="1500" cy="1125" r="900" fill="#C8161D"/></svg>') }])
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 22/1 35/1' } })
    .jpeg({ quality: 92 })
    .toFile(photoPath)

  chromium = await launchChromium()
  desk = await chromium.newPhone({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36'
  })
  await desk.clock.setSystemTime(TEST_NOW)
})

afterEach(() => chromium.failOnAppErrors())

afterAll(async () => {
  await desk?.close()
  await chromium?.close()
  await server?.close()
  if (photoPath) fs.rmSync(path.dirname(photoPath), { recursive: true, force: true })
})

describe('a staffer publishes an article with a photo, and a worker reads it', () => {
  let staff: Page
  let articleId: string

  it('logs in on the H5 build with the account made on the command line', async () => {
    staff = await desk.newPage()
    await staff.goto(`${server.url}/pages/me/index`, { waitUntil: 'domcontentloaded' })
    await shown(staff, '工作人员登录').click(VISIBLE)
    await staff.waitForURL(/packages\/staff\/login/, VISIBLE)
    await field(staff, 'name').fill(STAFFER.name, VISIBLE)
    await field(staff, 'password').fill(STAFFER.password)
    await shot(staff, 'login')
    await shown(staff, '登录').click()
    await staff.waitForURL(/packages\/staff\/home/, VISIBLE)
    await staff.getByText(STAFFER.displayName).first().waitFor(VISIBLE)
    expect(staff.url()).not.toMatch(/token/i)
    await shot(staff, 'desk')
  })

  it('writes the article with a paragraph and a photo, and publishes it', async () => {
    await shown(staff, '动态管理').click()
    await staff.waitForURL(/packages\/staff\/news-list/, VISIBLE)
    await shown(staff, '写动态').click(VISIBLE)
    await staff.waitForURL(/packages\/staff\/news-edit/, VISIBLE)

    await field(staff, 'title').fill(ARTICLE.title, VISIBLE)
    await staff.locator('[aria-label="栏目"]').locator('visible=true').first().click()
    await shown(staff, '确定').click(VISIBLE)
    await field(staff, 'summary').fill(ARTICLE.summary)

    // A new article starts with one empty paragraph.
    await field(staff, 'blocks.0.text').fill(ARTICLE.paragraph, VISIBLE)
    await shown(staff, '＋图片').click()
    const chooser = staff.waitForEvent('filechooser', VISIBLE)
    await staff.locator('[data-field="blocks.1.src"]').getByText('选择图片', { exact: true }).click(VISIBLE)
    await (await chooser).setFiles(photoPath)
    // Uploaded: the preview shows the stored photo.
    await staff.locator('[data-field="blocks.1.src"] img[src*="/media/uploads/"]').first().waitFor({ state: 'attached', timeout: 30_000 })
    await field(staff, 'blocks.1.caption').fill(ARTICLE.caption)
    await shot(staff, 'editor')

    const publishing = staff.waitForResponse((response) => /\/api\/staff\/news\/[^/]+\/publish$/.test(new URL(response.url()).pathname), VISIBLE)
    await shown(staff, '发布').click()
    const published = await publishing
    expect(published.status()).toBe(200)
    articleId = ((await published.json()) as { id: string }).id
    await shown(staff, '撤下').waitFor(VISIBLE)
    await shot(staff, 'published')
  })

  it('shows on the worker’s 首页 and in 动态 at once, with the photo at the width the phone draws', async () => {
    const home = await workerPage('/')
    await home.page.getByText(ARTICLE.title).first().waitFor(VISIBLE)
    await shot(home.page, 'worker-home')
    await home.phone.close()

    const news = await workerPage('/pages/news/index')
    await news.page.getByText(ARTICLE.title).first().click(VISIBLE)
    await news.page.waitForURL(/packages\/news\/detail/, VISIBLE)
    await news.page.getByText(ARTICLE.paragraph).waitFor(VISIBLE)
    await news.page.getByText(ARTICLE.caption).waitFor(VISIBLE)
    // Article images load lazily: bring the photo into view as a reader scrolling down would.
    await news.page.getByText(ARTICLE.caption).scrollIntoViewIfNeeded()
    const photo = news.page.locator('img[src*="/media/uploads/"]').first()
    await photo.waitFor({ state: 'attached', ...VISIBLE })
    await news.page.waitForFunction((img) => (img as HTMLImageElement).naturalWidth > 0, await photo.elementHandle(), VISIBLE)
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(750)
    expect(await photo.getAttribute('src')).toMatch(/\/750\.jpg$/)
    await shot(news.page, 'worker-article')

    // The stored photo kept no camera or location data.
    const stored = await fetch(new URL((await photo.getAttribute('src'))!, server.url))
    const metadata = await sharp(Buffer.from(await stored.arrayBuffer())).metadata()
    expect(metadata.exif).toBeUndefined()
    await news.phone.close()
  })

  it('is gone for the worker once the staffer withdraws it', async () => {
    await shown(staff, '撤下').click()
    const withdrawing = staff.waitForResponse((response) => new URL(response.url()).pathname.endsWith('/unpublish'), VISIBLE)
    await shown(staff, '确定撤下').click(VISIBLE)
    expect((await withdrawing).status()).toBe(200)
    await shot(staff, 'withdrawn')

    const home = await workerPage('/')
    // 首页 has loaded (its hotline card is there) and the article is not on it.
    await home.page.getByText('职工服务热线').first().waitFor(VISIBLE)
    expect(await home.page.locator('body').innerText()).not.toContain(ARTICLE.title)
    await home.phone.close()

    // The page asks for the withdrawn article and is told 404, which Chromium reports on the console: this test's doing.
    chromium.expectAppErrors(new RegExp(`404 \\(Not Found\\) \\(.*/api/news/${articleId}:`))
    const detail = await workerPage(`/packages/news/detail/index?id=${encodeURIComponent(articleId)}`)
    await detail.page
      .getByText(/未找到/)
      .first()
      .waitFor(VISIBLE)
    await shot(detail.page, 'worker-withdrawn')
    await detail.phone.close()
  })
})
