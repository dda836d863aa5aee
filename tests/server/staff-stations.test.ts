/**
 * The station editors' API through HTTP, on SQLite and PostgreSQL, and what workers then read through theirs:
 * every station with its recent scans, create (the server gives a code), save with the version loaded (409 when
 * someone saved first), close with a reason and reopen, scans day by day over 30 Beijing days, the holiday calendar
 * and 夏送清凉 period; the shared rules answer 400 naming the field, and every change leaves an audit record with
 * the record before and after. The rules themselves: staff-station-rules.test.ts.
 */
import { STATION_CODE_PATTERN, type StationDirectory, type StationPage } from '@/domain/stations'
import type { StaffStation, StaffStationSettings, StaffStationSummary, StationScans, StationSettings } from '@/domain/station-input'
import { CONTENT_ID_PATTERN } from '@/domain'
import { seedStationSettings, seedStations } from '@server/stations/seed-data'
import { testDatabases } from './support/databases'
import { useStaffDesk } from './support/staff-desk'
import { inputOf, json, newStation } from './support/station-inputs'
import { FIXED_NOW, getJson, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const DAY_MS = 24 * 60 * 60 * 1000
const databases = testDatabases('miyun_staff_stations')

const long = (length: number) => '驿'.repeat(length)

describe.each(databases)('staff stations on $name', ({ setUp }) => {
  const desk = useStaffDesk(setUp, 'miyun-staff-stations-')
  const { get: staffGet, auditOf } = desk

  const scan = (code: string, channel = 'wxacode') => desk.app.inject({ method: 'POST', url: `/api/stations/${code}/scans`, payload: { channel } })

  describe('reading', () => {
    it('lists every station, closed and sample ones too, with its version and scans of the last 30 Beijing days', async () => {
      const counted = seedStations[5]
      const today = desk.clock.getTime()
      // Today, 29 days ago (the oldest day counted) and 30 days ago (just outside).
      for (const back of [0, 29, 30]) {
        desk.clock = new Date(today - back * DAY_MS)
        expect((await scan(counted.code)).statusCode).toBe(204)
      }
      desk.clock = new Date(today)

      const list = await staffGet<StaffStationSummary[]>('/stations')
      expect(list.map((station) => station.id).sort()).toEqual(seedStations.map((station) => station.id).sort())
      for (const station of list) {
        expect(station).toMatchObject({ version: 1, updatedAt: FIXED_NOW.toISOString() })
        expect(station).not.toHaveProperty('updatedBy')
        expect(station).not.toHaveProperty('phone')
        expect(station.scans30d).toBe(station.id === counted.id ? 2 : 0)
      }
      expect(list.filter((station) => station.closedReason).length).toBe(seedStations.filter((station) => station.closedReason).length)

      const scans = await staffGet<StationScans>(`/stations/${counted.id}/scans`)
      expect(scans.total).toBe(2)
      expect(scans.days).toHaveLength(30)
      expect(scans.days[0]).toEqual({ date: '2026-11-24', wxacode: 1, wechatLink: 0, browser: 0 })
      expect(scans.days[29]).toEqual({ date: '2026-10-26', wxacode: 1, wechatLink: 0, browser: 0 })
      scans.days.slice(1, 29).forEach((day) => expect(day).toMatchObject({ wxacode: 0, wechatLink: 0, browser: 0 }))
      // One calendar day apart each, newest first.
      for (let i = 1; i < scans.days.length; i++) {
        expect(Date.parse(scans.days[i - 1].date) - Date.parse(scans.days[i].date)).toBe(DAY_MS)
      }
    })

    it('sends one station whole, with its version; 404 for an unknown id, 400 for one that is not an id', async () => {
      const seeded = seedStations[0]
      expect(await staffGet<StaffStation>(`/stations/${seeded.id}`)).toEqual({ ...json(seeded), version: 1, updatedAt: FIXED_NOW.toISOString() })

      for (const path of ['/stations/no-such-station', '/stations/no-such-station/scans']) {
        const missing = await getJson(desk.app, `/api/staff${path}`, desk.editor.headers)
        expect(missing.status).toBe(404)
        expect(missing.body.error.message).toBe('未找到该服务站点')
      }
      const malformed = await getJson(desk.app, '/api/staff/stations/Not_An_Id', desk.editor.headers)
      expect(malformed.status).toBe(400)
      expect(malformed.body.error.message).toBe('参数 id 无效：应为 1 到 64 位的小写字母、数字或连字符')
    })

    it('leaves the posters routes to the posters: /stations/posters… is never taken for a station id', async () => {
      const options = await getJson(desk.app, '/api/staff/stations/posters/options', desk.editor.headers)
      expect(options.status).toBe(200)
      expect(options.body).toHaveProperty('publicUrl')
      const pdf = await desk.app.inject({ method: 'GET', url: '/api/staff/stations/posters.pdf', headers: desk.editor.headers })
      expect(pdf.statusCode).toBe(200)
      expect(pdf.headers['content-type']).toMatch(/^application\/pdf/)
    })

    it('sends the settings as seeded, with their version', async () => {
      const settings = await staffGet<StaffStationSettings>('/station-settings')
      expect(settings).toMatchObject({ ...seedStationSettings, version: 1, updatedAt: FIXED_NOW.toISOString() })
    })
  })

  describe('creating', () => {
    it('gives a new station a fresh id and code, shows it to workers at once (cover = first photo), and records it', async () => {
      const created = await desk.send('POST', '/stations', desk.editor, newStation())
      expect(created.status).toBe(201)
      const station = created.body as StaffStation
      expect(station.id).toMatch(new RegExp(CONTENT_ID_PATTERN))
      expect(station.code).toMatch(new RegExp(STATION_CODE_PATTERN))
      expect(seedStations.map((seeded) => seeded.code)).not.toContain(station.code)
      expect(station).toMatchObject({ ...newStation(), version: 1, updatedBy: '王编辑', updatedAt: FIXED_NOW.toISOString(), cover: newStation().photos[0] })
      expect(station).not.toHaveProperty('closedReason')

      const page = await getJson<StationPage>(desk.app, `/api/stations/${station.code}`)
      expect(page.status).toBe(200)
      expect(page.body.station).toMatchObject({ ...newStation(), id: station.id, code: station.code })
      const directory = await getJson<StationDirectory>(desk.app, '/api/stations')
      expect(directory.body.stations.find((item) => item.code === station.code)?.cover).toBe(newStation().photos[0])

      const [entry] = await auditOf('station', station.id)
      expect(entry).toMatchObject({ action: 'create', staffName: '王编辑', before: null, after: station })
      expect(entry.summary).toContain(station.name)
    })

    it('never gives two stations one code', async () => {
      const codes = new Set(seedStations.map((station) => station.code))
      for (let i = 0; i < 8; i++) {
        const { status, body } = await desk.send('POST', '/stations', desk.zhangSan, newStation({ name: `测试驿站${i + 1}号` }))
        expect(status).toBe(201)
        expect(codes.has(body.code)).toBe(false)
        codes.add(body.code)
      }
    })

    it('takes the edge cases of opening hours: all day, past midnight, until 24:00, a lunch break', async () => {
      const hours = {
        week: [
          [{ open: '00:00', close: '24:00' }],
          [{ open: '18:00', close: '02:00' }],
          [{ open: '20:00', close: '24:00' }],
          [
            { open: '08:00', close: '12:00' },
            { open: '13:00', close: '17:00' },
            { open: '19:00', close: '06:00' }
          ],
          [
            { open: '00:00', close: '06:00' },
            { open: '22:00', close: '06:00' }
          ],
          [],
          []
        ],
        holiday: null,
        note: '雨雪天气延长开放'
      }
      const { status, body } = await desk.send('POST', '/stations', desk.editor, newStation({ hours }))
      expect(status).toBe(201)
      expect(body.hours).toEqual(hours)
    })
  })

  describe('saving', () => {
    it('saves everything the editor shows, keeps the code, drops the sample note with the sample flag, and records before and after', async () => {
      const seeded = seedStations[2]
      const { status, body } = await desk.send('PUT', `/stations/${seeded.id}`, desk.editor, {
        ...inputOf(seeded, { name: '檀营地区环卫工人服务站点', sample: false, photos: ['/media/uploads/aa11/750.jpg'] }),
        version: 1
      })
      expect(status).toBe(200)
      expect(body).toMatchObject({ id: seeded.id, code: seeded.code, name: '檀营地区环卫工人服务站点', sample: false, version: 2, updatedBy: '王编辑' })
      expect(body).not.toHaveProperty('sampleNote')

      const page = await getJson<StationPage>(desk.app, `/api/stations/${seeded.code}`)
      expect(page.body.station).toMatchObject({ name: '檀营地区环卫工人服务站点', sample: false, cover: '/media/uploads/aa11/750.jpg' })

      const [entry] = await auditOf('station', seeded.id)
      expect(entry).toMatchObject({ action: 'update', staffName: '王编辑', after: body })
      expect(entry.before).toMatchObject({ name: seeded.name, version: 1, sample: true })
      expect(entry.summary).toContain('示例信息已换为实际信息')
    })

    it('refuses a save over someone else’s: 409 with the stored version, who saved it and when', async () => {
      const seeded = seedStations[3]
      const first = await desk.send('PUT', `/stations/${seeded.id}`, desk.zhangSan, { ...inputOf(seeded, { description: '张三改的' }), version: 1 })
      expect(first.status).toBe(200)
      desk.clock = new Date(FIXED_NOW.getTime() + 5 * 60_000)
      const second = await desk.send('PUT', `/stations/${seeded.id}`, desk.editor, { ...inputOf(seeded, { description: '王编辑改的' }), version: 1 })
      expect(second.status).toBe(409)
      expect(second.body.error).toMatchObject({
        code: 'EDIT_CONFLICT',
        message: '该服务站点已被 张三 于 11月24日 10:00 修改，请刷新后再改',
        current: { version: 2, updatedBy: '张三', updatedAt: FIXED_NOW.toISOString() }
      })
      expect((await staffGet<StaffStation>(`/stations/${seeded.id}`)).description).toBe('张三改的')
      expect(await auditOf('station', seeded.id)).toHaveLength(1)
    })

    it('stores optional texts left blank as absent', async () => {
      const { status, body } = await desk.send(
        'POST',
        '/stations',
        desk.editor,
        newStation({ summerOffer: '  ', description: '', sample: true, sampleNote: ' ' })
      )
      expect(status).toBe(201)
      for (const field of ['summerOffer', 'description', 'sampleNote']) expect(body).not.toHaveProperty(field)
      const page = await getJson<StationPage>(desk.app, `/api/stations/${body.code}`)
      expect(page.body.station).not.toHaveProperty('summerOffer')
    })

    it('is a 404 for a station that does not exist', async () => {
      const { status, body } = await desk.send('PUT', '/stations/no-such-station', desk.editor, { ...newStation(), version: 1 })
      expect(status).toBe(404)
      expect(body.error.message).toBe('未找到该服务站点')
    })
  })

  describe('closing and reopening', () => {
    it('closes with a reason workers read, reopens, each with its version and audit record', async () => {
      const seeded = seedStations[6]
      const closed = await desk.send('POST', `/stations/${seeded.id}/close`, desk.editor, { reason: '  道路施工，暂停开放  ', version: 1 })
      expect(closed.status).toBe(200)
      expect(closed.body).toMatchObject({ closedReason: '道路施工，暂停开放', version: 2 })
      const whileClosed = await getJson<StationPage>(desk.app, `/api/stations/${seeded.code}`)
      expect(whileClosed.body.station.closedReason).toBe('道路施工，暂停开放')

      const stale = await desk.send('POST', `/stations/${seeded.id}/reopen`, desk.zhangSan, { version: 1 })
      expect(stale.status).toBe(409)

      const reopened = await desk.send('POST', `/stations/${seeded.id}/reopen`, desk.zhangSan, { version: 2 })
      expect(reopened.status).toBe(200)
      expect(reopened.body).not.toHaveProperty('closedReason')
      expect(reopened.body).toMatchObject({ version: 3, updatedBy: '张三' })
      const afterReopen = await getJson<StationPage>(desk.app, `/api/stations/${seeded.code}`)
      expect(afterReopen.body.station).not.toHaveProperty('closedReason')

      const entries = await auditOf('station', seeded.id)
      expect(entries.map((entry) => [entry.action, entry.staffName])).toEqual([
        ['close', '王编辑'],
        ['reopen', '张三']
      ])
      expect(entries[0].summary).toContain('道路施工，暂停开放')
    })

    it.each([
      ['no reason', '', /请填写暂停开放的原因/],
      ['a blank reason', '   ', /请填写暂停开放的原因/],
      ['a 61-character reason', long(61), /不能超过 60 字/],
      ['a reason on two lines', '装修改造\n暂停开放', /^暂停开放的原因不能包含换行或控制字符$/]
    ])('refuses %s, naming the field reason', async (_, reason, message) => {
      const { status, body } = await desk.send('POST', `/stations/${seedStations[7].id}/close`, desk.editor, { reason, version: 1 })
      expect(status).toBe(400)
      expect(body.error).toMatchObject({ code: 'INVALID_FIELD', field: 'reason' })
      expect(body.error.message).toMatch(message)
    })

    it('is a 404 for a station that does not exist', async () => {
      const { status } = await desk.send('POST', '/stations/no-such-station/close', desk.editor, { reason: '装修', version: 1 })
      expect(status).toBe(404)
    })
  })

  describe('station settings', () => {
    const settings: StationSettings = {
      holidays: [
        { date: '2027-02-06', kind: 'holiday', name: '春节' },
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-14', kind: 'workday', name: '春节调休上班' }
      ],
      summerCampaign: { startsOn: '2027-06-15', endsOn: '2027-09-15', sample: false }
    }

    it('saves the calendar in date order and the 夏送清凉 period; workers read them; the change is recorded', async () => {
      const saved = await desk.send('PUT', '/station-settings', desk.editor, { ...settings, version: 1 })
      expect(saved.status).toBe(200)
      const sorted = [...settings.holidays].sort((a, b) => a.date.localeCompare(b.date))
      expect(saved.body).toEqual({
        holidays: sorted,
        summerCampaign: settings.summerCampaign,
        version: 2,
        updatedAt: FIXED_NOW.toISOString(),
        updatedBy: '王编辑'
      })

      const directory = await getJson<StationDirectory>(desk.app, '/api/stations')
      expect(directory.body.holidays).toEqual(sorted)
      expect(directory.body.summerCampaign).toEqual(settings.summerCampaign)
      const page = await getJson<StationPage>(desk.app, `/api/stations/${seedStations[0].code}`)
      expect(page.body.holidays).toEqual(sorted)

      const stale = await desk.send('PUT', '/station-settings', desk.zhangSan, { ...settings, summerCampaign: null, version: 1 })
      expect(stale.status).toBe(409)
      expect(stale.body.error.current).toMatchObject({ version: 2, updatedBy: '王编辑' })

      const cleared = await desk.send('PUT', '/station-settings', desk.zhangSan, { holidays: [], summerCampaign: null, version: 2 })
      expect(cleared.status).toBe(200)
      expect((await getJson<StationDirectory>(desk.app, '/api/stations')).body).toMatchObject({ holidays: [], summerCampaign: null })

      const entries = await auditOf('station-settings', 'station_settings')
      expect(entries.map((entry) => entry.staffName)).toEqual(['王编辑', '张三'])
      expect(entries[0].before).toMatchObject(seedStationSettings)
      expect(entries[1].after).toMatchObject({ holidays: [], summerCampaign: null })
    })

    it.each<[string, Partial<StationSettings>, string, RegExp]>([
      ['a date that does not exist', { holidays: [{ date: '2027-02-30', kind: 'holiday', name: '春节' }] }, 'holidays.0.date', /日期无效/],
      ['a date in another form', { holidays: [{ date: '2027/10/01', kind: 'holiday', name: '国庆节' }] }, 'holidays.0.date', /日期无效/],
      [
        'one date twice',
        {
          holidays: [
            { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
            { date: '2027-10-01', kind: 'workday', name: '调休' }
          ]
        },
        'holidays.1.date',
        /与第 1 项重复/
      ],
      ['a nameless holiday', { holidays: [{ date: '2027-10-01', kind: 'holiday', name: ' ' }] }, 'holidays.0.name', /请填写/],
      ['a 21-character name', { holidays: [{ date: '2027-10-01', kind: 'holiday', name: long(21) }] }, 'holidays.0.name', /不能超过 20 字/],
      [
        'a name with a line break',
        { holidays: [{ date: '2027-10-01', kind: 'holiday', name: '国庆\n节' }] },
        'holidays.0.name',
        /^节假日第 1 项的名称不能包含换行或控制字符$/
      ],
      [
        'a campaign ending before it starts',
        { summerCampaign: { startsOn: '2027-08-31', endsOn: '2027-06-01', sample: false } },
        'summerCampaign.endsOn',
        /不能早于开始日期/
      ],
      [
        'a campaign starting on 6月31日',
        { summerCampaign: { startsOn: '2027-06-31', endsOn: '2027-08-31', sample: false } },
        'summerCampaign.startsOn',
        /开始日期无效/
      ]
    ])('refuses %s, naming the field', async (_, overrides, field, message) => {
      const current = await staffGet<StaffStationSettings>('/station-settings')
      const { status, body } = await desk.send('PUT', '/station-settings', desk.editor, { ...seedStationSettings, ...overrides, version: current.version })
      expect(status).toBe(400)
      expect(body.error).toMatchObject({ code: 'INVALID_FIELD', field })
      expect(body.error.message).toMatch(message)
    })

    it('refuses a holiday kind it does not know', async () => {
      const { status, body } = await desk.send('PUT', '/station-settings', desk.editor, {
        holidays: [{ date: '2027-10-01', kind: 'festival', name: '国庆节' }],
        summerCampaign: null,
        version: 1
      })
      expect(status).toBe(400)
      expect(body.error.message).toMatch(/^参数 holidays 无效/)
    })
  })
})
