/**
 * The station rules through the editors' API: whatever breaks one (too long, hours that overlap or run backwards, a
 * holiday date that is no date, a photo that is not an upload) is a 400 INVALID_FIELD naming the field, and nothing
 * is saved. Runs on SQLite, and on PostgreSQL when one is reachable.
 */
import type { StationPage } from '@/domain/stations'
import type { StaffStation, StationInput } from '@/domain/station-input'
import { seedStations } from '@server/stations/seed-data'
import { testDatabases } from './support/databases'
import { useStaffDesk } from './support/staff-desk'
import { OFFICE, inputOf, newStation } from './support/station-inputs'
import { getJson, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const databases = testDatabases('miyun_staff_station_rules')

const week = (day: { open: string; close: string }[]) => [day, day, day, day, day, day, day]
const long = (length: number) => '驿'.repeat(length)

describe.each(databases)('staff station rules on $name', ({ setUp }) => {
  const desk = useStaffDesk(setUp, 'miyun-staff-station-rules-')

  const { get: staffGet } = desk

  describe('the rules, answered as 400 naming the field', () => {
    it.each<[string, Partial<StationInput>, string, RegExp]>([
      ['a one-character name', { name: '站' }, 'name', /站点名称至少 2 个字/],
      ['a blank name', { name: '   ' }, 'name', /请填写站点名称/],
      ['a 41-character name', { name: long(41) }, 'name', /站点名称不能超过 40 字/],
      ['a one-character town', { town: '镇' }, 'town', /所在镇街/],
      ['a 3-character address', { address: '果园街' }, 'address', /地址至少 4 个字/],
      ['an 81-character address', { address: long(81) }, 'address', /地址不能超过 80 字/],
      ['no location (0, 0)', { latitude: 0, longitude: 0 }, 'latitude', /还没有选/],
      ['latitude and longitude swapped', { latitude: 116.849, longitude: 40.376 }, 'latitude', /填反了/],
      ['a latitude outside China', { latitude: 60.1 }, 'latitude', /纬度应在 18–54 之间/],
      ['a longitude outside China', { longitude: 140.2 }, 'longitude', /经度应在 73–136 之间/],
      ['a name with line breaks', { name: '鼓楼\n\n\n暖心驿站' }, 'name', /^站点名称不能包含换行或控制字符$/],
      ['a town with a tab', { town: '果园\t街道' }, 'town', /^所在镇街不能包含换行或控制字符$/],
      ['an address turned right-to-left', { address: '密云区\u202e号 21 路南新' }, 'address', /^地址不能包含换行或控制字符$/],
      ['a summer offer with a line separator', { summerOffer: '绿豆汤\u2028冰镇饮料' }, 'summerOffer', /^夏送清凉服务不能包含换行或控制字符$/],
      [
        'an hours note with a line break',
        { hours: { week: week(OFFICE), holiday: null, note: '节假日\n休息' } },
        'hours.note',
        /^开放时间说明不能包含换行或控制字符$/
      ],
      ['a sample note with a line break', { sample: true, sampleNote: '示例\r\n数据' }, 'sampleNote', /^示例说明不能包含换行或控制字符$/],
      ['a description with a tab', { description: '歇脚\t热饭' }, 'description', /^站点介绍不能包含除换行外的控制字符$/],
      ['a phone with letters', { phone: '12351转总机' }, 'phone', /电话只能包含数字/],
      ['a two-digit phone', { phone: '12' }, 'phone', /电话/],
      ['a phone of dashes only', { phone: '---' }, 'phone', /至少 3 位数字/],
      ['a phone of spaces only', { phone: '   ' }, 'phone', /至少 3 位数字/],
      ['an amenity twice', { amenities: ['hot-water', 'rest', 'hot-water'] }, 'amenities.2', /热水」重复/],
      ['six days of hours', { hours: { week: [OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, []], holiday: [] } }, 'hours.week', /7 天/],
      ['an opening time of 25:00', { hours: { week: week([{ open: '25:00', close: '26:00' }]), holiday: [] } }, 'hours.week.0.0.open', /周一的时段的开门时间/],
      [
        'a closing time of 24:30',
        { hours: { week: week([{ open: '08:00', close: '24:30' }]), holiday: [] } },
        'hours.week.0.0.close',
        /关门时间应为 00:00–24:00/
      ],
      [
        'an opening time of 8:00 without the zero',
        { hours: { week: week([{ open: '8:00', close: '18:00' }]), holiday: [] } },
        'hours.week.0.0.open',
        /开门时间/
      ],
      [
        'opening and closing at the same time',
        { hours: { week: week([{ open: '08:00', close: '08:00' }]), holiday: [] } },
        'hours.week.0.0.close',
        /全天开放请填 00:00–24:00/
      ],
      [
        'four intervals a day',
        {
          hours: {
            week: week([
              { open: '06:00', close: '07:00' },
              { open: '08:00', close: '09:00' },
              { open: '10:00', close: '11:00' },
              { open: '12:00', close: '13:00' }
            ]),
            holiday: []
          }
        },
        'hours.week.0',
        /最多 3 个时段/
      ],
      [
        'overlapping intervals on 周三',
        {
          hours: {
            week: [
              OFFICE,
              OFFICE,
              [
                { open: '08:00', close: '12:00' },
                { open: '11:00', close: '14:00' }
              ],
              OFFICE,
              OFFICE,
              [],
              []
            ],
            holiday: []
          }
        },
        'hours.week.2.1.open',
        /周三第 2 个时段与第 1 个时段重叠/
      ],
      [
        'an evening inside a night that runs past midnight',
        {
          hours: {
            week: [
              [
                { open: '18:00', close: '02:00' },
                { open: '20:00', close: '22:00' }
              ],
              [],
              [],
              [],
              [],
              [],
              []
            ],
            holiday: []
          }
        },
        'hours.week.0.1.open',
        /重叠/
      ],
      [
        'overlapping holiday intervals',
        {
          hours: {
            week: week(OFFICE),
            holiday: [
              { open: '09:00', close: '12:00' },
              { open: '09:30', close: '10:00' }
            ]
          }
        },
        'hours.holiday.1.open',
        /法定节假日第 2 个时段/
      ],
      ['a 61-character hours note', { hours: { week: week(OFFICE), holiday: null, note: long(61) } }, 'hours.note', /开放时间说明不能超过 60 字/],
      ['a photo from elsewhere on the web', { photos: ['https://example.com/a.jpg'] }, 'photos.0', /第 1 张照片无效/],
      ['a photo path climbing out of uploads', { photos: ['/media/uploads/../../miyun.sqlite'] }, 'photos.0', /照片无效/],
      ['seven photos', { photos: Array.from({ length: 7 }, (_, i) => `/media/uploads/p${i}/750.jpg`) }, 'photos', /照片最多 6 张/],
      ['a 61-character summer offer', { summerOffer: long(61) }, 'summerOffer', /夏送清凉服务不能超过 60 字/],
      ['a 301-character description', { description: long(301) }, 'description', /站点介绍不能超过 300 字/],
      ['an 81-character sample note', { sample: true, sampleNote: long(81) }, 'sampleNote', /示例说明不能超过 80 字/]
    ])('refuses %s', async (_, overrides, field, message) => {
      const { status, body } = await desk.send('POST', '/stations', desk.editor, newStation(overrides))
      expect(status).toBe(400)
      expect(body.error).toMatchObject({ code: 'INVALID_FIELD', field })
      expect(body.error.message).toMatch(message)
      expect(body.error.problems[0]).toEqual({ field, message: body.error.message })
    })

    it('refuses a saved name with line breaks (a poster would run onto a second page) and keeps the station as it was', async () => {
      const seeded = seedStations[4]
      const current = await staffGet<StaffStation>(`/stations/${seeded.id}`)
      const { status, body } = await desk.send('PUT', `/stations/${seeded.id}`, desk.editor, {
        ...inputOf(seeded, { name: `鼓楼${'\n'.repeat(12)}暖心驿站` }),
        version: current.version
      })
      expect(status).toBe(400)
      expect(body.error).toMatchObject({ code: 'INVALID_FIELD', field: 'name', message: '站点名称不能包含换行或控制字符' })
      expect(await staffGet<StaffStation>(`/stations/${seeded.id}`)).toEqual(current)
    })

    it('takes phone numbers as they are written on notices, and paragraphs in the description', async () => {
      const phones = ['12351', '+86 10 6904 1234', '(010) 6904-1234', '010-6904 1234 转 801']
      for (const phone of phones) {
        const { status, body } = await desk.send('POST', '/stations', desk.editor, newStation({ phone, description: '歇脚、热饭。\n\n充电免费。' }))
        expect({ phone, status }).toEqual({ phone, status: 201 })
        const { body: page } = await getJson<StationPage>(desk.app, `/api/stations/${body.code}`)
        expect(page.station).toMatchObject({ phone, description: '歇脚、热饭。\n\n充电免费。' })
      }
    })

    it('lists every problem at once', async () => {
      const { body } = await desk.send('POST', '/stations', desk.editor, newStation({ name: '', address: '', phone: 'abc' }))
      expect(body.error.problems.map((problem: { field: string }) => problem.field)).toEqual(['name', 'address', 'phone'])
    })

    it.each<[string, Record<string, unknown>, RegExp]>([
      ['an unknown type', { type: 'canteen' }, /^参数 type 无效：站点类型应为 workers-home（职工之家）/],
      ['an unknown amenity', { amenities: ['sauna'] }, /^参数 amenities 无效/],
      ['a code (the server gives it)', { code: 'ABCDEF' }, /^未知参数：code/],
      ['a closed reason (closing has its own route)', { closedReason: '装修' }, /^未知参数：closedReason/],
      ['hours with an extra field', { hours: { week: week(OFFICE), holiday: null, open24h: true } }, /^未知参数：open24h/],
      ['a latitude as words', { latitude: '北纬40度' }, /^参数 latitude 无效：纬度应为数字/]
    ])('refuses the shape of %s', async (_, overrides, message) => {
      const { status, body } = await desk.send('POST', '/stations', desk.editor, { ...newStation(), ...overrides })
      expect(status).toBe(400)
      expect(body.error.message).toMatch(message)
    })
  })
})
