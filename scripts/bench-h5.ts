/**
 * `npm run bench:h5`: how long a worker on a phone waits for the H5 app's first screen, next to a static HTML copy of
 * the very same screen served by the same server (the floor: what the bytes of that screen cost without the app).
 *
 * The real server (tests/e2e/server.ts: seeded SQLite in a temp folder) serves a copy of dist/h5 in a temp folder;
 * nothing is built here. The static copies are made from the app itself: each page is opened once unthrottled in
 * Chromium, and when its content is shown and the network is idle, its `document.documentElement.outerHTML` is taken
 * without any <script> or <link rel=preload|modulepreload|prefetch>, each stylesheet <link> replaced by a <style> with
 * that file's text (fetched from the server), images left as they are. They are written into the temp copy
 * (bench-static/*.html), so they go through the same @fastify/static path, compression and `no-cache` as index.html.
 *
 * Each load runs under Lighthouse's mobile profile, set through CDP before navigating: 150 ms RTT, 1638.4 kbps down,
 * 675 kbps up, CPU slowed 4×, on PHONE's viewport. Cold = a fresh browser context (empty cache and storage); second
 * visit = the same URL navigated to again in that context once the cold load has settled (HTTP cache and
 * localStorage warm). "Content visible" is measured inside the page (watchForText below): from navigation start
 * (including the /s/ redirect, when there is one) to the requestAnimationFrame of the first frame in which an element
 * holding the expected text is in the DOM and on screen. The station page's text is the first seeded station's name,
 * 首页's the first news title of /api/home. Beside it, as a cross-check: Chromium's own paint time of that text
 * (Element Timing), FCP and LCP, read once the network has been quiet for QUIET_MS; the bytes of each load
 * (CDP Network.loadingFinished) by kind; and, for the app, when it has taken over (its own page shown with no
 * server-drawn layer over it: from then on the page answers taps), which is what the app's JS costs.
 *
 * ROUNDS rounds (BENCH_ROUNDS, default 5) alternate app and static copy (app, static, app, static…) so that load elsewhere on the machine
 * slows both alike; the table shows medians and app/static ratios. Figures are printed, never asserted: machines
 * differ. Targets (the H5 first-screen issue): content visible ≤ 1.3 × static for /s/<code> and 首页 cold, ≤ 1.2 × on a
 * second visit.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import type { HomeData, StationDirectory } from '@/domain'
import { launchChromium, type LaunchedBrowser } from '../tests/e2e/browser'
import { startServer, type RunningServer } from '../tests/e2e/server'

const ROOT = path.resolve(__dirname, '..')
const H5 = path.join(ROOT, 'dist/h5')

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const LOAD_TIMEOUT_MS = 20_000
/** A load is over when no request has been under way for this long (read below, in networkQuiet). */
const QUIET_MS = 1_500
/** How long to wait, at most, for paint entries still on their way after that. */
const PAINT_ENTRIES_WAIT_MS = 2_000
/** After a cold load's network went idle, before the second visit: the app's writes to localStorage are done. */
const SETTLE_MS = 1_000

/**
 * Lighthouse's mobile profile as the issue gives it (slow 4G, mid-range phone): 150 ms RTT and 1638.4 kbps down (its
 * simulated throttling's figures), 675 kbps up (its DevTools throttling's), CPU 4×. Lighthouse's own DevTools-throttling
 * preset is slower: 562.5 ms latency per request and 1474.56 kbps down.
 */
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1638.4 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8
}
const CPU_SLOWDOWN = 4

const TARGET_COLD = 1.3
const TARGET_SECOND = 1.2

/** What the page itself records (window.__bench), in ms since navigation start. */
interface InPage {
  /** The animation frame in which the text was first on screen (the measure the table is about). */
  visibleAt: number | null
  /** The animation frame in which the text was first found in the DOM (shown or not). */
  inDomAt: number | null
  /** Chromium's own paint time of that text (Element Timing renderTime: the clock of FCP and LCP). */
  paintedAt: number | null
  fcp: number | null
  lcp: number | null
  /** The LCP element, in a few words. */
  lcpElement: string | null
  /**
   * The app's own page shown, with no server-drawn layer over it: from then on the page answers taps (null for the
   * static copy, which has no app).
   */
  appAt: number | null
  /**
   * Redirect time (/s/<code> → the station page), from Navigation Timing. (Its responseStart is not shown: Chromium
   * records it before the emulated latency is added, so under throttling it is the unthrottled figure.)
   */
  redirect: number
}

interface Bytes {
  html: number
  js: number
  css: number
  other: number
  requests: number
}

interface Load extends InPage {
  visibleAt: number
  /** The network was quiet before the figures were read (false: LCP and bytes may be missing something). */
  settled: boolean
  bytes: Bytes
}

/**
 * tsx (esbuild with keepNames) wraps named functions in `__name(fn, "name")`; a function handed to the page keeps
 * those calls, so the page needs the helper too (registered before every other init script).
 */
const NAME_HELPER = 'globalThis.__name = globalThis.__name || ((fn) => fn)'

/** Set on the elements holding the text as soon as they are found, so that Chromium reports their paint. */
const ELEMENT_TIMING = 'bench-text'

/**
 * Runs in the page before any of its own scripts (context.addInitScript). Watches the document from the start; on
 * mutations (or at DOMContentLoaded / load) it looks, at the next animation frame, for elements whose text includes
 * `expected`, and records performance.now() in the first frame where one of them is on screen: a non-zero box inside
 * the viewport, not display:none or opacity 0 up the tree, not visibility:hidden. Any visible match counts (Taro keeps
 * hidden pages in the document; an app may render server HTML and hide its own container until it takes over). While
 * the text is in the DOM but not shown it looks again every frame (a stylesheet or a class may show it without any
 * mutation). Also records FCP and LCP (buffered observers), and — as a cross-check of the frame's time, which comes
 * before that frame's style, layout and paint — Chromium's paint time of the text itself: the elements found get an
 * `elementtiming` attribute in that same animation frame, before anything of them is painted.
 */
function watchForText({ expected, identifier }: { expected: string; identifier: string }) {
  const bench: InPage = { visibleAt: null, inDomAt: null, paintedAt: null, fcp: null, lcp: null, lcpElement: null, appAt: null, redirect: 0 }
  ;(window as unknown as { __bench: InPage }).__bench = bench
  let scheduled = false
  const appWatcher = new MutationObserver(() => {
    if (bench.appAt === null && document.querySelector('.taro_page_show') && !document.getElementById('first-screen')) {
      bench.appAt = performance.now()
      appWatcher.disconnect()
    }
  })
  appWatcher.observe(document, { childList: true, subtree: true, attributes: true })

  const matches = (): Element[] => {
    const body = document.body
    if (!body || !(body.textContent ?? '').includes(expected)) return []
    // The deepest elements holding the whole text, on every branch that holds it.
    const found: Element[] = []
    const stack: Element[] = [body]
    while (stack.length > 0) {
      const element = stack.pop()!
      const inner = Array.from(element.children).filter((child) => (child.textContent ?? '').includes(expected))
      if (inner.length === 0) found.push(element)
      else stack.push(...inner)
    }
    return found
  }

  const shown = (element: Element): boolean => {
    const box = element.getBoundingClientRect()
    if (box.width <= 0 || box.height <= 0) return false
    if (box.bottom <= 0 || box.right <= 0 || box.top >= window.innerHeight || box.left >= window.innerWidth) return false
    if (getComputedStyle(element).visibility !== 'visible') return false
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node)
      if (style.display === 'none' || style.opacity === '0') return false
    }
    return true
  }

  const check = () => {
    scheduled = false
    if (bench.visibleAt !== null) return
    const found = matches()
    if (found.length === 0) return
    const now = performance.now()
    for (const element of found) if (!element.hasAttribute('elementtiming')) element.setAttribute('elementtiming', identifier)
    if (bench.inDomAt === null) bench.inDomAt = now
    if (found.some(shown)) {
      bench.visibleAt = now
      observer.disconnect()
    } else {
      schedule()
    }
  }

  const schedule = () => {
    if (scheduled || bench.visibleAt !== null) return
    scheduled = true
    requestAnimationFrame(check)
  }

  const observer = new MutationObserver(schedule)
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true })
  document.addEventListener('DOMContentLoaded', schedule)
  window.addEventListener('load', schedule)

  const describe = (element: Element | null | undefined): string | null => {
    if (!element) return null
    const src = element instanceof HTMLImageElement ? ` ${element.currentSrc || element.src}` : ''
    const text = (element.textContent ?? '').trim().slice(0, 24)
    return `<${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.split(/\s+/)[0]}` : ''}>${src}${text ? ` 「${text}」` : ''}`
  }
  // Observers deliver their entries some time after the paint; readInPage takes what is pending first.
  const observers: { observer: PerformanceObserver; take: (entries: PerformanceEntryList) => void }[] = []
  const observe = (type: string, take: (entries: PerformanceEntryList) => void) => {
    try {
      const observer = new PerformanceObserver((list) => take(list.getEntries()))
      observer.observe({ type, buffered: true })
      observers.push({ observer, take })
    } catch {
      // This kind of paint timing is not supported: its figure stays null.
    }
  }
  observe('paint', (entries) => {
    for (const entry of entries) if (entry.name === 'first-contentful-paint') bench.fcp = entry.startTime
  })
  observe('largest-contentful-paint', (entries) => {
    const last = entries[entries.length - 1] as (PerformanceEntry & { element?: Element | null }) | undefined
    if (!last) return
    bench.lcp = last.startTime
    bench.lcpElement = describe(last.element)
  })
  observe('element', (entries) => {
    for (const entry of entries as (PerformanceEntry & { identifier: string; renderTime: number })[]) {
      if (entry.identifier === identifier && entry.renderTime > 0 && (bench.paintedAt === null || entry.renderTime < bench.paintedAt)) {
        bench.paintedAt = entry.renderTime
      }
    }
  })
  ;(window as unknown as { __benchFlush: () => void }).__benchFlush = () => {
    for (const { observer, take } of observers) {
      const pending = observer.takeRecords()
      if (pending.length > 0) take(pending)
    }
  }
}

/** Reads the page's record (pending paint entries first), with Navigation Timing's redirect. */
function readInPage(): InPage {
  ;(window as unknown as { __benchFlush?: () => void }).__benchFlush?.()
  const bench = (window as unknown as { __bench: InPage }).__bench
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
  return {
    ...bench,
    redirect: navigation && navigation.redirectEnd > 0 ? navigation.redirectEnd - navigation.redirectStart : 0
  }
}

/**
 * The static copy of the page as it is now (runs in the page): no script, no preload hint, stylesheets inlined
 * (url(…) inside made absolute, as the copy lives elsewhere), relative image sources made absolute paths; styles the
 * app wrote through the CSSOM (an empty <style> with rules) are written out as text; watchForText's marker is taken
 * off again.
 */
async function staticCopyOf(identifier: string): Promise<string> {
  const liveStyles = Array.from(document.querySelectorAll('style'))
  const copy = document.documentElement.cloneNode(true) as HTMLElement
  const copiedStyles = Array.from(copy.querySelectorAll('style'))
  liveStyles.forEach((style, index) => {
    const rules = style.sheet?.cssRules
    if (rules && rules.length > 0 && !(style.textContent ?? '').trim() && copiedStyles[index]) {
      copiedStyles[index].textContent = Array.from(rules, (rule) => rule.cssText).join('\n')
    }
  })
  for (const script of Array.from(copy.querySelectorAll('script'))) script.remove()
  for (const marked of Array.from(copy.querySelectorAll(`[elementtiming="${identifier}"]`))) marked.removeAttribute('elementtiming')
  const absolute = (reference: string, base: string) => {
    if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(reference)) return reference
    const url = new URL(reference, base)
    return url.origin === location.origin ? url.pathname + url.search : url.href
  }
  for (const link of Array.from(copy.querySelectorAll('link'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)
    if (rel.some((value) => value === 'preload' || value === 'modulepreload' || value === 'prefetch')) {
      link.remove()
    } else if (rel.includes('stylesheet')) {
      const href = new URL(link.getAttribute('href') ?? '', location.href).href
      const response = await fetch(href)
      if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`)
      const text = await response.text()
      const style = document.createElement('style')
      const media = link.getAttribute('media')
      if (media) style.setAttribute('media', media)
      style.textContent = text.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (_whole, quote: string, reference: string) => {
        return `url(${quote}${absolute(reference, href)}${quote})`
      })
      link.replaceWith(style)
    }
  }
  for (const element of Array.from(copy.querySelectorAll('[src]'))) {
    element.setAttribute('src', absolute(element.getAttribute('src') ?? '', location.href))
  }
  return `<!doctype html>\n${copy.outerHTML}`
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`)
  return (await response.json()) as T
}

interface Watched {
  context: BrowserContext
  page: Page
  /** Bytes received since the last call (CDP Network.loadingFinished, plus redirect answers), by kind. */
  takeBytes(): Bytes
  /** Requests under way, and when the last one started or ended (Date.now()). */
  network(): { inFlight: number; lastActivity: number }
}

const noBytes = (): Bytes => ({ html: 0, js: 0, css: 0, other: 0, requests: 0 })

/** A fresh phone context whose pages record when `expected` is shown; throttled (Lighthouse mobile) unless told not to. */
async function openPhone(chromium: LaunchedBrowser, expected: string, throttle: boolean): Promise<Watched> {
  const context = await chromium.newPhone()
  try {
    await context.addInitScript({ content: NAME_HELPER })
    await context.addInitScript(watchForText, { expected, identifier: ELEMENT_TIMING })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    const kinds = new Map<string, string>()
    const inFlight = new Set<string>()
    let lastActivity = Date.now()
    let bytes = noBytes()
    const add = (kind: string | undefined, length: number) => {
      const key = kind === 'Document' ? 'html' : kind === 'Script' ? 'js' : kind === 'Stylesheet' ? 'css' : 'other'
      bytes[key] += length
    }
    cdp.on('Network.requestWillBeSent', (event) => {
      inFlight.add(event.requestId)
      lastActivity = Date.now()
      if (event.redirectResponse) {
        add(event.type, event.redirectResponse.encodedDataLength)
        bytes.requests += 1
      }
    })
    cdp.on('Network.responseReceived', (event) => kinds.set(event.requestId, event.type))
    cdp.on('Network.loadingFinished', (event) => {
      add(kinds.get(event.requestId), event.encodedDataLength)
      bytes.requests += 1
      inFlight.delete(event.requestId)
      lastActivity = Date.now()
    })
    cdp.on('Network.loadingFailed', (event) => {
      inFlight.delete(event.requestId)
      lastActivity = Date.now()
    })
    await cdp.send('Network.enable')
    if (throttle) {
      await cdp.send('Network.emulateNetworkConditions', NETWORK)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    }
    return {
      context,
      page,
      takeBytes: () => {
        const taken = bytes
        bytes = noBytes()
        return taken
      },
      network: () => ({ inFlight: inFlight.size, lastActivity })
    }
  } catch (error) {
    await context.close()
    throw error
  }
}

/**
 * Until no request has been under way for `quietMs` (true), or `timeoutMs` passed (false). Playwright's networkidle
 * (500 ms) comes too early here: with the CPU slowed 4×, the app renders for longer than that between the API's
 * answer and the images it then asks for.
 */
async function networkQuiet(phone: Watched, quietMs: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const { inFlight, lastActivity } = phone.network()
    if (inFlight === 0 && Date.now() - lastActivity >= quietMs) return true
    if (Date.now() >= until) return false
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Navigates (a real navigation, cache as it is) and waits until the text is shown, then until the network has been
 * quiet for QUIET_MS and the paint entries (FCP, LCP, the text's) have arrived, so that LCP and the bytes are final.
 */
async function measure(phone: Watched, url: string, expected: string, what: string): Promise<Load> {
  const { page } = phone
  phone.takeBytes()
  const started = Date.now()
  const left = () => Math.max(1, LOAD_TIMEOUT_MS - (Date.now() - started))
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: left() })
    // Polled from outside every 100 ms, not per frame: the wait must not cost the throttled page its own CPU.
    await page.waitForFunction(() => (window as unknown as { __bench?: InPage }).__bench?.visibleAt != null, undefined, { polling: 100, timeout: left() })
  } catch (error) {
    const state = await page.evaluate(readInPage).catch(() => undefined)
    const seen = state?.inDomAt != null ? `in the DOM at ${Math.round(state.inDomAt)} ms but never shown` : 'never in the DOM'
    throw new Error(
      `${what}: 「${expected}」 not shown within ${LOAD_TIMEOUT_MS / 1000} s (${url}; the text was ${seen}): ${(error as Error).message.split('\n')[0]}`
    )
  }
  const settled = await networkQuiet(phone, QUIET_MS, Math.max(QUIET_MS, left()))
  // The paint entries come from the compositor some time after the frame; a figure still missing then stays empty.
  await page
    .waitForFunction(
      () => {
        const bench = (window as unknown as { __bench: InPage; __benchFlush: () => void }).__bench
        ;(window as unknown as { __benchFlush: () => void }).__benchFlush()
        return bench.fcp !== null && bench.lcp !== null && bench.paintedAt !== null
      },
      undefined,
      { polling: 100, timeout: PAINT_ENTRIES_WAIT_MS }
    )
    .catch(() => undefined)
  const state = await page.evaluate(readInPage)
  return { ...state, visibleAt: state.visibleAt!, settled, bytes: phone.takeBytes() }
}

interface PageSpec {
  name: string
  appPath: string
  staticPath: string
  expected: string
  secondVisit: boolean
}

interface PageLoads {
  app: Load[]
  static: Load[]
  appSecond: Load[]
  staticSecond: Load[]
}

/** One cold load in a fresh context, and the second visit in the same context when the row has one. */
async function coldAndSecond(chromium: LaunchedBrowser, url: string, spec: PageSpec, side: string): Promise<{ cold: Load; second?: Load }> {
  const phone = await openPhone(chromium, spec.expected, true)
  try {
    const cold = await measure(phone, url, spec.expected, `${spec.name} ${side}, cold`)
    if (!spec.secondVisit) return { cold }
    await phone.page.waitForTimeout(SETTLE_MS)
    const second = await measure(phone, url, spec.expected, `${spec.name} ${side}, second visit`)
    return { cold, second }
  } finally {
    await phone.context.close()
  }
}

/** The page as the app shows it, unthrottled, written as a static copy. */
async function capture(chromium: LaunchedBrowser, url: string, spec: PageSpec): Promise<string> {
  const phone = await openPhone(chromium, spec.expected, false)
  try {
    await measure(phone, url, spec.expected, `${spec.name}: capturing the static copy`)
    return await phone.page.evaluate(staticCopyOf, ELEMENT_TIMING)
  } finally {
    await phone.context.close()
  }
}

/** The median of the figures there are (a paint entry may be missing); null when there is none. */
function median(values: (number | null)[]): number | null {
  const sorted = values.filter((value): value is number => value !== null).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)}`)
const times = (ratio: number | null) => (ratio === null ? '—' : ratio.toFixed(2))
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)}`
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length))
const lpad = (text: string, width: number) => ' '.repeat(Math.max(0, width - text.length)) + text

function loadLine(side: string, load: Load): string {
  const redirect = load.redirect > 0 ? `  redirect ${ms(load.redirect)}` : ''
  return (
    `    ${pad(side, 20)} visible ${lpad(ms(load.visibleAt), 5)}  (in DOM ${lpad(ms(load.inDomAt), 5)}, painted ${lpad(ms(load.paintedAt), 5)}` +
    `, FCP ${lpad(ms(load.fcp), 5)}, LCP ${lpad(ms(load.lcp), 5)}${load.appAt === null ? '' : `, app ${lpad(ms(load.appAt), 5)}`})${redirect}  ${lpad(kb(total(load.bytes)), 6)} KB in ${load.bytes.requests} requests` +
    (load.settled ? '' : ` (network still busy after ${LOAD_TIMEOUT_MS / 1000} s)`)
  )
}

const total = (bytes: Bytes) => bytes.html + bytes.js + bytes.css + bytes.other

function bytesLine(label: string, loads: Load[]): string {
  const of = (key: keyof Bytes) => median(loads.map((load) => load.bytes[key])) ?? 0
  const cells = [of('html'), of('js'), of('css'), of('other'), median(loads.map((load) => total(load.bytes))) ?? 0].map((value) => lpad(kb(value), 9))
  return `  ${pad(label, 34)}${cells.join('')}${lpad(String(of('requests')), 10)}`
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(H5, 'index.html'))) {
    console.log('✗ dist/h5 is missing: run `npm run build:h5` first.')
    return 1
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-bench-h5-'))
  const h5Dir = path.join(work, 'h5')
  fs.cpSync(H5, h5Dir, { recursive: true })
  let server: RunningServer | undefined
  let chromium: LaunchedBrowser | undefined
  const began = Date.now()
  try {
    server = await startServer({ h5Dir })
    chromium = await launchChromium()
    const base = server.url

    const station = (await getJson<StationDirectory>(`${base}/api/stations`)).stations[0]
    const news = (await getJson<HomeData>(`${base}/api/home`)).news[0]
    if (!station || !news) throw new Error('The seeded server has no station or no news on 首页.')
    const specs: PageSpec[] = [
      { name: `/s/${station.code}`, appPath: `/s/${station.code}`, staticPath: '/bench-static/station.html', expected: station.name, secondVisit: false },
      { name: '/ 首页', appPath: '/', staticPath: '/bench-static/home.html', expected: news.title, secondVisit: true }
    ]

    console.log(
      `Chromium ${chromium.browser.version()}, phone ${375}×${740} @2×; each load under Lighthouse's mobile profile (RTT ${NETWORK.latency} ms, ` +
        `${(NETWORK.downloadThroughput * 8) / 1024} kbps down, ${(NETWORK.uploadThroughput * 8) / 1024} kbps up, CPU ${CPU_SLOWDOWN}× slower); ` +
        `${ROUNDS} rounds, app and static copy alternating; times in ms from navigation start.`
    )
    fs.mkdirSync(path.join(h5Dir, 'bench-static'))
    for (const spec of specs) {
      const html = await capture(chromium, base + spec.appPath, spec)
      fs.writeFileSync(path.join(h5Dir, spec.staticPath), html)
      console.log(`static copy of ${spec.appPath} → ${spec.staticPath}: ${kb(Buffer.byteLength(html))} KB of HTML; the text looked for: 「${spec.expected}」`)
    }

    const loads = new Map<PageSpec, PageLoads>(specs.map((spec) => [spec, { app: [], static: [], appSecond: [], staticSecond: [] }]))
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`round ${round}`)
      for (const spec of specs) {
        const figures = loads.get(spec)!
        console.log(`  ${spec.name}`)
        const app = await coldAndSecond(chromium, base + spec.appPath, spec, 'app')
        const copy = await coldAndSecond(chromium, base + spec.staticPath, spec, 'static')
        figures.app.push(app.cold)
        figures.static.push(copy.cold)
        console.log(loadLine('app, cold', app.cold))
        console.log(loadLine('static, cold', copy.cold))
        if (app.second && copy.second) {
          figures.appSecond.push(app.second)
          figures.staticSecond.push(copy.second)
          console.log(loadLine('app, second visit', app.second))
          console.log(loadLine('static, second visit', copy.second))
        }
      }
    }

    const [stationSpec, homeSpec] = specs
    const stationLoads = loads.get(stationSpec)!
    const homeLoads = loads.get(homeSpec)!
    const of = (list: Load[], figure: (load: Load) => number | null) => median(list.map(figure))
    const visible = (load: Load) => load.visibleAt
    const painted = (load: Load) => load.paintedAt
    const rows: { label: string; app: Load[]; copy: Load[]; figure: (load: Load) => number | null; target?: number }[] = [
      { label: `\`/s/${station.code}\` station page, cold`, app: stationLoads.app, copy: stationLoads.static, figure: visible, target: TARGET_COLD },
      { label: '`/` 首页, cold (first news title painted)', app: homeLoads.app, copy: homeLoads.static, figure: visible, target: TARGET_COLD },
      { label: '`/` 首页 LCP, cold', app: homeLoads.app, copy: homeLoads.static, figure: (load) => load.lcp },
      { label: '`/` 首页, second visit', app: homeLoads.appSecond, copy: homeLoads.staticSecond, figure: visible, target: TARGET_SECOND }
    ]
    const ratio = (row: (typeof rows)[number], figure = row.figure) => {
      const [app, copy] = [of(row.app, figure), of(row.copy, figure)]
      return app === null || copy === null ? null : app / copy
    }
    console.log(`\nmedians of ${ROUNDS} rounds (ms)\n`)
    console.log('| page | app: content visible | static copy | ratio |')
    console.log('|---|---|---|---|')
    for (const row of rows) console.log(`| ${row.label} | ${ms(of(row.app, row.figure))} | ${ms(of(row.copy, row.figure))} | ${times(ratio(row))} |`)
    console.log('\ntargets')
    for (const row of rows) {
      if (row.target === undefined) continue
      const figure = ratio(row)
      console.log(
        `  ${pad(row.label, 44)} ${times(figure)} × static (target ≤ ${row.target} ×): ${figure !== null && figure <= row.target ? 'met' : 'NOT met'}`
      )
    }
    // The frame's time comes before that frame's style, layout and paint, which a big first screen pays in full:
    // Chromium's paint time of the same text shows whether that shifts the ratio.
    const missing = (list: Load[], figure: (load: Load) => number | null) => {
      const absent = list.filter((load) => figure(load) === null).length
      return absent === 0 ? '' : `   (no paint entry for ${absent} of ${list.length} loads)`
    }
    const visibleRows = rows.filter((row) => row.figure === visible)
    console.log('\ncross-check: the same text as Chromium paints it (Element Timing, the clock of FCP and LCP), medians (ms)')
    for (const row of visibleRows) {
      console.log(
        `  ${pad(row.label, 44)} app ${lpad(ms(of(row.app, painted)), 5)}   static ${lpad(ms(of(row.copy, painted)), 5)}   ratio ${times(ratio(row, painted))}` +
          missing([...row.app, ...row.copy], painted)
      )
    }

    // The first screen is the server's; the app's JS decides when the page answers taps.
    const appTakesOver = (load: Load) => load.appAt
    console.log("\nthe app has taken over (its page shown, the server's layer gone: the page answers taps), medians (ms)")
    for (const row of visibleRows) {
      console.log(`  ${pad(row.label, 44)} app ${lpad(ms(of(row.app, appTakesOver)), 5)}` + missing(row.app, appTakesOver).replace('paint entry', 'take-over'))
    }

    console.log('\nbytes transferred per cold load (KB as received, median of the rounds; other = API answers, images, fonts)')
    console.log(`  ${pad('', 34)}${['HTML', 'JS', 'CSS', 'other', 'total'].map((head) => lpad(head, 9)).join('')}${lpad('requests', 10)}`)
    for (const spec of specs) {
      const figures = loads.get(spec)!
      console.log(bytesLine(`${spec.name} app`, figures.app))
      console.log(bytesLine(`${spec.name} static copy`, figures.static))
    }
    console.log(bytesLine(`${homeSpec.name} app, second visit`, homeLoads.appSecond))
    console.log(bytesLine(`${homeSpec.name} static, second visit`, homeLoads.staticSecond))

    const lcpElements = new Set(homeLoads.app.map((load) => load.lcpElement ?? '—'))
    console.log(`\n首页 app LCP element: ${[...lcpElements].join(' | ')}`)
    console.log(`首页 static LCP element: ${[...new Set(homeLoads.static.map((load) => load.lcpElement ?? '—'))].join(' | ')}`)
    try {
      chromium.failOnAppErrors()
    } catch (error) {
      console.log(`\nnote: ${(error as Error).message}`)
    }
    console.log(`\n(${Math.round((Date.now() - began) / 1000)} s)`)
    return 0
  } finally {
    await chromium?.close().catch(() => undefined)
    await server?.close().catch(() => undefined)
    fs.rmSync(work, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? `✗ ${error.message}` : error)
    process.exit(1)
  }
)
