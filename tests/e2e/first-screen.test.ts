/**
 * End to end: the first screen comes in the HTML (server/core/http/first-screen.ts). A poster's /s/<code> shows the
 * station — name, open state, hours — with no script run at all; with scripts, the app takes the page over without
 * a visible jump (every element of the first screen is where the app then draws it, to the pixel), without asking
 * the API for what came in the page, and in 长辈模式 from the first frame when the phone has it on. The H5 build in
 * Debian's Chromium against the real server.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { StationDirectory, StationPage } from '@/domain'
import { TEST_NOW } from '../support/clock'
import { launchChromium, screenshots, type LaunchedBrowser } from './browser'
import { startServer, type RunningServer } from './server'

jest.setTimeout(90_000)

const ROOT = path.resolve(__dirname, '../..')
const H5_DIR = path.join(ROOT, 'dist/h5')
const shot = screenshots(path.join(ROOT, 'test-artifacts/e2e/first-screen'))

let server: RunningServer
let chromium: LaunchedBrowser
let station: StationPage['station']
const contexts: BrowserContext[] = []

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) throw new Error('dist/h5 is missing. Run `npm run test:e2e` (it builds the H5 app first).')
  fs.mkdirSync(path.join(ROOT, 'test-artifacts/e2e/first-screen'), { recursive: true })
  const startedAt = Date.now()
  server = await startServer({ h5Dir: H5_DIR, now: () => new Date(TEST_NOW.getTime() + (Date.now() - startedAt)) })
  chromium = await launchChromium()
  const directory = (await (await fetch(`${server.url}/api/stations`)).json()) as StationDirectory
  station = ((await (await fetch(`${server.url}/api/stations/${directory.stations[0].code}`)).json()) as StationPage).station
})

afterEach(() => chromium.failOnAppErrors())

afterAll(async () => {
  for (const context of contexts) await context.close()
  await chromium?.close()
  await server?.close()
})

async function phone(options: Parameters<LaunchedBrowser['newPhone']>[0] = {}): Promise<BrowserContext> {
  const context = await chromium.newPhone(options)
  await context.clock.setSystemTime(TEST_NOW)
  contexts.push(context)
  return context
}

/** The app's scripts arrive late, as on a weak network: what shows before them is the server's alone. */
async function slowScripts(context: BrowserContext, delayMs = 1500): Promise<void> {
  await context.route('**/js/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    await route.continue()
  })
}

interface Box {
  x: number
  y: number
  width: number
  height: number
  text: string
  fontSize: string
}

/** Where each element matching `selector` inside `scope` is drawn, in order. */
function boxes(page: Page, scope: string, selector: string): Promise<Box[]> {
  return page.evaluate(
    ([scopeSelector, itemSelector]) => {
      const root = Array.from(document.querySelectorAll(scopeSelector)).find(
        (element) => (element as HTMLElement).offsetParent !== null || getComputedStyle(element).position === 'fixed'
      )
      if (!root) return []
      return Array.from(root.querySelectorAll(itemSelector)).map((element) => {
        const rect = element.getBoundingClientRect()
        return { x: rect.x, y: rect.y, width: rect.width, height: rect.height, text: element.textContent ?? '', fontSize: getComputedStyle(element).fontSize }
      })
    },
    [scope, selector] as const
  )
}

/** `after` begins with what `before` showed, each where it was (the app may draw more below: `more`). */
function expectSamePlaces(before: Box[], drawn: Box[], more = false): void {
  expect(before.length).toBeGreaterThan(0)
  const after = more ? drawn.slice(0, before.length) : drawn
  expect(after.map((box) => box.text)).toEqual(before.map((box) => box.text))
  after.forEach((box, index) => {
    const was = before[index]
    expect({ text: box.text, fontSize: box.fontSize }).toEqual({ text: was.text, fontSize: was.fontSize })
    for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(box[side] - was[side])).toBeLessThanOrEqual(1)
  })
}

/** Every first screen element a worker reads, by its class. */
const STATION_ITEMS = '.station-page__name, .open-state, .hours__day, .hours__time, .station-page__address, .amenity'
const HOME_ITEMS = '.featured__title, .quick-services__name, .section-header__title, .news-card__title, .news-card__date'

describe('the first screen in the HTML', () => {
  it('a scanned poster shows the station — name, open state, hours — before any script runs, with no redirect', async () => {
    const context = await phone({ javaScriptEnabled: false })
    const page = await context.newPage()
    const response = await page.goto(`${server.url}/s/${station.code}`)
    expect(response?.status()).toBe(200)
    expect(response?.request().redirectedFrom()).toBeNull()
    await expect(page.getByText(station.name, { exact: true }).isVisible()).resolves.toBe(true)
    await expect(page.locator('.open-state').first().isVisible()).resolves.toBe(true)
    expect(await page.locator('.hours__row').count()).toBe(8)
    await expect(page.getByText(station.address).isVisible()).resolves.toBe(true)
    await shot(page, 'station-without-scripts')
  })

  it('the app takes the station page over where it stands, without asking the API again', async () => {
    const context = await phone()
    await slowScripts(context)
    const page = await context.newPage()
    const asked: string[] = []
    page.on('request', (request) => asked.push(new URL(request.url()).pathname))
    await page.goto(`${server.url}/s/${station.code}`, { waitUntil: 'commit' })
    await page.locator('#first-screen .station-page__name').waitFor({ state: 'visible' })
    const before = await boxes(page, '#first-screen', STATION_ITEMS)
    await shot(page, 'station-first-screen')
    await page.locator('#first-screen').waitFor({ state: 'detached', timeout: 20_000 })
    // The layer's styles went with it: what is measured now is the app's own CSS.
    expect(await page.locator('#first-screen-style').count()).toBe(0)
    expectSamePlaces(before, await boxes(page, '.taro_page', STATION_ITEMS))
    await shot(page, 'station-app')
    expect(new URL(page.url()).pathname).toBe('/packages/stations/station/index')
    expect(asked.filter((url) => url.startsWith('/api/stations'))).toEqual([])
  })

  it('首页 too, tab bar and all', async () => {
    const context = await phone()
    await slowScripts(context)
    const page = await context.newPage()
    const asked: string[] = []
    page.on('request', (request) => asked.push(new URL(request.url()).pathname))
    await page.goto(`${server.url}/`, { waitUntil: 'commit' })
    await page.locator('#first-screen .news-card__title').first().waitFor({ state: 'visible' })
    const before = await boxes(page, '#first-screen', HOME_ITEMS)
    const tabsBefore = await boxes(page, '#first-screen', '.weui-tabbar__label')
    await page.locator('#first-screen').waitFor({ state: 'detached', timeout: 20_000 })
    // Competitions, figures and the hotline come below the first screen, with the app.
    expectSamePlaces(before, await boxes(page, '.taro_page', HOME_ITEMS), true)
    expectSamePlaces(tabsBefore, await boxes(page, 'taro-tabbar', '.weui-tabbar__label'))
    expect(asked.filter((url) => url.startsWith('/api/home'))).toEqual([])
  })

  it('in 长辈模式 from the first frame when the phone has it on', async () => {
    const context = await phone()
    await context.addInitScript(() => {
      if (location.protocol.startsWith('http')) localStorage.setItem('miyun:elder-mode', JSON.stringify({ data: true }))
    })
    await slowScripts(context)
    const page = await context.newPage()
    await page.goto(`${server.url}/s/${station.code}`, { waitUntil: 'commit' })
    await page.locator('#first-screen .page-root--elder .station-page__name').waitFor({ state: 'visible' })
    const before = await boxes(page, '#first-screen', STATION_ITEMS)
    await page.locator('#first-screen').waitFor({ state: 'detached', timeout: 20_000 })
    const after = await boxes(page, '.taro_page', STATION_ITEMS)
    expect(await page.locator('.taro_page .page-root--elder').count()).toBeGreaterThan(0)
    expectSamePlaces(before, after)
    await shot(page, 'station-elder')
  })
})
