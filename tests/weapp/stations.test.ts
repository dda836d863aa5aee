/**
 * The BUILT station page (dist/weapp) opened the ways a poster opens it in WeChat, in WeChat's own component
 * framework with wx.request reaching the real API server:
 * - a 小程序码: WeChat starts the app on packages/stations/station/index with `scene` = the station code, URL-encoded;
 * - an ordinary URL QR code under the 「扫普通链接二维码打开小程序」 rule: the page gets `q` = the whole scanned URL,
 *   URL-encoded;
 * - a warm start from another poster: WeChat reLaunches the page with the new options (a new page instance).
 * What is checked is what the built code does with the options as WeChat hands them over (Taro's runtime included):
 * the right station is shown, exactly one scan is counted per opening, a code that does not exist gets the friendly
 * page without a request for it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { STATION_PAGE_PATH, type StationDirectory } from '@/domain'
import { scansCounted } from '../e2e/server'
import { WEAPP_DIST } from './support/simulator'
import { weappSuite } from './support/suite'
import { WEAPP_TEST_API_BASE } from './support/test-api'

jest.setTimeout(60_000)

const suite = weappSuite()
let directory: StationDirectory

beforeAll(async () => {
  const response = await fetch(`${suite.server.url}/api/stations`)
  directory = (await response.json()) as StationDirectory
  expect(directory.stations.length).toBeGreaterThan(2)
})

const scansOf = (code: string) => scansCounted(suite.server, code)

const scanPosts = (code: string) =>
  suite.sim.host.requests.filter((request) => request.method === 'POST' && request.url === `${WEAPP_TEST_API_BASE}/api/stations/${code}/scans`)

/** Opens the station page the way WeChat does when a QR code starts (or reLaunches) the app on it. */
async function enterFromQr(query: Record<string, string>, scene: number) {
  suite.sim.host.enterOptions = { path: STATION_PAGE_PATH, scene, query }
  const page = await suite.sim.openPage(STATION_PAGE_PATH, query)
  return page
}

describe('the station page opened from a poster in WeChat', () => {
  it('shows the station of a 小程序码 (scene, URL-encoded as WeChat passes it) and counts one scan', async () => {
    const station = directory.stations[0]
    const page = await enterFromQr({ scene: encodeURIComponent(station.code) }, 1047)
    const text = await page.waitForText(station.address, 15_000)
    expect(text).toContain(station.name)
    expect(text).toContain('开放时间')
    await suite.sim.settle()
    // The page's own show after load is not a new entry: one POST, one count.
    page.instance.onShow?.()
    await suite.sim.settle()
    expect(scanPosts(station.code).map((request) => request.statusCode)).toEqual([204])
    expect(await scansOf(station.code)).toEqual({ wxacode: 1 })
  })

  it('shows the station of a scanned URL QR code (q) and counts it as a WeChat link scan', async () => {
    const station = directory.stations[1]
    const url = `https://miyun.example.cn/s/${station.code}`
    const page = await enterFromQr({ q: encodeURIComponent(url), scancode_time: '1795998000' }, 1011)
    await page.waitForText(station.address, 15_000)
    await suite.sim.settle()
    expect(scanPosts(station.code).map((request) => request.statusCode)).toEqual([204])
    expect(await scansOf(station.code)).toEqual({ 'wechat-link': 1 })
  })

  it('shows the new station on a warm start from another poster, counting each opening once', async () => {
    const first = directory.stations[2]
    const second = directory.stations[3]
    await (await enterFromQr({ scene: encodeURIComponent(first.code) }, 1047)).waitForText(first.address, 15_000)
    // Back in the background, then another poster: WeChat reLaunches onto the page with the new scene.
    const page = await enterFromQr({ scene: encodeURIComponent(second.code) }, 1047)
    await page.waitForText(second.address, 15_000)
    await suite.sim.settle()
    expect(await scansOf(first.code)).toEqual({ wxacode: 1 })
    expect(await scansOf(second.code)).toEqual({ wxacode: 1 })
  })

  it('shows 「未找到该服务站点」 for a code that does not exist, and for a scene that is not a code, without asking for it', async () => {
    const unknown = ['ZZZZZZ', 'YYYYYY'].find((code) => !directory.stations.some((station) => station.code === code))!
    const page = await enterFromQr({ scene: unknown }, 1047)
    const text = await page.waitForText('未找到该服务站点', 15_000)
    expect(text).toContain('查看全部服务站点')

    const before = suite.sim.host.requests.length
    const malformed = await enterFromQr({ scene: encodeURIComponent('id=12&from=poster') }, 1047)
    await malformed.waitForText('未找到该服务站点', 15_000)
    await suite.sim.settle()
    expect(suite.sim.host.requests.slice(before).filter((request) => request.url.includes('/api/stations'))).toEqual([])
  })
})

interface SentMarker {
  latitude: number
  longitude: number
  title: string
  iconPath: string
  callout: { content: string }
}

/**
 * The markers the page sent to WeChat's map: Taro sends an element's props under short keys (p17…), so they are found
 * by shape — an array of objects with a callout — rather than by name.
 */
function sentMarkers(tree: unknown): SentMarker[] | undefined {
  if (!tree || typeof tree !== 'object') return undefined
  if (Array.isArray(tree) && tree.length > 0 && tree.every((item) => item && typeof item === 'object' && 'callout' in item)) {
    return tree as SentMarker[]
  }
  for (const value of Object.values(tree as Record<string, unknown>)) {
    const found = sentMarkers(value)
    if (found) return found
  }
  return undefined
}

describe('the station map (packages/stations/map/index) in WeChat', () => {
  it('gives WeChat’s map a marker per station with its name, state and a marker image that is a file in the package', async () => {
    const page = await suite.sim.openPage('packages/stations/map/index')
    await page.waitFor(() => sentMarkers(page.instance.data) !== undefined, 'the map with its markers', 15_000)
    await suite.sim.settle()
    const markers = sentMarkers(page.instance.data)!
    expect(markers).toHaveLength(directory.stations.length)
    for (const station of directory.stations) {
      const marker = markers.find((candidate) => candidate.title === station.name)
      expect(marker).toBeDefined()
      expect([marker!.latitude, marker!.longitude]).toEqual([station.latitude, station.longitude])
      expect(marker!.callout.content).toContain(station.sample ? `${station.name}（示例）` : station.name)
      expect(marker!.callout.content).toMatch(/营业中|已关门|暂停开放/)
    }
    // WeChat takes no data URL as a marker's iconPath: it must be a file of the built package.
    const icon = markers[0].iconPath
    expect(icon).toMatch(/^\/?packages\/stations\/.+\.png$/)
    expect(fs.existsSync(path.join(WEAPP_DIST, icon.replace(/^\//, '')))).toBe(true)
  })
})
