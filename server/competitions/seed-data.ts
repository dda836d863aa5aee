import { beijing, type AwardTier, type Competition, type ContactPoint, type ScheduleItem } from '@/domain'
import { REFERENCE_FIRST_START, sampleCalendar } from '../core/db/seeded-at'

/**
 * Skill competitions. The three 2025 contests are named in the article's photo captions; their dates, venues and
 * schedules are not in the article and are sample data. The other records are wholly sample, dated relative to the
 * database's first start (seedCompetitionsAt) so every derived status has something to show whenever it is installed.
 * Status is derived from the dates, never stored.
 */

const ORGANIZER = '密云区总工会'

const HOTLINE: ContactPoint = { name: '职工服务热线', phone: '12351' }

const AWARDS: AwardTier[] = [
  {
    title: '密云工匠',
    description: '密云区总工会评选的技能人才荣誉。“十四五”期间，密云区总工会开展技能竞赛30场，评选出密云工匠20名。'
  },
  {
    title: '密云能手',
    description: '密云区总工会评选的技能人才荣誉。“十四五”期间共评选出密云能手40名。'
  }
]

const REAL_2025_NOTE = '赛事名称来自报道；报名与比赛日期、场地、日程为示例，获奖名单以区总工会发布为准'
const SAMPLE_NOTE = '示例赛事：名称、日期、场地、名额、日程与规则均为示例，以区总工会发布的通知为准'
const SAMPLE_VENUE = '密云区 · 示例场地（以通知为准）'
const REAL_VENUE = '密云区（具体场地以区总工会公布为准）'

const realRules = (name: string): string[] => [
  `${name}已举办。`,
  '以赛促学、以赛促练，让一批技术骨干脱颖而出。',
  '获奖名单由密云区总工会发布，请关注“密云工会”微信公众号。',
  '评选办法以区总工会发布的通知为准。'
]

/** A seeded record: the event's own steps follow the sign-up's opening and closing in its schedule. */
type SeedCompetition = Omit<Competition, 'status' | 'organizer' | 'awards' | 'results' | 'contact' | 'sample' | 'schedule' | 'venue' | 'sampleNote'> &
  Partial<Pick<Competition, 'results' | 'venue' | 'sampleNote'>> & { events: ScheduleItem[] }

/** What every seeded competition shares: the organiser, the two honours, the hotline, the sample flag. */
function sampleCompetition({ events, ...fields }: SeedCompetition): Omit<Competition, 'status'> {
  return {
    venue: SAMPLE_VENUE,
    sampleNote: SAMPLE_NOTE,
    organizer: ORGANIZER,
    awards: AWARDS,
    results: [],
    contact: HOTLINE,
    sample: true,
    ...fields,
    schedule: [{ at: fields.signupStartsAt, title: '报名开始' }, { at: fields.signupEndsAt, title: '报名截止' }, ...events]
  }
}

/** A 2025 contest the article names: the name is real, its place, dates and schedule are not reported. */
const reported2025 = (fields: Omit<SeedCompetition, 'rules'>) =>
  sampleCompetition({ venue: REAL_VENUE, sampleNote: REAL_2025_NOTE, rules: realRules(fields.title), ...fields })

/** The three 2025 contests named in the article's captions: real past events, so their dates stay as written. */
const REPORTED_2025: Omit<Competition, 'status'>[] = [
  reported2025({
    id: 'beekeeping-2025',
    title: '2025年“工匠杯”养蜂技能大赛',
    trade: '养蜂',
    summary: '2025年“工匠杯”养蜂技能大赛已举办，获奖名单由密云区总工会发布。',
    cover: '/media/bee.svg',
    signupStartsAt: '2025-04-21T09:00:00+08:00',
    signupEndsAt: '2025-05-16T17:00:00+08:00',
    eventStartsAt: '2025-05-27T09:00:00+08:00',
    eventEndsAt: '2025-05-27T17:00:00+08:00',
    events: [{ at: '2025-05-27T09:00:00+08:00', title: '比赛举办' }]
  }),
  reported2025({
    id: 'prehospital-2025',
    title: '2025年密云区院前急救医师技能竞赛',
    trade: '院前急救',
    summary: '2025年密云区院前急救医师技能竞赛已举办，获奖名单由密云区总工会发布。',
    cover: '/media/first-aid.svg',
    signupStartsAt: '2025-07-14T09:00:00+08:00',
    signupEndsAt: '2025-08-08T17:00:00+08:00',
    eventStartsAt: '2025-08-20T09:00:00+08:00',
    eventEndsAt: '2025-08-20T17:00:00+08:00',
    events: [{ at: '2025-08-20T09:00:00+08:00', title: '比赛举办' }]
  }),
  reported2025({
    id: 'catering-2025',
    title: '2025年密云区“工匠杯”餐饮业技能大赛暨第六届厨王争霸赛',
    trade: '餐饮',
    summary: '2025年密云区“工匠杯”餐饮业技能大赛暨第六届厨王争霸赛已举办，获奖名单由区总工会发布。',
    cover: '/media/chef.svg',
    signupStartsAt: '2025-09-15T09:00:00+08:00',
    signupEndsAt: '2025-10-10T17:00:00+08:00',
    eventStartsAt: '2025-10-22T09:00:00+08:00',
    eventEndsAt: '2025-10-22T17:00:00+08:00',
    events: [{ at: '2025-10-22T09:00:00+08:00', title: '比赛举办' }]
  })
]

/**
 * The competitions a database is seeded with at its first start: the 2025 contests as they were, and sample records
 * dated relative to the first start (written for REFERENCE_FIRST_START, 2026-11-24: one ended with results, one under
 * way, two open for sign-up, one upcoming), so a fresh install next year still has them in every status.
 */
export function seedCompetitionsAt(firstStart: Date): Omit<Competition, 'status'>[] {
  const on = sampleCalendar(firstStart)
  return [
    ...REPORTED_2025,
    sampleCompetition({
      id: 'beekeeping-2026-sample',
      title: `${on.year('2026-05-20T09:00:00+08:00')}年密云区养蜂职工技能比武`,
      trade: '养蜂',
      summary: '面向养蜂从业职工的技能比武，已结束，成绩见结果公示（示例数据）。',
      cover: '/media/bee.svg',
      signupStartsAt: on.at('2026-04-13T09:00:00+08:00'),
      signupEndsAt: on.at('2026-05-08T17:00:00+08:00'),
      eventStartsAt: on.at('2026-05-20T09:00:00+08:00'),
      eventEndsAt: on.at('2026-05-20T17:00:00+08:00'),
      sampleNote: `${SAMPLE_NOTE}；获奖名单为示例数据，不是真实成绩`,
      quota: 60,
      events: [
        { at: on.at('2026-05-20T09:00:00+08:00'), title: '理论与实操比赛' },
        { at: on.at('2026-05-29T10:00:00+08:00'), title: '结果公示' }
      ],
      rules: ['参赛对象：在密云区从事养蜂工作的职工（示例）。', '比赛设理论知识和实际操作两部分。', '以赛促学、以赛促练，成绩由区总工会公示。'],
      results: [
        { rank: '第1名', name: '示例选手甲', unit: '示例单位', award: '一等奖' },
        { rank: '第2名', name: '示例选手乙', unit: '示例单位', award: '二等奖' },
        { rank: '第3名', name: '示例选手丙', unit: '示例单位', award: '二等奖' },
        { rank: '第4名', name: '示例选手丁', unit: '示例单位', award: '三等奖' },
        { rank: '第5名', name: '示例选手戊', unit: '示例单位', award: '三等奖' }
      ]
    }),
    sampleCompetition({
      id: 'electrician-2026',
      title: `${on.year('2026-11-16T09:00:00+08:00')}年密云区电工职业技能竞赛`,
      trade: '电工',
      summary: '面向电工岗位职工的技能竞赛，报名已截止，初赛、决赛进行中。',
      cover: '/media/innovation.svg',
      signupStartsAt: on.at('2026-10-12T09:00:00+08:00'),
      signupEndsAt: on.at('2026-11-06T17:00:00+08:00'),
      eventStartsAt: on.at('2026-11-16T09:00:00+08:00'),
      eventEndsAt: on.at('2026-12-05T17:00:00+08:00'),
      quota: 100,
      events: [
        { at: on.at('2026-11-16T09:00:00+08:00'), title: '初赛（理论知识）' },
        { at: on.at('2026-12-05T09:00:00+08:00'), title: '决赛（实际操作）' }
      ],
      rules: [
        '参赛对象：在密云区工作的电工岗位职工（示例）。',
        '须持有效的电工作业资格证书（示例）。',
        '初赛为理论知识考试，成绩靠前者进入实操决赛。',
        '报名咨询：12351职工服务热线或所在单位工会。'
      ]
    }),
    sampleCompetition({
      id: 'housekeeping-2026',
      title: `${on.year('2026-12-19T09:00:00+08:00')}年密云区家政服务技能竞赛`,
      trade: '家政',
      summary: '面向家政服务行业职工，以赛促学、以赛促练，报名进行中。',
      cover: '/media/trophy.svg',
      signupStartsAt: on.at('2026-11-10T09:00:00+08:00'),
      signupEndsAt: on.at('2026-12-15T17:00:00+08:00'),
      eventStartsAt: on.at('2026-12-19T09:00:00+08:00'),
      eventEndsAt: on.at('2026-12-20T17:00:00+08:00'),
      quota: 120,
      events: [
        { at: on.at('2026-12-19T09:00:00+08:00'), title: '理论知识考试' },
        { at: on.at('2026-12-20T09:00:00+08:00'), title: '实际操作比赛' }
      ],
      rules: [
        '参赛对象：在密云区工作的家政服务行业职工（示例）。',
        '个人报名，经所在单位工会确认。',
        '比赛设理论知识和实际操作两部分。',
        '报名咨询：12351职工服务热线或所在单位工会。'
      ]
    }),
    sampleCompetition({
      id: 'catering-2026',
      title: `${on.year('2026-12-12T09:00:00+08:00')}年密云区餐饮业职工技能练兵赛`,
      trade: '餐饮',
      summary: '面向餐饮业职工的技能练兵赛，报名进行中。',
      cover: '/media/chef.svg',
      signupStartsAt: on.at('2026-11-16T09:00:00+08:00'),
      signupEndsAt: on.at('2026-12-08T17:00:00+08:00'),
      eventStartsAt: on.at('2026-12-12T09:00:00+08:00'),
      eventEndsAt: on.at('2026-12-12T17:00:00+08:00'),
      quota: 80,
      events: [{ at: on.at('2026-12-12T09:00:00+08:00'), title: '现场比赛' }],
      rules: ['参赛对象：在密云区工作的餐饮业职工（示例）。', '比赛为现场操作，按规定时间完成指定菜品。', '报名咨询：12351职工服务热线或所在单位工会。']
    }),
    sampleCompetition({
      id: 'forklift-2027',
      title: `${on.year('2027-04-17T09:00:00+08:00')}年密云区叉车司机技能竞赛`,
      trade: '叉车',
      summary: `面向叉车司机的技能竞赛，${beijing(on.at('2027-03-01T09:00:00+08:00')).format('YYYY年M月')}开始报名。`,
      cover: '/media/trophy.svg',
      signupStartsAt: on.at('2027-03-01T09:00:00+08:00'),
      signupEndsAt: on.at('2027-03-31T17:00:00+08:00'),
      eventStartsAt: on.at('2027-04-17T09:00:00+08:00'),
      eventEndsAt: on.at('2027-04-18T17:00:00+08:00'),
      quota: 60,
      events: [
        { at: on.at('2027-04-17T09:00:00+08:00'), title: '理论知识考试' },
        { at: on.at('2027-04-18T09:00:00+08:00'), title: '场地实操比赛' }
      ],
      rules: [
        '参赛对象：在密云区工作、持有效叉车操作证的职工（示例）。',
        '比赛设理论知识和场地实操两部分。',
        '严格遵守安全操作规程，违规者取消成绩。',
        '报名咨询：12351职工服务热线或所在单位工会。'
      ]
    })
  ]
}

/** As seeded at the reference first start (the tests' clock). */
export const seedCompetitions = seedCompetitionsAt(REFERENCE_FIRST_START)
