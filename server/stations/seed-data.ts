/**
 * Sample service stations (服务阵地) in 密云区. The article gives the number of stations (210余个) but not one name,
 * address or opening time, so everything here is sample data: flagged `sample`, named after the town with a generic
 * kind (「鼓楼街道暖心驿站」) so no real place's facts are claimed, addresses marked 「（示例地址）」, the phone the union
 * hotline 12351 (never a number that could be someone's). Staff replace them with real stations.
 *
 * Coordinates are GCJ-02, at plausible spots in each town. Codes are fixed strings from the code alphabet, so tests
 * and printed test posters stay the same from one database to the next; stations staff create get random ones.
 * The hours cover what the rules must handle: weekday office hours, all day, past midnight, different weekends,
 * holidays closed / as usual / shorter, and one station closed by staff.
 */
import type { OpeningInterval, Station, StationSettings } from '@/domain'

export const STATION_SAMPLE_NOTE = '站点名称、地址、坐标、开放时间和设施均为示例，请工作人员替换为真实信息'

const UNION_HOTLINE = '12351'

const OFFICE: OpeningInterval[] = [{ open: '08:00', close: '18:00' }]
const WHOLE_DAY: OpeningInterval[] = [{ open: '00:00', close: '24:00' }]
const days = (weekday: OpeningInterval[], saturday: OpeningInterval[], sunday: OpeningInterval[]) => [
  weekday,
  weekday,
  weekday,
  weekday,
  weekday,
  saturday,
  sunday
]

const sample = { sample: true, sampleNote: STATION_SAMPLE_NOTE, phone: UNION_HOTLINE, photos: [] as string[] }

export const seedStations: Station[] = [
  {
    id: 'station-gulou-warm',
    code: 'K7M2QX',
    name: '鼓楼街道暖心驿站',
    type: 'warm-station',
    town: '鼓楼街道',
    address: '密云区鼓楼街道鼓楼大街（示例地址）',
    latitude: 40.3762,
    longitude: 116.8493,
    amenities: ['hot-water', 'charging', 'rest', 'microwave', 'toilet', 'first-aid'],
    hours: { week: days(WHOLE_DAY, WHOLE_DAY, WHOLE_DAY), holiday: null, note: '全天开放，夜间请按门铃（示例）' },
    description: '为环卫工人、快递员、外卖送餐员等户外劳动者提供歇脚、热饭、饮水、充电服务（示例）。',
    ...sample
  },
  {
    id: 'station-guoyuan-home',
    code: 'R4T8WD',
    name: '果园街道职工之家',
    type: 'workers-home',
    town: '果园街道',
    address: '密云区果园街道果园西路（示例地址）',
    latitude: 40.3658,
    longitude: 116.8571,
    amenities: ['hot-water', 'rest', 'toilet', 'wifi', 'books'],
    hours: { week: days(OFFICE, [{ open: '09:00', close: '16:00' }], []), holiday: [] },
    description: '职工活动、法律咨询、困难帮扶申请的接待点（示例）。',
    ...sample
  },
  {
    id: 'station-tanying-outdoor',
    code: 'H6N3ZP',
    name: '檀营地区户外劳动者服务站点',
    type: 'outdoor-station',
    town: '檀营地区',
    address: '密云区檀营地区檀营大街（示例地址）',
    latitude: 40.3991,
    longitude: 116.8572,
    amenities: ['hot-water', 'charging', 'rest', 'cool-drinks', 'first-aid'],
    hours: { week: days(OFFICE, OFFICE, OFFICE), holiday: [{ open: '09:00', close: '15:00' }] },
    summerOffer: '免费提供绿豆汤、藿香正气水、冰镇饮用水（示例）',
    ...sample
  },
  {
    id: 'station-shilipu-reading',
    code: 'B9C5VJ',
    name: '十里堡镇职工书屋',
    type: 'reading-room',
    town: '十里堡镇',
    address: '密云区十里堡镇政府东侧（示例地址）',
    latitude: 40.3392,
    longitude: 116.8051,
    amenities: ['books', 'wifi', 'rest', 'hot-water'],
    hours: {
      week: days(
        [
          { open: '08:30', close: '11:30' },
          { open: '13:30', close: '17:30' }
        ],
        [{ open: '09:00', close: '17:00' }],
        []
      ),
      holiday: []
    },
    description: '可借阅图书、期刊，周六开放阅读区（示例）。',
    ...sample
  },
  {
    id: 'station-xiwengzhuang-outdoor',
    code: 'E3F7SY',
    name: '溪翁庄镇户外劳动者服务站点',
    type: 'outdoor-station',
    town: '溪翁庄镇',
    address: '密云区溪翁庄镇溪翁庄村（示例地址）',
    latitude: 40.4593,
    longitude: 116.8468,
    amenities: ['hot-water', 'rest', 'toilet', 'cool-drinks', 'fridge'],
    hours: { week: days(OFFICE, OFFICE, [{ open: '09:00', close: '17:00' }]), holiday: null },
    summerOffer: '免费提供绿豆汤、藿香正气水、冰镇饮用水（示例）',
    ...sample
  },
  {
    id: 'station-mujiayu-warm',
    code: 'W8G2MA',
    name: '穆家峪镇暖心驿站',
    type: 'warm-station',
    town: '穆家峪镇',
    address: '密云区穆家峪镇穆家峪村（示例地址）',
    latitude: 40.4203,
    longitude: 116.9302,
    amenities: ['hot-water', 'charging', 'rest', 'microwave'],
    // Evenings and nights for night-shift drivers and couriers: open past midnight.
    hours: { week: days([{ open: '18:00', close: '02:00' }], [{ open: '18:00', close: '02:00' }], []), holiday: [] },
    description: '夜间为货车司机、快递员提供热水和休息（示例）。',
    ...sample
  },
  {
    id: 'station-gubeikou-outdoor',
    code: 'T5U9KH',
    name: '古北口镇户外劳动者服务站点',
    type: 'outdoor-station',
    town: '古北口镇',
    address: '密云区古北口镇古北口村（示例地址）',
    latitude: 40.6902,
    longitude: 117.1503,
    amenities: ['hot-water', 'rest', 'toilet', 'cool-drinks', 'first-aid', 'charging'],
    hours: { week: days(OFFICE, [{ open: '07:00', close: '19:00' }], [{ open: '07:00', close: '19:00' }]), holiday: [{ open: '07:00', close: '19:00' }] },
    summerOffer: '免费提供绿豆汤、藿香正气水、冰镇饮用水（示例）',
    ...sample
  },
  {
    id: 'station-henanzhai-home',
    code: 'P2X6DN',
    name: '河南寨镇职工之家',
    type: 'workers-home',
    town: '河南寨镇',
    address: '密云区河南寨镇河南寨村（示例地址）',
    latitude: 40.3051,
    longitude: 116.7902,
    amenities: ['hot-water', 'rest', 'toilet', 'books'],
    hours: { week: days(OFFICE, [], []), holiday: [] },
    closedReason: '装修改造，暂停开放（示例）',
    ...sample
  },
  {
    id: 'station-xitiangezhuang-reading',
    code: 'Y4Q8RC',
    name: '西田各庄镇职工书屋',
    type: 'reading-room',
    town: '西田各庄镇',
    address: '密云区西田各庄镇西田各庄村（示例地址）',
    latitude: 40.4004,
    longitude: 116.7901,
    amenities: ['books', 'wifi', 'rest'],
    hours: { week: days([{ open: '09:00', close: '17:00' }], [{ open: '09:00', close: '12:00' }], []), holiday: [] },
    ...sample
  }
]

/**
 * 2027's holiday arrangement is published by the State Council late in 2026: only 元旦 is certain now, staff add the
 * rest. The 夏送清凉 period is a sample until staff set the real one.
 */
export const seedStationSettings: StationSettings = {
  holidays: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
  summerCampaign: { startsOn: '2027-06-01', endsOn: '2027-08-31', sample: true }
}
