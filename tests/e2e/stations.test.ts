/**
 * End to end: the QR codes on the station posters, opened by a phone camera in a browser. `https://<domain>/s/<code>`
 * reaches the real server, which counts the scan and sends the browser on to the H5 station page; an unknown code
 * lands on the friendly 「未找到该服务站点」 page that leads to the directory; the directory sorts by the phone's
 * location. The H5 build in Debian's Chromium against the real server on a fresh seeded database, screenshots in
 * test-artifacts/e2e/.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { distanceMeters, wgs84ToGcj02 } from '@/domain/station-geo'
import type { StationDirectory, StationPage } from '@/domain'
import { TEST_NOW } from '../support/clock'
import { launchChromium, type LaunchedBrowser } from './browser'
import { scansCounted, startServer, type RunningServer } from './server'

jest.setTimeout(90_000)

const ROOT = path.resolve(__dirname, '../..')
const H5_DIR = path.join(ROOT, 'dist/h5')
const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e')
const VISIBLE = { timeout: 15_000 }

let server: RunningServer
let chromium: LaunchedBrowser
const contexts: BrowserContext[] = []

async function api<T>(pathAndQuery: string): Promise<T> {
  const response = await fetch(`${server.url}${pathAndQuery}`)
  if (response.status !== 200) throw new Error(`GET ${pathAndQuery} answered ${response.status}`)
  return (await response.json()) as T
}

const scansOf = (code: string) => scansCounted(server, code)

async function phone(options: Parameters<LaunchedBrowser['newPhone']>[0] = {}): Promise<BrowserContext> {
  const context = await chromium.newPhone(options)
  await context.clock.setSystemTime(TEST_NOW)
  contexts.push(context)
  return context
}

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${server.url}${url}`, { waitUntil: 'domcontentloaded' })
  return page
}

/** Whether the page has scrolled past `offset` px: Taro's H5 router scrolls the page's own element, not the window. */
const scrolledBy = (offset: number) =>
  window.scrollY > offset || Array.from(document.querySelectorAll('.taro_page')).some((element) => element.scrollTop > offset)

/** Taro's H5 router keeps earlier pages in the DOM, hidden: read only what is on screen. */
const visibleText = (page: Page, text: string) => page.getByText(text).locator('visible=true').first()

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error('dist/h5 is missing. Run `npm run test:e2e` (it builds the H5 app first).')
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const startedAt = Date.now()
  server = await startServer({ h5Dir: H5_DIR, now: () => new Date(TEST_NOW.getTime() + (Date.now() - startedAt)) })
  chromium = await launchChromium()
})

afterEach(() => chromium.failOnAppErrors())

afterAll(async () => {
  for (const context of contexts) await context.close()
  await chromium?.close()
  await server?.close()
})

describe('a station poster scanned with a phone camera', () => {
  it('opens /s/<code> as the station page and counts one browser scan', async () => {
    const directory = await api<StationDirectory>('/api/stations')
    const open24h = directory.stations.find((station) => !station.closedReason) ?? directory.stations[0]
    const { station } = await api<StationPage>(`/api/stations/${open24h.code}`)
    expect(await scansOf(station.code)).toEqual({})

    const context = await phone()
    const countsSent: Promise<unknown>[] = []
    context.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/scans')) countsSent.push(request.response())
    })
    const page = await open(context, `/s/${station.code}`)
    await visibleText(page, station.address).waitFor({ state: 'visible', ...VISIBLE })
    expect(page.url()).toContain(`/packages/stations/station/index?code=${station.code}`)
    const text = await page.locator('body').innerText()
    expect(text).toContain(station.name)
    expect(text).toContain('示例')
    expect(text).toContain('导航')
    expect(text).toContain('周二') // the hours table; the test clock is a Tuesday
    await page.screenshot({ path: path.join(ARTIFACTS, 'stations-01-scanned.png'), fullPage: true })

    // Counted by the server when it redirected; the H5 page itself does not count it a second time. A page counts on
    // its first render, before the station it shows has loaded: any count it sent is on the list by now (and the
    // server would not count it again for the same caller, so the list is what shows it).
    await Promise.all(countsSent)
    expect(countsSent).toHaveLength(0)
    expect(await scansOf(station.code)).toEqual({ browser: 1 })
    await page.close()
  })

  it('opens a code typed in lowercase from a damaged poster', async () => {
    const directory = await api<StationDirectory>('/api/stations')
    const station = directory.stations[1]
    const page = await open(await phone(), `/s/${station.code.toLowerCase()}`)
    await visibleText(page, station.address).waitFor({ state: 'visible', ...VISIBLE })
    await page.close()
  })

  it('shows 「未找到该服务站点」 for an unknown code, and its button leads to the directory', async () => {
    const directory = await api<StationDirectory>('/api/stations')
    const unknown = ['ZZZZZZ', 'YYYYYY', 'XXXXXX'].find((code) => !directory.stations.some((station) => station.code === code))!
    // The app asks the API about the code and is told 404, which Chromium reports on the console: this test's doing.
    chromium.expectAppErrors(new RegExp(`404 \\(Not Found\\) \\(.*/api/stations/${unknown}:`))
    const page = await open(await phone(), `/s/${unknown}`)
    await visibleText(page, '未找到该服务站点').waitFor({ state: 'visible', ...VISIBLE })
    await page.screenshot({ path: path.join(ARTIFACTS, 'stations-02-unknown-code.png'), fullPage: true })
    await visibleText(page, '查看全部服务站点').click()
    await page.waitForURL(/packages\/stations\/overview/, VISIBLE)
    await visibleText(page, directory.stations[0].name).waitFor({ state: 'visible', ...VISIBLE })
    await page.close()
  })

  it('shows the friendly page for a malformed code without asking the server about it', async () => {
    const context = await phone()
    const page = await context.newPage()
    const asked: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/stations/')) asked.push(request.url())
    })
    await page.goto(`${server.url}/s/${encodeURIComponent('<b>太长的代码-0123456789-0123456789</b>')}`, {
      waitUntil: 'domcontentloaded'
    })
    await visibleText(page, '未找到该服务站点').waitFor({ state: 'visible', ...VISIBLE })
    expect(asked).toEqual([])
    await page.close()
  })
})

describe('服务阵地 in a phone browser', () => {
  it('puts the station nearest to the worker first, with its distance', async () => {
    const directory = await api<StationDirectory>('/api/stations')
    const target = directory.stations.find((station) => !station.closedReason && station.town !== directory.stations[0].town)
    if (!target) throw new Error('the seed needs an open station outside the first town')
    // The browser reports WGS-84; the stations are in GCJ-02, about 500 m off around 密云. Stand where the page's
    // conversion puts the worker on the station itself (one step of the inverse is exact to well under a metre).
    const shifted = wgs84ToGcj02(target)
    const standing = {
      latitude: target.latitude - (shifted.latitude - target.latitude),
      longitude: target.longitude - (shifted.longitude - target.longitude)
    }
    const origin = wgs84ToGcj02(standing)
    expect(distanceMeters(origin, target)).toBeLessThan(5)
    const byDistance = directory.stations.filter((station) => !station.closedReason).sort((a, b) => distanceMeters(origin, a) - distanceMeters(origin, b))

    const context = await phone({ geolocation: standing, permissions: ['geolocation'] })
    const page = await open(context, '/packages/stations/overview/index')
    const cards = page.locator('[data-testid="station-card"]').locator('visible=true')
    await cards.first().waitFor({ state: 'visible', ...VISIBLE })
    await page.waitForFunction((name) => document.querySelector('[data-testid="station-card"]')?.textContent?.includes(name) ?? false, target.name, VISIBLE)
    const first = await cards.nth(0).innerText()
    const second = await cards.nth(1).innerText()
    expect(first).toContain(target.name)
    expect(first).toContain('50 米内') // standing at it
    expect(second).toContain(byDistance[1].name)
    expect(second).toMatch(/\d+ 米|\d+(\.\d)? 公里/)
    await page.screenshot({ path: path.join(ARTIFACTS, 'stations-03-nearest-first.png'), fullPage: true })

    // 导航 on H5 is a link out to a 高德 route to the station's GCJ-02 position.
    const href = new URL((await cards.first().locator('a').filter({ hasText: '导航' }).getAttribute('href'))!)
    expect(`${href.origin}${href.pathname}`).toBe('https://uri.amap.com/navigation')
    expect(href.searchParams.get('to')).toBe(`${target.longitude},${target.latitude},${target.name}`)
    expect(href.searchParams.get('mode')).toBe('car')
    await page.close()
  })

  it('shows the first station near the top of the first screen, also in 长辈模式', async () => {
    for (const elder of [false, true]) {
      const context = await phone()
      // Only on the app's pages: a new tab starts on about:blank, where localStorage is refused.
      if (elder)
        await context.addInitScript(() => location.protocol.startsWith('http') && localStorage.setItem('miyun:elder-mode', JSON.stringify({ data: true })))
      const page = await open(context, '/packages/stations/overview/index')
      const first = page.locator('[data-testid="station-card"]').locator('visible=true').first()
      await first.waitFor({ state: 'visible', ...VISIBLE })
      if (elder) expect(await page.locator('.page-root--elder').count()).toBeGreaterThan(0)
      const top = (await first.boundingBox())!.y
      // The phone is 740 px tall: the card starts in the upper third (it was at 416 px, 475 in 长辈模式).
      expect(top).toBeLessThan(elder ? 300 : 250)
      const text = await page.locator('body').innerText()
      expect(text).toContain('210余个')
      expect(text).toContain('“十四五”期间建成的工会服务阵地')
      await page.screenshot({ path: path.join(ARTIFACTS, `stations-04-first-screen${elder ? '-elder' : ''}.png`) })
      await page.close()
    }
  })

  it('a position arriving after the worker scrolled down is offered in a bar, not applied under the thumb', async () => {
    const directory = await api<StationDirectory>('/api/stations')
    const target = [...directory.stations].reverse().find((station) => !station.closedReason)!
    const shifted = wgs84ToGcj02(target)
    const standing = {
      latitude: target.latitude - (shifted.latitude - target.latitude),
      longitude: target.longitude - (shifted.longitude - target.longitude)
    }
    const context = await phone({ geolocation: standing, permissions: ['geolocation'] })
    // The position comes when the test says so, as on a phone where the worker allowed it late.
    await context.addInitScript(() => {
      const geolocation = navigator.geolocation
      const real = geolocation.getCurrentPosition.bind(geolocation)
      const waiting: Array<() => void> = []
      ;(window as unknown as { releasePosition: () => void }).releasePosition = () => waiting.splice(0).forEach((go) => go())
      geolocation.getCurrentPosition = (success, failure, options) => {
        waiting.push(() => real(success, failure, options))
      }
    })
    const page = await open(context, '/packages/stations/overview/index')
    const cards = page.locator('[data-testid="station-card"]').locator('visible=true')
    await cards.first().waitFor({ state: 'visible', ...VISIBLE })
    await visibleText(page, '正在获取您的位置').waitFor({ state: 'visible', ...VISIBLE })
    const before = await cards.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-code')))
    await page.mouse.wheel(0, 2000)
    await page.waitForFunction(scrolledBy, 500, VISIBLE)

    await page.evaluate(() => (window as unknown as { releasePosition: () => void }).releasePosition())
    const bar = visibleText(page, '已获取您的位置，按距离排列')
    await bar.waitFor({ state: 'visible', ...VISIBLE })
    expect(await cards.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-code')))).toEqual(before)
    expect(await page.evaluate(scrolledBy, 500)).toBe(true)
    await page.screenshot({ path: path.join(ARTIFACTS, 'stations-05-position-offered.png') })

    await bar.tap()
    await page.waitForFunction((code) => document.querySelector('[data-testid="station-card"]')?.getAttribute('data-code') === code, target.code, VISIBLE)
    await page.waitForFunction(
      () => !Array.from(document.querySelectorAll('.taro_page')).some((element) => element.scrollTop > 0) && window.scrollY === 0,
      undefined,
      VISIBLE
    )
    expect(await cards.count()).toBe(before.length)
    await page.close()
  })

  it('says why when the worker refuses the location, still lists the stations, and says how to unblock it', async () => {
    const directory = await api<StationDirectory>('/api/stations')
    const page = await open(await phone({ permissions: [] }), '/packages/stations/overview/index')
    await visibleText(page, '未获得位置').waitFor({ state: 'visible', ...VISIBLE })
    const text = await page.locator('body').innerText()
    const listed = directory.stations.filter((station) => text.includes(station.name))
    expect(listed.length).toBeGreaterThanOrEqual(Math.min(directory.stations.length, 5))

    // 开启定位 is a thumb-sized target; the browser, having blocked the site, refuses again at once.
    const action = page.locator('.location-note__action').locator('visible=true')
    const box = (await action.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(44)
    expect(box.width).toBeGreaterThanOrEqual(44)
    await action.tap()
    await visibleText(page, '浏览器已禁止定位，请在浏览器设置中允许本网站使用位置').waitFor({ state: 'visible', ...VISIBLE })
    await page.close()
  })
})
