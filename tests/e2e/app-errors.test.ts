/**
 * The browser tests' error watch itself: an uncaught exception or a console.error in a page fails the test that saw
 * it, naming it, unless that test said it provokes it.
 */
import { launchChromium, type LaunchedBrowser } from './browser'

let chromium: LaunchedBrowser

beforeAll(async () => {
  chromium = await launchChromium()
})

afterAll(async () => {
  await chromium?.close()
})

async function pageThatFails(): Promise<void> {
  const phone = await chromium.newPhone()
  const page = await phone.newPage()
  await page.setContent('<p>页面</p>')
  // The watch listens from the page's creation, so once these events reach the test they have reached it too.
  const seen = Promise.all([page.waitForEvent('console', (message) => message.type() === 'error'), page.waitForEvent('pageerror')])
  await page.evaluate(() => {
    console.error('某个组件出错了')
    setTimeout(() => {
      throw new Error('未捕获的异常')
    })
  })
  await seen
  await phone.close()
}

describe('the error watch of the browser tests', () => {
  it('fails on an uncaught exception and on console.error, naming both', async () => {
    await pageThatFails()
    expect(() => chromium.failOnAppErrors()).toThrow(/pageerror[^]*未捕获的异常/)
    await pageThatFails()
    expect(() => chromium.failOnAppErrors()).toThrow(/console\.error[^]*某个组件出错了/)
  })

  it('passes what a test says it provokes, and only that', async () => {
    chromium.expectAppErrors(/某个组件出错了|未捕获的异常/)
    await pageThatFails()
    expect(() => chromium.failOnAppErrors()).not.toThrow()
    // Expectations end with the test that made them.
    await pageThatFails()
    expect(() => chromium.failOnAppErrors()).toThrow()
  })
})
