/**
 * The BUILT mini-program (dist/weapp) rendered by WeChat's own component framework and WXML compiler
 * (miniprogram-simulate), with wx.request reaching the real API server on a fresh, seeded database.
 *
 * - 首页 shows what the API answers: the latest news titles, 法律援助 among the quick services, the 12351 hotline;
 *   tapping 拨打 dials 12351.
 * - 动态: reaching the bottom loads page 2, and what setData sends to the view for it is only the new items,
 *   far less than resending the list (the figures are printed).
 */
import type { SetDataRecord } from './support/simulator'
import { weappSuite } from './support/suite'
import { WEAPP_TEST_API_BASE } from './support/test-api'

jest.setTimeout(60_000)

interface HomeAnswer {
  news: { id: string; title: string }[]
  hotline: { number: string }
}
interface NewsPageAnswer {
  items: { id: string; title: string }[]
  hasMore: boolean
  total?: number
}

const bytesOf = (calls: SetDataRecord[]) => calls.reduce((sum, call) => sum + call.bytes, 0)
const utf8Bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8')

/** The node of Taro's view tree (page data) whose class list holds `className`. */
function findNode(tree: unknown, className: string): unknown {
  if (!tree || typeof tree !== 'object') return undefined
  const node = tree as Record<string, unknown>
  if (typeof node.cl === 'string' && node.cl.split(/\s+/).includes(className)) return node
  for (const value of Object.values(node)) {
    const found = findNode(value, className)
    if (found) return found
  }
  return undefined
}

const suite = weappSuite()

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${suite.server.url}${path}`)
  expect(response.status).toBe(200)
  return (await response.json()) as T
}

describe('首页 (pages/home/index) in WeChat’s component framework', () => {
  it('renders the content the API answers: latest news, 法律援助, the 12351 hotline', async () => {
    const home = await api<HomeAnswer>('/api/home')
    expect(home.news.length).toBeGreaterThan(0)

    const page = await suite.sim.openPage('pages/home/index')
    const text = await page.waitForText(home.news[0].title, 15_000)

    for (const item of home.news) expect(text).toContain(item.title)
    expect(text).toContain('法律援助')
    expect(text).toContain('12351')
    expect(text).toContain('职工服务热线')
    // Fresh from the server: not the kept copy nor the bundled content.
    expect(text).not.toContain('离线内容')
    const homeRequests = suite.sim.host.requests.filter((request) => request.url.startsWith(`${WEAPP_TEST_API_BASE}/api/home`))
    expect(homeRequests.map((request) => request.statusCode)).toEqual([200])
    console.log(
      `首页 rendered in the simulator: ${text.length} characters of text; ` +
        `wx APIs the app read that the host does not provide: ${suite.sim.host.missing.join(', ') || 'none'}`
    )
  })

  it('dials 12351 when the worker taps 拨打', async () => {
    const page = suite.sim.openedPages().find((opened) => opened.route === 'pages/home/index')!
    await page.tap('拨打')
    await page.waitFor(() => suite.sim.host.phoneCalls.length > 0, 'wx.makePhoneCall', 5_000)
    expect(suite.sim.host.phoneCalls).toEqual(['12351'])
  })
})

describe('动态 (pages/news/index): the next page sends only the new items', () => {
  it('sends page 2 to the view without resending page 1', async () => {
    const first = await api<NewsPageAnswer>('/api/news?page=1')
    const second = await api<NewsPageAnswer>('/api/news?page=2')
    expect(first.items).toHaveLength(20)
    expect(first.hasMore).toBe(true)
    expect(second.items.length).toBeGreaterThan(0)

    const openedAt = suite.sim.setDataCalls.length
    const page = await suite.sim.openPage('pages/news/index')
    await page.waitForText(first.items[19].title, 15_000)
    await suite.sim.settle()
    const firstPageCalls = suite.sim.setDataCalls.slice(openedAt)
    expect(page.text()).not.toContain(second.items[0].title)

    const loadMoreAt = suite.sim.setDataCalls.length
    expect(typeof page.instance.onReachBottom).toBe('function')
    page.instance.onReachBottom!()
    await page.waitForText(second.items[second.items.length - 1].title, 15_000)
    await suite.sim.settle()
    const secondPageCalls = suite.sim.setDataCalls.slice(loadMoreAt)
    const text = page.text()
    for (const item of [...first.items, ...second.items]) expect(text).toContain(item.title)

    // What resending the list would cost: the list node as the view now holds it, both pages, serialized.
    const list = findNode(page.instance.data, 'news__list')
    expect(list).toBeDefined()
    const fullList = utf8Bytes(list)
    const page1 = bytesOf(firstPageCalls)
    const page2 = bytesOf(secondPageCalls)
    const summarize = (calls: SetDataRecord[]) =>
      calls.map((call) => `${call.component} ${call.bytes} B [${call.keys.join(', ').slice(0, 160)}]`).join('\n    ')
    console.log(
      [
        `动态 setData (bytes of JSON, UTF-8):`,
        `  first page (${first.items.length} items, whole page render): ${page1} B in ${firstPageCalls.length} call(s)`,
        `    ${summarize(firstPageCalls)}`,
        `  next page (${second.items.length} items): ${page2} B in ${secondPageCalls.length} call(s)`,
        `    ${summarize(secondPageCalls)}`,
        `  the whole list (${first.items.length + second.items.length} items) serialized: ${fullList} B`,
        `  next page / whole list = ${((page2 / fullList) * 100).toFixed(1)}%`
      ].join('\n')
    )
    expect(page2).toBeLessThan(0.7 * fullList)
    // And no call resent an item of page 1.
    for (const call of secondPageCalls) {
      const payload = JSON.stringify(call.payload)
      for (const item of first.items) expect(payload).not.toContain(item.title)
    }
  })
})
