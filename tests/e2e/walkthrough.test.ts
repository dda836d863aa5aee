/**
 * End to end: the H5 build (dist/h5) served by the real API server on a fresh, seeded SQLite database, driven in
 * Debian's Chromium at a phone's size. Every step reads what a worker reads and saves a screenshot to
 * test-artifacts/e2e/.
 *
 * The server's clock and the browser's both start at FIXED_NOW (and run on from there), so competition statuses,
 * which are derived from dates, are the same on every run. What each page must show is taken from the API's own
 * answers (or from the article where the issue names the figures), never from the page under test.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { formatDate } from '@/domain'
import { launchChromium, screenshots, type LaunchedBrowser } from './browser'
import { startServer, type RunningServer } from './server'
import { TEST_NOW } from '../support/clock'

jest.setTimeout(90_000)

const ROOT = path.resolve(__dirname, '../..')
const H5_DIR = path.join(ROOT, 'dist/h5')
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e')
const FIXED_NOW = TEST_NOW
/** How long a worker waits for a page before it counts as broken. */
const VISIBLE = { timeout: 15_000 }

interface NewsSummary {
  id: string
  title: string
  category: string
  publishedAt: string
}
interface Block {
  type: string
  text?: string
  caption?: string
}
interface NewsArticle extends NewsSummary {
  blocks: Block[]
}
interface CompetitionSummary {
  id: string
  title: string
  trade: string
}
interface PageOf<T> {
  items: T[]
  hasMore: boolean
}

let server: RunningServer
let chromium: LaunchedBrowser
let context: BrowserContext

async function api<T>(pathAndQuery: string): Promise<T> {
  const response = await fetch(`${server.url}${pathAndQuery}`)
  if (response.status !== 200) throw new Error(`GET ${pathAndQuery} answered ${response.status}`)
  return (await response.json()) as T
}

const shot = screenshots(ARTIFACTS)

async function openPage(url: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${server.url}${url}`, { waitUntil: 'domcontentloaded' })
  return page
}

/** The visible text of the page, for asserting what is and is not shown. */
const pageText = (page: Page) => page.locator('body').innerText()

async function expectVisible(locator: Locator, what: string): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', ...VISIBLE })
  } catch (error) {
    throw new Error(`expected to see ${what}: ${(error as Error).message.split('\n')[0]}`)
  }
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error('dist/h5 is missing. Run `npm run test:e2e` (it builds the H5 app first).')
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  for (const file of fs.readdirSync(ARTIFACTS)) if (file.endsWith('.png')) fs.rmSync(path.join(ARTIFACTS, file))
  const startedAt = Date.now()
  server = await startServer({ h5Dir: H5_DIR, now: () => new Date(FIXED_NOW.getTime() + (Date.now() - startedAt)) })
  chromium = await launchChromium()
  context = await chromium.newPhone()
  await context.clock.setSystemTime(FIXED_NOW)
})

afterEach(() => chromium.failOnAppErrors())

afterAll(async () => {
  await context?.close()
  await chromium?.close()
  await server?.close()
})

describe('a worker on a phone browser', () => {
  it('opens 首页: hotline 12351, the quick services and the latest news from the server', async () => {
    const home = await api<{ news: NewsSummary[] }>('/api/home')
    expect(home.news.length).toBeGreaterThan(0)
    const page = await openPage('/')
    await expectVisible(page.getByText(home.news[0].title), `the latest news title 「${home.news[0].title}」`)
    const text = await pageText(page)
    for (const item of home.news) expect(text).toContain(item.title)
    for (const service of ['法律援助', '医疗互助', '夏送清凉', '困难帮扶', '女职工课堂', '单身联谊', '健康讲堂', '服务阵地']) {
      expect(text).toContain(service)
    }
    expect(text).toContain('12351')
    expect(text).toContain('职工服务热线')
    expect(text).not.toContain('离线内容')
    await shot(page, 'home')
    await page.close()
  })

  it('opens a news article from 首页: title, paragraphs, date and category', async () => {
    const home = await api<{ news: NewsSummary[] }>('/api/home')
    const summary = home.news[0]
    const article = await api<NewsArticle>(`/api/news/${encodeURIComponent(summary.id)}`)
    const page = await openPage('/')
    await page.getByText(summary.title).first().click(VISIBLE)
    await page.waitForURL(/packages\/news\/detail/, VISIBLE)
    const paragraphs = article.blocks.filter((block) => block.type === 'paragraph' && block.text)
    expect(paragraphs.length).toBeGreaterThan(0)
    await expectVisible(page.getByText(paragraphs[0].text!.slice(0, 20)), 'the first paragraph')
    const text = await pageText(page)
    expect(text).toContain(article.title)
    for (const paragraph of paragraphs) expect(text).toContain(paragraph.text)
    expect(text).toContain(formatDate(article.publishedAt))
    expect(text).toContain(article.category)
    await shot(page, 'news-article')
    await page.close()
  })

  it('reads an article with an image and its caption', async () => {
    const list = await api<PageOf<NewsSummary>>('/api/news?page=1')
    let withCaption: NewsArticle | undefined
    for (const item of list.items) {
      const article = await api<NewsArticle>(`/api/news/${encodeURIComponent(item.id)}`)
      if (article.blocks.some((block) => block.type === 'image' && block.caption)) {
        withCaption = article
        break
      }
    }
    if (!withCaption) throw new Error('no article on the first page of /api/news has an image with a caption')
    const caption = withCaption.blocks.find((block) => block.type === 'image' && block.caption)!.caption!
    const page = await openPage(`/packages/news/detail/index?id=${encodeURIComponent(withCaption.id)}`)
    await expectVisible(page.getByText(caption), `the caption 「${caption}」`)
    expect(await page.locator('img').count()).toBeGreaterThan(0)
    const text = await pageText(page)
    expect(text).toContain(withCaption.title)
    expect(text).toContain(formatDate(withCaption.publishedAt))
    expect(text).toContain(withCaption.category)
    await shot(page, 'news-article-caption')
    await page.close()
  })

  it('searches news by a Chinese keyword in 动态', async () => {
    const keyword = '工匠'
    const all = await api<PageOf<NewsSummary>>('/api/news?page=1')
    const found = await api<PageOf<NewsSummary>>(`/api/news?q=${encodeURIComponent(keyword)}&page=1`)
    expect(found.items.length).toBeGreaterThan(0)
    const notFound = all.items.find((item) => !found.items.some((hit) => hit.id === item.id))
    expect(notFound).toBeDefined()

    const page = await openPage('/pages/news/index')
    await expectVisible(page.getByText(all.items[0].title), 'the first news item')
    const input = page.locator('input').first()
    await input.fill(keyword)
    await input.press('Enter')
    // The unfiltered list goes, then the hits come (the first hits were on the unfiltered page too).
    await page.getByText(notFound!.title).waitFor({ state: 'detached', ...VISIBLE })
    for (const item of found.items) await expectVisible(page.getByText(item.title), `the hit 「${item.title}」`)
    const text = await pageText(page)
    expect(text).not.toContain(notFound!.title)
    await shot(page, 'news-search')
    await page.close()
  })

  it('filters competitions by status (报名中 / 进行中 / 已结束) and by trade', async () => {
    const page = await openPage('/packages/competitions/list/index')
    const all = await api<PageOf<CompetitionSummary>>('/api/competitions')
    await expectVisible(page.getByText(all.items[0].title), 'the competition list')

    const statusRow = page.locator('.filter-chips').filter({ hasText: '状态' })
    const tradeRow = page.locator('.filter-chips').filter({ hasText: '工种' })
    const cards = page.locator('[data-testid="competition-card"]')

    const checkFilter = async (row: Locator, label: string, query: string, name: string) => {
      const expected = await api<PageOf<CompetitionSummary>>(`/api/competitions?${query}`)
      if (expected.items.length === 0) throw new Error(`the seed has no competition for ${query} at ${FIXED_NOW.toISOString()}`)
      await row.getByText(label, { exact: true }).click()
      await expectVisible(cards.filter({ hasText: expected.items[0].title }), `「${expected.items[0].title}」 under ${label}`)
      await page.waitForFunction((count) => document.querySelectorAll('[data-testid="competition-card"]').length === count, expected.items.length, VISIBLE)
      const titles = await cards.allInnerTexts()
      for (const item of expected.items) expect(titles.some((card) => card.includes(item.title))).toBe(true)
      await shot(page, `competitions-${name}`)
    }

    await checkFilter(statusRow, '报名中', 'status=signup', 'signup')
    // Every card under 报名中 says 报名中.
    for (const card of await cards.allInnerTexts()) expect(card).toContain('报名中')
    await checkFilter(statusRow, '进行中', 'status=ongoing', 'ongoing')
    await checkFilter(statusRow, '已结束', 'status=ended', 'ended')
    await statusRow.getByText('全部', { exact: true }).click()
    await checkFilter(tradeRow, '养蜂', `trade=${encodeURIComponent('养蜂')}`, 'trade')
    for (const card of await cards.allInnerTexts()) expect(card).toContain('养蜂')
    await page.close()
  })

  it('opens 法律援助 from 首页: 七方联动 and 12351', async () => {
    const page = await openPage('/')
    await page.getByText('法律援助', { exact: true }).first().click(VISIBLE)
    await page.waitForURL(/packages\/services\/detail/, VISIBLE)
    await expectVisible(page.getByText(/七方联动/), '七方联动')
    const text = await pageText(page)
    expect(text).toContain('12351')
    expect(text).toContain('法律援助')
    await shot(page, 'service-legal-aid')
    await page.close()
  })

  it('shows the 十四五 figures on the plan page exactly as the article gives them', async () => {
    const page = await openPage('/packages/plan/overview/index')
    await expectVisible(page.getByText('20万余人次'), '20万余人次')
    const text = await pageText(page)
    for (const figure of ['30场', '20万余人次', '210余个', '近3500万元', '48个']) expect(text).toContain(figure)
    await shot(page, 'plan')
    await page.close()
  })

  it('turns on 长辈模式 in 我的: larger type, remembered, across the app', async () => {
    const page = await openPage('/pages/me/index')
    const title = page.getByText('长辈模式', { exact: true }).first()
    await expectVisible(title, '长辈模式')
    const fontSize = (locator: Locator) => locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
    const before = await fontSize(title)
    await shot(page, 'me')

    const toggle = page.getByRole('switch').or(page.locator('input[type="checkbox"]')).first()
    await toggle.click()
    await page.waitForFunction(
      ({ selector, size }) => {
        const element = [...document.querySelectorAll(selector)].find((node) => node.textContent?.trim() === '长辈模式')
        return !!element && parseFloat(getComputedStyle(element).fontSize) > size
      },
      { selector: '*', size: before },
      VISIBLE
    )
    const after = await fontSize(title)
    expect(after).toBeGreaterThan(before)
    await shot(page, 'me-elder-mode')

    // Remembered: a reload still shows the larger type...
    await page.reload({ waitUntil: 'domcontentloaded' })
    await expectVisible(title, '长辈模式 after a reload')
    expect(await fontSize(title)).toBeCloseTo(after, 1)
    // ...and so does another page.
    const home = await openPage('/pages/home/index')
    const hotline = home.getByText('职工服务热线').first()
    await expectVisible(hotline, 'the hotline on 首页')
    const elderHotline = await fontSize(hotline)
    await shot(home, 'home-elder-mode')
    await home.close()

    // Off again: 首页's type returns to normal size.
    await toggle.click()
    const normalHome = await openPage('/pages/home/index')
    const normalHotline = normalHome.getByText('职工服务热线').first()
    await expectVisible(normalHotline, 'the hotline on 首页')
    expect(await fontSize(normalHotline)).toBeLessThan(elderHotline)
    await normalHome.close()
    await page.close()
  })

  it('a page shorter than the screen (我的) does not scroll, and the screen below it is the page’s colour', async () => {
    const page = await openPage('/pages/me/index')
    await expectVisible(page.getByText('长辈模式', { exact: true }), '我的')
    const measured = await page.evaluate(() => {
      const root = [...document.querySelectorAll<HTMLElement>('.page-root')].find((element) => element.offsetParent !== null)!
      const scrollers = [document.scrollingElement as HTMLElement, ...document.querySelectorAll<HTMLElement>('.taro_page')]
      const below = document.elementFromPoint(innerWidth / 2, innerHeight - 60) as HTMLElement
      return {
        content: [...root.children].reduce((bottom, child) => Math.max(bottom, child.getBoundingClientRect().bottom), 0),
        height: window.innerHeight,
        overflow: Math.max(...scrollers.map((element) => element.scrollHeight - element.clientHeight)),
        background: getComputedStyle(below.closest('.taro_page') ?? below).backgroundColor
      }
    })
    expect(measured.content).toBeLessThan(measured.height)
    expect(measured.overflow).toBe(0)
    expect(measured.background).toBe('rgb(246, 244, 242)') // $color-bg, not white
    await page.close()
  })

  it('offline: a page read before shows its last content, marked as offline', async () => {
    // 动态, not 首页: 首页's page brings its answer with it (its first screen), so a page the server sent is never
    // offline there; 动态 asks the API once the app runs.
    const news = await api<{ items: NewsSummary[] }>('/api/news?page=1')
    const page = await openPage('/pages/news/index')
    await expectVisible(page.getByText(news.items[0].title), 'the latest news online')
    expect(await pageText(page)).not.toContain('离线内容')

    // The network drops: every API call fails as it does with no connection (the app shell is still served).
    // Chromium reports each refused request on the console; those, and only those, are this test's doing.
    chromium.expectAppErrors(/ERR_INTERNET_DISCONNECTED/)
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'))
    try {
      await page.reload({ waitUntil: 'domcontentloaded' })
      await expectVisible(page.getByText(/离线内容/), 'the offline marker')
      const text = await pageText(page)
      expect(text).toContain(news.items[0].title)
      await shot(page, 'news-offline')
    } finally {
      await context.unroute('**/api/**')
    }
    await page.close()
  })

  it('a first start with the API out of reach shows the content shipped with the app, which a worker online never downloads', async () => {
    const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/content/offline/news-first-page.json'), 'utf8')) as PageOf<NewsSummary>
    // Only shipped content holds more than one of the shipped news ids (a service's slug may equal one).
    const holdsShipped = (script: { body: string }) => shipped.items.filter((item) => script.body.includes(`"${item.id}"`)).length > 1
    async function scriptsFetched(phone: BrowserContext, open: (page: Page) => Promise<void>) {
      const scripts: Promise<{ url: string; body: string }>[] = []
      const page = await phone.newPage()
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(response.text().then((body) => ({ url: response.url(), body })))
      })
      await open(page)
      await page.close()
      return Promise.all(scripts)
    }
    const urls = (scripts: { url: string }[]) => scripts.map((script) => script.url)

    const news = await api<PageOf<NewsSummary>>('/api/news?page=1')
    const online = await chromium.newPhone()
    try {
      const fetched = await scriptsFetched(online, async (page) => {
        await page.goto(`${server.url}/pages/news/index`, { waitUntil: 'domcontentloaded' })
        await expectVisible(page.getByText(news.items[0].title), 'the latest news online')
        await page.goto(`${server.url}/`, { waitUntil: 'networkidle' })
      })
      expect(fetched.length).toBeGreaterThan(0)
      expect(urls(fetched.filter(holdsShipped))).toEqual([])
    } finally {
      await online.close()
    }

    // The page's own files still come (an H5 page cannot open with no network at all); when the shipped chunk cannot
    // come either, the page says the network failed (tests/app/api-client.test.ts).
    chromium.expectAppErrors(/ERR_INTERNET_DISCONNECTED/)
    const firstStart = await chromium.newPhone()
    try {
      await firstStart.route('**/api/**', (route) => route.abort('internetdisconnected'))
      const fetched = await scriptsFetched(firstStart, async (page) => {
        await page.goto(`${server.url}/pages/news/index`, { waitUntil: 'domcontentloaded' })
        await expectVisible(page.getByText(/离线内容/), 'the offline marker')
        expect(await pageText(page)).toContain(shipped.items[0].title)
        await shot(page, 'news-first-start-offline')
      })
      expect(urls(fetched.filter(holdsShipped))).toHaveLength(1)
    } finally {
      await firstStart.close()
    }
  })
})
