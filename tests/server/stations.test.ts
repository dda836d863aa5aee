/**
 * Service stations as workers reach them, through HTTP on SQLite and PostgreSQL: the directory and one station by
 * its code, answers revalidated with ETags that change with a staff edit but not with a scan, scans counted per
 * Beijing day (the app's clock is moved) and once per phone within 10 minutes (phones told apart by the address
 * they call from), and the /s/<code> redirect that URL QR codes carry — whatever is made of the address. (The
 * scan guard on its own: stations-scan-guard.test.ts; the sample stations: stations-seed.test.ts.)
 */
import { STATION_PAGE_PATH, type Station, type StationDirectory, type StationPage, type StationSummary } from '@/domain/stations'
import { stationInputOf, type StaffStationSummary, type StationInput, type StationScans } from '@/domain/station-input'
import type { App } from '@server/app'
import { seedStationSettings, seedStations } from '@server/stations/seed-data'
import { testDatabases } from './support/databases'
import { staffSession } from './support/staff'
import { appPathOf, writeAppShell } from './support/app-shell'
import { FIXED_NOW, buildTestApp, getJson, makeTempDir, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const databases = testDatabases('miyun_stations')

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value))

/** What the directory lists of a station: everything but the detail page's photos, phone, summer offer and text. */
function summaryOf(station: Station): StationSummary {
  const { photos, phone: _phone, summerOffer: _summerOffer, description: _description, ...summary } = station
  return json(photos.length > 0 ? { ...summary, cover: photos[0] } : summary)
}

/** What the station editor sends back for a station it loaded. */
function inputOf(station: Station, overrides: Partial<StationInput> = {}): StationInput {
  return json({ ...stationInputOf(station), ...overrides })
}

const pinyin = new Intl.Collator('zh-Hans-CN')

describe.each(databases)('stations for workers on $name', ({ setUp }) => {
  let app: App
  let clock: Date
  let tearDown: () => Promise<void>

  beforeAll(async () => {
    const database = await setUp()
    tearDown = database.tearDown
    clock = FIXED_NOW
    app = buildTestApp({ dataDir: makeTempDir('miyun-stations-'), h5Dir: writeAppShell(), env: database.env, now: () => clock })
    await app.ready()
  })

  afterAll(async () => {
    await app?.close()
    await tearDown?.()
  })

  beforeEach(() => {
    clock = FIXED_NOW
  })

  /** A staff session opened at the current clock (sessions end after 30 idle minutes). */
  async function editorHeaders() {
    return (await staffSession(app, ['editor'])).headers
  }

  async function scansOf(stationId: string): Promise<StationScans> {
    const { status, body } = await getJson<StationScans>(app, `/api/staff/stations/${stationId}/scans`, await editorHeaders())
    expect(status).toBe(200)
    return body
  }

  async function allScans(): Promise<number> {
    const { body } = await getJson<StaffStationSummary[]>(app, '/api/staff/stations', await editorHeaders())
    return body.reduce((sum, station) => sum + station.scans30d, 0)
  }

  let phones = 0
  /** A phone's address: every call makes a new phone unless one is given. */
  const newPhone = () => `198.51.100.${++phones}`

  const scan = (code: string, channel: string, remoteAddress = newPhone()) =>
    app.inject({ method: 'POST', url: `/api/stations/${code}/scans`, payload: { channel }, remoteAddress })

  const openQr = (path: string, remoteAddress = newPhone()) => app.inject({ method: 'GET', url: path, remoteAddress })

  describe('GET /api/stations', () => {
    it('lists every station (the closed one with its reason), summaries only, with the holiday calendar and the 夏送清凉 period', async () => {
      const { status, body } = await getJson<StationDirectory>(app, '/api/stations')
      expect(status).toBe(200)
      expect(body.stations).toHaveLength(seedStations.length)
      for (const seeded of seedStations) {
        expect(body.stations.find((station) => station.id === seeded.id)).toEqual(summaryOf(seeded))
      }
      const closed = body.stations.filter((station) => station.closedReason !== undefined)
      expect(closed.map((station) => station.closedReason)).toEqual(seedStations.flatMap((station) => (station.closedReason ? [station.closedReason] : [])))
      expect(closed.length).toBeGreaterThan(0)
      for (const station of body.stations) {
        expect(station).not.toHaveProperty('phone')
        expect(station).not.toHaveProperty('photos')
        expect(station.sample).toBe(true)
      }
      expect(body.holidays).toEqual(seedStationSettings.holidays)
      expect(body.summerCampaign).toEqual(seedStationSettings.summerCampaign)
    })

    it('orders by town, then name, in pinyin order, the same on every database', async () => {
      const { body } = await getJson<StationDirectory>(app, '/api/stations')
      for (let i = 1; i < body.stations.length; i++) {
        const [before, after] = [body.stations[i - 1], body.stations[i]]
        const byTown = pinyin.compare(before.town, after.town)
        expect(byTown <= 0 && (byTown < 0 || pinyin.compare(before.name, after.name) <= 0)).toBe(true)
      }
      // 古北口镇 (gǔ běi) before 鼓楼街道 (gǔ lóu) before 西田各庄镇 (xī tián): not the order of the bytes.
      const towns = body.stations.map((station) => station.town)
      expect(towns.indexOf('古北口镇')).toBeLessThan(towns.indexOf('鼓楼街道'))
      expect(towns.indexOf('鼓楼街道')).toBeLessThan(towns.indexOf('西田各庄镇'))
    })

    it('answers 304 to its own ETag, and refuses unknown query parameters', async () => {
      const first = await getJson(app, '/api/stations')
      const etag = first.response.headers.etag as string
      expect(first.response.headers['cache-control']).toBe('no-cache')
      const again = await getJson(app, '/api/stations', { 'if-none-match': etag })
      expect(again.status).toBe(304)
      expect(again.response.body).toBe('')

      const unknown = await getJson(app, '/api/stations?near=40,116')
      expect(unknown.status).toBe(400)
      expect(unknown.body.error.message).toBe('未知参数：near')
    })
  })

  describe('GET /api/stations/:code', () => {
    it('sends the whole station with the calendar', async () => {
      const seeded = seedStations.find((station) => station.summerOffer !== undefined)!
      const { status, body } = await getJson<StationPage>(app, `/api/stations/${seeded.code}`)
      expect(status).toBe(200)
      expect(body.station).toEqual(json(seeded))
      expect(body.holidays).toEqual(seedStationSettings.holidays)
      expect(body.summerCampaign).toEqual(seedStationSettings.summerCampaign)
    })

    it('is a 404 「未找到该服务站点」 for a well-formed code nobody has', async () => {
      const unused = 'ZZZZZZ'
      expect(seedStations.some((station) => station.code === unused)).toBe(false)
      const { status, body } = await getJson(app, `/api/stations/${unused}`)
      expect(status).toBe(404)
      expect(body).toEqual({ error: { code: 'NOT_FOUND', message: '未找到该服务站点' } })
    })

    it.each([
      ['lower case', seedStations[0].code.toLowerCase()],
      ['too short', 'K7M2Q'],
      ['too long', 'K7M2QXX'],
      ['misreadable characters 0/O/1/I/L', 'K0O1IL'],
      ['Chinese', encodeURIComponent('鼓楼驿站')]
    ])('is a 400 naming the field code for a code that is %s', async (_, code) => {
      const { status, body } = await getJson(app, `/api/stations/${code}`)
      expect(status).toBe(400)
      expect(body.error).toMatchObject({ code: 'INVALID_FIELD', field: 'code', message: '站点编码应为 6 位大写字母或数字' })
    })

    it('shows a staff edit on the next request: a new ETag, the old one no longer matches', async () => {
      const seeded = seedStations[3]
      const before = await getJson<StationPage>(app, `/api/stations/${seeded.code}`)
      const directoryBefore = await getJson(app, '/api/stations')
      const revisionBefore = await app.repositories.contentVersion.revision()
      const headers = await editorHeaders()
      const { body: staffCopy } = await getJson(app, `/api/staff/stations/${seeded.id}`, headers)
      const saved = await app.inject({
        method: 'PUT',
        url: `/api/staff/stations/${seeded.id}`,
        headers,
        payload: { ...inputOf(seeded, { name: `${seeded.name}（新址）` }), version: staffCopy.version }
      })
      expect(saved.statusCode).toBe(200)
      expect(await app.repositories.contentVersion.revision()).toBeGreaterThan(revisionBefore)

      const after = await getJson<StationPage>(app, `/api/stations/${seeded.code}`, { 'if-none-match': before.response.headers.etag as string })
      expect(after.status).toBe(200)
      expect(after.body.station.name).toBe(`${seeded.name}（新址）`)
      const directoryAfter = await getJson<StationDirectory>(app, '/api/stations', { 'if-none-match': directoryBefore.response.headers.etag as string })
      expect(directoryAfter.status).toBe(200)
      expect(directoryAfter.body.stations.find((station) => station.id === seeded.id)?.name).toBe(`${seeded.name}（新址）`)
    })
  })

  describe('POST /api/stations/:code/scans', () => {
    it('counts per Beijing day and channel: a scan just after Beijing midnight is the next day, though UTC has not turned', async () => {
      const seeded = seedStations[1]
      clock = new Date('2026-11-24T23:59:00+08:00')
      for (const channel of ['wxacode', 'wxacode', 'wechat-link']) {
        const response = await scan(seeded.code, channel)
        expect(response.statusCode).toBe(204)
        expect(response.body).toBe('')
        expect(response.headers['cache-control']).toBe('no-store')
      }
      clock = new Date('2026-11-25T00:01:00+08:00')
      expect((await scan(seeded.code, 'wxacode')).statusCode).toBe(204)

      const scans = await scansOf(seeded.id)
      expect(scans.days[0]).toEqual({ date: '2026-11-25', wxacode: 1, wechatLink: 0, browser: 0 })
      expect(scans.days[1]).toEqual({ date: '2026-11-24', wxacode: 2, wechatLink: 1, browser: 0 })
      expect(scans.total).toBe(4)
    })

    it('does not change what workers read nor empty the answer cache: same ETags, same content revision', async () => {
      const seeded = seedStations[4]
      const directory = await getJson(app, '/api/stations')
      const page = await getJson(app, `/api/stations/${seeded.code}`)
      const revision = await app.repositories.contentVersion.revision()
      expect((await scan(seeded.code, 'wechat-link')).statusCode).toBe(204)
      expect((await app.inject({ method: 'GET', url: `/s/${seeded.code}` })).statusCode).toBe(200)
      expect(await app.repositories.contentVersion.revision()).toBe(revision)
      const directoryAgain = await getJson(app, '/api/stations', { 'if-none-match': directory.response.headers.etag as string })
      const pageAgain = await getJson(app, `/api/stations/${seeded.code}`, { 'if-none-match': page.response.headers.etag as string })
      expect(directoryAgain.status).toBe(304)
      expect(pageAgain.status).toBe(304)
      // And the counts did land.
      expect((await scansOf(seeded.id)).days[0]).toMatchObject({ wechatLink: 1, browser: 1 })
    })

    it('is a 404 for an unknown code and a 400 for a malformed one or a channel the phone does not send, counting nothing', async () => {
      const total = await allScans()
      const unknown = await scan('ZZZZZZ', 'wxacode')
      expect(unknown.statusCode).toBe(404)
      expect(unknown.json().error.message).toBe('未找到该服务站点')
      expect(unknown.headers['cache-control']).toBe('no-store')

      const malformed = await scan('abc', 'wxacode')
      expect(malformed.statusCode).toBe(400)
      expect(malformed.json().error).toMatchObject({ code: 'INVALID_FIELD', field: 'code' })

      for (const channel of ['browser', 'sms']) {
        const response = await scan(seedStations[0].code, channel)
        expect(response.statusCode).toBe(400)
        expect(response.json().error.message).toBe('参数 channel 无效：扫码方式应为 wxacode、wechat-link 之一')
      }
      const extra = await app.inject({ method: 'POST', url: `/api/stations/${seedStations[0].code}/scans`, payload: { channel: 'wxacode', openid: 'x' } })
      expect(extra.statusCode).toBe(400)
      expect(await allScans()).toBe(total)
    })

    it('names the field channel when the body is missing or holds no channel', async () => {
      const total = await allScans()
      for (const payload of [undefined, {}, { channel: 'sms' }]) {
        const response = await app.inject({ method: 'POST', url: `/api/stations/${seedStations[0].code}/scans`, ...(payload ? { payload } : {}) })
        expect(response.statusCode).toBe(400)
        expect(response.json().error).toEqual({
          code: 'INVALID_PARAMETER',
          field: 'channel',
          message: '参数 channel 无效：扫码方式应为 wxacode、wechat-link 之一'
        })
      }
      expect(await allScans()).toBe(total)
    })
  })

  describe('repeated scans', () => {
    it('count once per phone and station within 10 minutes, answering each the same; another phone counts', async () => {
      const seeded = seedStations[5]
      const before = (await scansOf(seeded.id)).total
      const phone = newPhone()
      // Both WeChat ways in are one person opening the station.
      for (const channel of ['wxacode', 'wxacode', 'wechat-link', 'wxacode']) {
        const response = await scan(seeded.code, channel, phone)
        expect(response.statusCode).toBe(204)
        expect(response.body).toBe('')
      }
      expect((await scansOf(seeded.id)).total).toBe(before + 1)

      expect((await scan(seeded.code, 'wxacode', newPhone())).statusCode).toBe(204)
      expect((await scansOf(seeded.id)).total).toBe(before + 2)

      // The same phone at another station counts there.
      const other = seedStations[6]
      const otherBefore = (await scansOf(other.id)).total
      expect((await scan(other.code, 'wxacode', phone)).statusCode).toBe(204)
      expect((await scansOf(other.id)).total).toBe(otherBefore + 1)
    })

    it('count again after 10 minutes of the app’s clock', async () => {
      const seeded = seedStations[6]
      const phone = newPhone()
      const before = (await scansOf(seeded.id)).total
      expect((await scan(seeded.code, 'wxacode', phone)).statusCode).toBe(204)
      clock = new Date(FIXED_NOW.getTime() + 9 * 60_000 + 59_000)
      expect((await scan(seeded.code, 'wxacode', phone)).statusCode).toBe(204)
      expect((await scansOf(seeded.id)).total).toBe(before + 1)
      clock = new Date(FIXED_NOW.getTime() + 10 * 60_000)
      expect((await scan(seeded.code, 'wxacode', phone)).statusCode).toBe(204)
      expect((await scansOf(seeded.id)).total).toBe(before + 2)
    })

    it('opened in a browser (/s/<code>) count once per phone too, and still open the station page', async () => {
      const seeded = seedStations[7]
      const phone = newPhone()
      const before = (await scansOf(seeded.id)).days[0].browser
      for (const path of [`/s/${seeded.code}`, `/s/${seeded.code}`, `/s/${seeded.code.toLowerCase()}/`]) {
        const response = await openQr(path, phone)
        expect(response.statusCode).toBe(200)
        expect(appPathOf(response.body)).toBe(`/${STATION_PAGE_PATH}?code=${seeded.code}`)
      }
      expect((await scansOf(seeded.id)).days[0].browser).toBe(before + 1)
      expect((await openQr(`/s/${seeded.code}`)).statusCode).toBe(200)
      expect((await scansOf(seeded.id)).days[0].browser).toBe(before + 2)
    })

    it('leave an unknown code a 404 each time', async () => {
      const phone = newPhone()
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await scan('ZZZZZZ', 'wxacode', phone)
        expect(response.statusCode).toBe(404)
        expect(response.json().error.message).toBe('未找到该服务站点')
      }
    })
  })

  describe('GET /s/:code', () => {
    it('counts a browser scan and answers with the station page itself, lower case too (no redirect)', async () => {
      const seeded = seedStations[2]
      const before = (await scansOf(seeded.id)).days[0].browser
      for (const code of [seeded.code, seeded.code.toLowerCase()]) {
        const response = await openQr(`/s/${code}`)
        expect(response.statusCode).toBe(200)
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
        expect(response.body).toContain(`<span class="taro-text station-page__name">${seeded.name}</span>`)
        expect(appPathOf(response.body)).toBe(`/${STATION_PAGE_PATH}?code=${seeded.code}`)
        expect(response.headers['cache-control']).toBe('no-store')
      }
      expect((await scansOf(seeded.id)).days[0].browser).toBe(before + 2)
    })

    it('sends an unknown code to the station page (which says 未找到) and redirects a malformed escape, counting nothing; nor does a HEAD', async () => {
      const total = await allScans()
      const unknown = await app.inject({ method: 'GET', url: '/s/ZZZZZZ' })
      expect(unknown.statusCode).toBe(200)
      expect(unknown.body).not.toContain('id="first-screen"')
      expect(appPathOf(unknown.body)).toBe(`/${STATION_PAGE_PATH}?code=ZZZZZZ`)

      const malformed = await app.inject({ method: 'GET', url: `/s/${encodeURIComponent('驿站&x=1')}` })
      expect(malformed.statusCode).toBe(200)
      expect(appPathOf(malformed.body)).toBe(`/${STATION_PAGE_PATH}?code=${encodeURIComponent('驿站&x=1')}`)
      expect(malformed.headers['cache-control']).toBe('no-store')

      const head = await app.inject({ method: 'HEAD', url: `/s/${seedStations[0].code}` })
      expect(head.statusCode).toBe(200)
      expect(await allScans()).toBe(total)
    })

    it('takes a trailing slash as the code without it, and counts it the same', async () => {
      const seeded = seedStations[3]
      const before = (await scansOf(seeded.id)).days[0].browser
      for (const path of [`/s/${seeded.code}/`, `/s/${seeded.code.toLowerCase()}/`, `/s/${seeded.code}/?from=poster`]) {
        const response = await openQr(path)
        expect(response.statusCode).toBe(200)
        expect(appPathOf(response.body)).toBe(`/${STATION_PAGE_PATH}?code=${seeded.code}`)
        expect(response.headers['cache-control']).toBe('no-store')
      }
      expect((await scansOf(seeded.id)).days[0].browser).toBe(before + 3)
    })

    /** Where an answer sends the browser: a redirect (the router's errors) or the page's move before the app starts. */
    const destination = (response: { statusCode: number; headers: Record<string, unknown>; body: string }, method: string) =>
      response.statusCode === 302 ? (response.headers.location as string) : method === 'HEAD' ? 'HEAD' : appPathOf(response.body)

    it.each([
      ['a malformed %-escape', '/s/%ZZ', '%ZZ', 302],
      ['a cut-off %-escape', `/s/${seedStations[0].code.slice(0, 5)}%`, `${seedStations[0].code.slice(0, 5)}%`, 302],
      ['an encoded NUL', '/s/%00', '\u0000', 200],
      ['more path', `/s/${seedStations[0].code}/extra`, `${seedStations[0].code}/extra`, 200],
      ['nothing', '/s/', '', 200],
      ['a path to another site', '/s//evil.example', '/evil.example', 200]
    ])('sends %s to the station page with the value as it came, counting nothing', async (_, path, value, status) => {
      const total = await allScans()
      for (const method of ['GET', 'HEAD'] as const) {
        const response = await app.inject({ method, url: path, remoteAddress: newPhone() })
        expect(response.statusCode).toBe(status)
        expect([`/${STATION_PAGE_PATH}?code=${encodeURIComponent(value)}`, 'HEAD']).toContain(destination(response, method))
        expect(response.headers['cache-control']).toBe('no-store')
      }
      expect(await allScans()).toBe(total)
    })

    it('cuts an overlong address short and marks it, so the page can only say 未找到', async () => {
      const total = await allScans()
      for (const rest of [seedStations[0].code.repeat(50), 'a'.repeat(3000), encodeURIComponent('鼓楼街道暖心驿站'.repeat(30))]) {
        const response = await openQr(`/s/${rest}`)
        expect(response.statusCode).toBe(200)
        const location = new URL(appPathOf(response.body)!, 'https://miyun.example.cn')
        expect(location.pathname).toBe(`/${STATION_PAGE_PATH}`)
        const code = location.searchParams.get('code')!
        expect(code.endsWith('…')).toBe(true)
        expect([...code]).toHaveLength(33)
        expect(decodeURIComponent(rest).startsWith(code.slice(0, -1))).toBe(true)
      }
      expect(await allScans()).toBe(total)
    })
  })
})
