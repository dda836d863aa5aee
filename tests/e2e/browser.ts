/**
 * The one way tests and scripts start a browser: Debian's Chromium driven by playwright-core.
 *
 * playwright-core never downloads a browser; it drives the system's /usr/bin/chromium (apt-get install chromium).
 * The background-networking flags matter on machines with a closed network: without them Chromium opens many
 * connections to Google's hosts at start and each one is refused. Every launch gets a fresh, empty profile: Playwright
 * creates a temporary --user-data-dir for each launch and removes it on close (it refuses a --user-data-dir argument).
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage'
]

/** A phone like the ones workers use: 375×740 CSS px at 2×, touch, Chinese locale and Beijing time. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  userAgent: 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36'
}

/** An uncaught exception or a console.error in a page the tests opened. */
export interface AppError {
  kind: 'pageerror' | 'console.error'
  url: string
  text: string
}

export interface LaunchedBrowser {
  browser: Browser
  /** A new isolated phone context (its own storage). Every page opened in it is watched for app errors. */
  newPhone(options?: BrowserContextOptions): Promise<BrowserContext>
  /**
   * Throws, naming each one, when a page had an uncaught exception or wrote console.error since the last call
   * (every suite calls it after each test), except those a test said it provokes with expectAppErrors.
   */
  failOnAppErrors(): void
  /** For the one test that provokes an error on purpose (a server made to fail): errors matching this are expected. */
  expectAppErrors(matching: RegExp): void
  close(): Promise<void>
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package: apt-get update && apt-get install -y chromium ` + '(or set CHROMIUM_PATH).'
    )
  }
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 30_000
  })
  let errors: AppError[] = []
  let expected: RegExp[] = []
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push({ kind: 'pageerror', url: page.url(), text: error.stack ?? error.message }))
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const location = message.location()
        errors.push({ kind: 'console.error', url: page.url(), text: `${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ''}` })
      }
    })
  }
  return {
    browser,
    newPhone: async (options = {}) => {
      const context = await browser.newContext({ ...PHONE, ...options })
      context.on('page', watch)
      return context
    },
    failOnAppErrors: () => {
      const unexpected = errors.filter((error) => !expected.some((pattern) => pattern.test(error.text)))
      errors = []
      expected = []
      if (unexpected.length > 0) {
        throw new Error(`The app failed in the browser:\n${unexpected.map((error) => `- ${error.kind} on ${error.url}: ${error.text}`).join('\n')}`)
      }
    },
    expectAppErrors: (matching) => {
      expected.push(matching)
    },
    close: () => browser.close()
  }
}

/** Numbered full-page screenshots into one folder: `shot(page, 'form')` writes 01-form.png, then 02-…. */
export function screenshots(dir: string): (page: Page, name: string) => Promise<void> {
  let step = 0
  return async (page, name) => {
    step += 1
    await page.screenshot({ path: path.join(dir, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true })
  }
}

/** Taro's H5 router keeps earlier pages in the document, hidden: only what is on screen counts. */
export const shown = (page: Page, text: string | RegExp, exact = true) => page.getByText(text, { exact }).locator('visible=true').first()

/** The input or textarea of the form field the validators name `name`, on the page on screen. */
export const field = (page: Page, name: string) => page.locator(`[data-field="${name}"]`).locator('visible=true').locator('input, textarea').first()
