/**
 * Station posters through HTTP, read back the way a phone reads them: each PDF page is rasterised with pdftoppm
 * (poppler) and its QR code decoded with jsQR; the words on the page come from pdftotext. The 小程序码 come from
 * a local fake WeChat whose codes are plain QR codes of the scene, so a poster's 小程序码 can be read back too.
 * The main suite runs on SQLite, and on PostgreSQL when one is reachable.
 */
import fs from 'node:fs'
import type { StaffStationSummary } from '@/domain/station-input'
import { STATION_PAGE_PATH, STATION_TYPE_LABELS } from '@/domain/stations'
import type { App } from '@server/app'
import { POSTER_FONT_MISSING_MESSAGE, SYSTEM_FONT_PATHS } from '@server/stations/posters/fonts'
import { SAMPLE_MARK, SCAN_LINE_URL, SCAN_LINE_WXACODE, UNION_NAME } from '@server/stations/posters/station-poster'
import { logCollector } from './support/log'
import { testDatabases } from './support/databases'
import { FAKE_APP_SECRET, startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { pdfInfo, pdfPageTexts, pdfQrTexts } from './support/qr-reading'
import { staffSession, type TestStaffer } from './support/staff'
import { buildTestApp, makeTempDir, removeTempDirs, type TestAppOptions } from './support/test-app'

afterAll(removeTempDirs)

const PUBLIC_URL = 'https://miyun.example.cn'
const databases = testDatabases('miyun_posters')

interface Desk {
  app: App
  editor: TestStaffer
}

async function openDesk(options: TestAppOptions = {}): Promise<Desk> {
  const app = buildTestApp({ dataDir: makeTempDir('miyun-posters-'), ...options })
  await app.ready()
  return { app, editor: await staffSession(app, ['editor'], { displayName: '王编辑' }) }
}

async function get(desk: Desk, url: string, headers: Record<string, string> = {}) {
  return desk.app.inject({ method: 'GET', url: `/api/staff${url}`, headers: { ...desk.editor.headers, ...headers } })
}

/** The UTF-8 file name of a Content-Disposition header (RFC 5987), and its ASCII fallback. */
function fileNames(header: string | undefined): { utf8?: string; ascii?: string } {
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(header ?? '')?.[1]
  const ascii = /filename="([^"]+)"/.exec(header ?? '')?.[1]
  return { utf8: utf8 && decodeURIComponent(utf8), ascii }
}

/** What an editor's station list says: the stations and the order the posters follow. */
async function stationList(desk: Desk): Promise<StaffStationSummary[]> {
  const response = await get(desk, '/stations')
  expect(response.statusCode).toBe(200)
  return response.json()
}

const oneLine = (text: string) => text.replace(/\s+/g, '')

describe.each(databases)('station posters on $name', ({ setUp }) => {
  let tearDown: (() => Promise<void>) | undefined
  let fake: FakeWechat
  let desk: Desk
  let stations: StaffStationSummary[]
  let open: StaffStationSummary[]

  beforeAll(async () => {
    const database = await setUp()
    tearDown = database.tearDown
    fake = await startFakeWechat()
    desk = await openDesk({ env: { ...database.env, ...fake.env, PUBLIC_URL } })
    stations = await stationList(desk)
    open = stations.filter((station) => !station.closedReason)
  })

  afterAll(async () => {
    await desk?.app.close()
    await fake?.close()
    await tearDown?.()
  })

  it('has stations to print, one of them closed (the seed)', () => {
    expect(open.length).toBeGreaterThan(1)
    expect(stations.length).toBeGreaterThan(open.length)
  })

  it('prints one station on one A4 page whose QR code reads its short URL', async () => {
    const station = open[0]
    const response = await get(desk, `/stations/${station.id}/poster.pdf`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['cache-control']).toBe('no-store')
    expect(fileNames(response.headers['content-disposition'] as string)).toEqual({
      utf8: `服务站点海报-${station.name}.pdf`,
      ascii: `station-poster-${station.code}.pdf`
    })
    expect(response.headers['content-disposition']).toMatch(/^attachment;/)
    const pdf = response.rawPayload
    const info = pdfInfo(pdf)
    expect(info.Pages).toBe('1')
    expect(info['Page size']).toMatch(/595\.28 x 841\.89 pts \(A4\)/)
    expect(pdfQrTexts(pdf)).toEqual([`${PUBLIC_URL}/s/${station.code}`])
  })

  it('says on the page whose station it is, what to scan it for, the hotline, and 示例 for a sample station', async () => {
    const station = open[0]
    expect(station.sample).toBe(true)
    const [text] = pdfPageTexts((await get(desk, `/stations/${station.id}/poster.pdf`)).rawPayload)
    const flat = oneLine(text)
    for (const words of [
      UNION_NAME,
      station.name,
      STATION_TYPE_LABELS[station.type],
      station.town,
      station.address,
      SCAN_LINE_URL,
      '服务热线12351',
      `${PUBLIC_URL}/s/${station.code}`
    ]) {
      expect(flat).toContain(oneLine(words))
    }
    expect(flat).toContain(SAMPLE_MARK)
  })

  it('keeps people out of the document metadata: the union is the author, not the editor who printed it', async () => {
    const station = open[0]
    const info = pdfInfo((await get(desk, `/stations/${station.id}/poster.pdf`)).rawPayload)
    expect(info.Author).toBe(UNION_NAME)
    expect(info.Title).toContain(station.name)
    expect(JSON.stringify(info)).not.toContain('王编辑')
    expect(JSON.stringify(info)).not.toContain(desk.editor.staff.name)
  })

  it('prints every open station in one PDF, a page each in the list order, each code reading its own station', async () => {
    const response = await get(desk, '/stations/posters.pdf')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(fileNames(response.headers['content-disposition'] as string)).toEqual({ utf8: '服务站点海报-全部站点.pdf', ascii: 'station-posters.pdf' })
    const pdf = response.rawPayload
    expect(pdfInfo(pdf).Pages).toBe(String(open.length))
    expect(pdfQrTexts(pdf)).toEqual(open.map((station) => `${PUBLIC_URL}/s/${station.code}`))
    const texts = pdfPageTexts(pdf).map(oneLine)
    open.forEach((station, index) => expect(texts[index]).toContain(oneLine(station.name)))
    for (const closed of stations.filter((station) => station.closedReason)) {
      expect(texts.join('')).not.toContain(oneLine(closed.name))
    }
  })

  it('answers the static poster paths itself, not as a station id', async () => {
    const options = await get(desk, '/stations/posters/options')
    expect(options.statusCode).toBe(200)
    expect(options.json()).toEqual({ publicUrl: PUBLIC_URL, wxacode: true })
    const all = await get(desk, '/stations/posters.pdf')
    expect(all.statusCode).toBe(200)
    expect(all.headers['content-type']).toBe('application/pdf')
  })

  it('prints a 小程序码 from WeChat for qr=wxacode, with the station code as scene', async () => {
    const station = open[1]
    const before = fake.wxacodeCalls.length
    const response = await get(desk, `/stations/${station.id}/poster.pdf?qr=wxacode`)
    expect(response.statusCode).toBe(200)
    expect(fileNames(response.headers['content-disposition'] as string)).toEqual({
      utf8: `服务站点海报-${station.name}-小程序码.pdf`,
      ascii: `station-poster-${station.code}-wxacode.pdf`
    })
    expect(pdfQrTexts(response.rawPayload)).toEqual([station.code])
    expect(fake.wxacodeCalls.slice(before)).toEqual([expect.objectContaining({ scene: station.code, page: STATION_PAGE_PATH, envVersion: 'release' })])
    const flat = oneLine(pdfPageTexts(response.rawPayload)[0])
    expect(flat).toContain(SCAN_LINE_WXACODE)
    expect(flat).toContain(`${PUBLIC_URL}/s/${station.code}`)
  })

  it('prints every open station with its own 小程序码, and asks WeChat for each code only once', async () => {
    const first = await get(desk, '/stations/posters.pdf?qr=wxacode')
    expect(first.statusCode).toBe(200)
    expect(pdfQrTexts(first.rawPayload)).toEqual(open.map((station) => station.code))
    const calls = fake.wxacodeCalls.length
    const again = await get(desk, '/stations/posters.pdf?qr=wxacode')
    expect(again.statusCode).toBe(200)
    expect(fake.wxacodeCalls.length).toBe(calls)
    expect(new Set(fake.wxacodeCalls.map((call) => call.scene)).size).toBe(fake.wxacodeCalls.length)
  })

  it('answers 502 with what WeChat said when WeChat refuses, never with the AppSecret', async () => {
    const station = open[open.length - 1]
    // Its code may already be kept from an earlier print: a new app on a fresh DATA_DIR asks WeChat.
    const log = logCollector()
    const fresh = await openDesk({ env: { ...fake.env, PUBLIC_URL, LOG_LEVEL: 'info' }, logStream: log.stream })
    try {
      fake.wxacodeFailures.push({ errcode: 45009, errmsg: `reach max api daily quota limit secret=${FAKE_APP_SECRET}` })
      const target = (await stationList(fresh)).find((candidate) => candidate.code === station.code)!
      const response = await get(fresh, `/stations/${target.id}/poster.pdf?qr=wxacode`)
      expect(response.statusCode).toBe(502)
      expect(response.json().error.code).toBe('WECHAT_ERROR')
      expect(response.json().error.message).toMatch(/45009.*调用次数超限/)
      expect(response.json().error.message).toContain(station.name)
      expect(response.body).not.toContain(FAKE_APP_SECRET)
      // The failure is logged (a 5xx), without the secret.
      expect(log.text()).toContain('45009')
      expect(log.text()).not.toContain(FAKE_APP_SECRET)
    } finally {
      await fresh.app.close()
    }
  })

  it('refuses to print a closed station’s poster (409), as the set of all posters leaves it out', async () => {
    const closed = stations.find((station) => station.closedReason)!
    for (const qr of ['', '?qr=url', '?qr=wxacode']) {
      const response = await get(desk, `/stations/${closed.id}/poster.pdf${qr}`)
      expect(response.statusCode).toBe(409)
      expect(response.headers['content-type']).toMatch(/^application\/json/)
      expect(response.json().error).toEqual({ code: 'STATION_CLOSED', message: '该站点已暂停开放，恢复开放后再打印海报' })
    }
  })

  it('answers a WeChat refusal in the middle of a set as JSON, before any of the PDF is sent', async () => {
    const fresh = await openDesk({ env: { ...fake.env, PUBLIC_URL } })
    try {
      fake.wxacodeFailures.push({ errcode: 45009, errmsg: 'reach max api daily quota limit' })
      const response = await get(fresh, '/stations/posters.pdf?qr=wxacode')
      expect(response.statusCode).toBe(502)
      expect(response.headers['content-type']).toMatch(/^application\/json/)
      expect(response.json().error.code).toBe('WECHAT_ERROR')
      expect(response.json().error.message).toMatch(/45009/)
    } finally {
      fake.wxacodeFailures.length = 0
      await fresh.app.close()
    }
  })

  it('answers 404 for a station that does not exist, and 400 naming a wrong parameter', async () => {
    const missing = await get(desk, '/stations/no-such-station/poster.pdf')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.message).toBe('未找到该服务站点')
    const wrongQr = await get(desk, `/stations/${open[0].id}/poster.pdf?qr=png`)
    expect(wrongQr.statusCode).toBe(400)
    expect(wrongQr.json().error.message).toMatch(/qr/)
    const unknown = await get(desk, '/stations/posters.pdf?size=A3')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.message).toMatch(/size/)
  })
})

describe('station posters without WeChat credentials', () => {
  let desk: Desk
  beforeAll(async () => {
    desk = await openDesk({ env: { PUBLIC_URL } })
  })
  afterAll(() => desk.app.close())

  it('says 小程序码 cannot be had, and answers qr=wxacode with 409 WXACODE_UNAVAILABLE', async () => {
    expect((await get(desk, '/stations/posters/options')).json()).toEqual({ publicUrl: PUBLIC_URL, wxacode: false })
    const [station] = await stationList(desk)
    for (const url of [`/stations/${station.id}/poster.pdf?qr=wxacode`, '/stations/posters.pdf?qr=wxacode']) {
      const response = await get(desk, url)
      expect(response.statusCode).toBe(409)
      expect(response.json().error.code).toBe('WXACODE_UNAVAILABLE')
      expect(response.json().error.message).toMatch(/WECHAT_APPID/)
    }
  })

  it('still prints URL QR codes', async () => {
    const [station] = (await stationList(desk)).filter((candidate) => !candidate.closedReason)
    const response = await get(desk, `/stations/${station.id}/poster.pdf`)
    expect(response.statusCode).toBe(200)
    expect(pdfQrTexts(response.rawPayload)).toEqual([`${PUBLIC_URL}/s/${station.code}`])
  })
})

describe('station posters when every station is closed', () => {
  it('print nothing, and say why (404)', async () => {
    const desk = await openDesk({ env: { PUBLIC_URL } })
    try {
      for (const station of (await stationList(desk)).filter((candidate) => !candidate.closedReason)) {
        const closed = await desk.app.inject({
          method: 'POST',
          url: `/api/staff/stations/${station.id}/close`,
          headers: desk.editor.headers,
          payload: { reason: '装修改造，暂停开放', version: station.version }
        })
        expect(closed.statusCode).toBe(200)
      }
      const response = await get(desk, '/stations/posters.pdf')
      expect(response.statusCode).toBe(404)
      expect(response.json().error.message).toBe('没有开放中的服务站点，无法生成海报')
    } finally {
      await desk.app.close()
    }
  })
})

describe('station posters without PUBLIC_URL', () => {
  it('print the address the request came to', async () => {
    const desk = await openDesk()
    try {
      const headers = { host: 'union.example.org:8443' }
      expect((await get(desk, '/stations/posters/options', headers)).json().publicUrl).toBe('http://union.example.org:8443')
      const [station] = (await stationList(desk)).filter((candidate) => !candidate.closedReason)
      const response = await get(desk, `/stations/${station.id}/poster.pdf`, headers)
      expect(pdfQrTexts(response.rawPayload)).toEqual([`http://union.example.org:8443/s/${station.code}`])
      const odd = await get(desk, '/stations/posters/options', { host: 'evil.example/x?y' })
      expect(odd.statusCode).toBe(400)
      expect(odd.json().error.message).toMatch(/PUBLIC_URL/)
    } finally {
      await desk.app.close()
    }
  })

  it('behind a trusted proxy, print the address the worker sees (https, the public host)', async () => {
    const desk = await openDesk({ env: { TRUST_PROXY: '127.0.0.1' } })
    try {
      const headers = { host: '127.0.0.1:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'gonghui.example.cn' }
      expect((await get(desk, '/stations/posters/options', headers)).json().publicUrl).toBe('https://gonghui.example.cn')
    } finally {
      await desk.app.close()
    }
  })
})

describe('station posters without a Chinese font', () => {
  let desk: Desk
  beforeAll(async () => {
    // No font anywhere the server looks: the app still starts and serves everything else.
    desk = await openDesk({ env: { PUBLIC_URL }, posterFontPaths: [] })
  })
  afterAll(() => desk.app.close())

  it('answer 503 POSTER_FONT_MISSING saying what to install', async () => {
    const [station] = await stationList(desk)
    for (const url of [`/stations/${station.id}/poster.pdf`, '/stations/posters.pdf']) {
      const response = await get(desk, url)
      expect(response.statusCode).toBe(503)
      expect(response.json().error).toEqual({ code: 'POSTER_FONT_MISSING', message: POSTER_FONT_MISSING_MESSAGE })
    }
    expect(POSTER_FONT_MISSING_MESSAGE).toBe('服务器缺少中文字体，无法生成海报：请安装 fonts-wqy-microhei 或设置 POSTER_FONT')
  })

  it('leave the rest of the app working', async () => {
    expect((await get(desk, '/stations/posters/options')).statusCode).toBe(200)
    expect((await desk.app.inject({ method: 'GET', url: '/api/stations' })).statusCode).toBe(200)
  })

  it('print with the font POSTER_FONT names', async () => {
    const installed = SYSTEM_FONT_PATHS.find((file) => fs.existsSync(file))
    expect(installed).toBeDefined()
    const withFont = await openDesk({ env: { PUBLIC_URL, POSTER_FONT: installed! }, posterFontPaths: [] })
    try {
      const [station] = (await stationList(withFont)).filter((candidate) => !candidate.closedReason)
      const response = await get(withFont, `/stations/${station.id}/poster.pdf`)
      expect(response.statusCode).toBe(200)
      expect(oneLine(pdfPageTexts(response.rawPayload)[0])).toContain(oneLine(station.name))
    } finally {
      await withFont.app.close()
    }
  })
})
