/**
 * Sample activities drawn from the article: the health classes (八段锦, 太极拳, 瑜伽, 健身大讲堂), 读书分享会, 女职工流动课堂,
 * 单身职工联谊, the 工匠学院 courses (全媒体运营师, 民宿管理) and the sports events. What each is comes from the article;
 * dates, places, places available and rules are sample data, flagged 「示例」 with a note.
 *
 * Dated relative to when they are written (sampleCalendar, written for REFERENCE_FIRST_START, 2026-11-24) — the
 * database's first start, or the upgrade that brings activities (./seed.ts): several open for sign-up, one with 3
 * places (full after a few sign-ups), two upcoming, one ended, whenever that is. Once written they keep their dates.
 */
import type { Activity, Block, ContactPoint } from '@/domain'
import { REFERENCE_FIRST_START, sampleCalendar } from '../core/db/seeded-at'

type SeedActivity = Omit<Activity, 'status' | 'cancelled'>

const SAMPLE_NOTE = '示例活动：活动内容来自报道；日期、地点、名额与报名要求均为示例，以区总工会发布的通知为准'
const CENTRE = '密云区职工服务中心（示例地点）'
const HOTLINE: ContactPoint = { name: '职工服务热线', phone: '12351' }
const EVERY_WORKER = '在密云区工作的职工（示例）'

const paragraphs = (...texts: string[]): Block[] => texts.map((text) => ({ type: 'paragraph', text }))

/** What every sample activity shares: the hotline, the sample flag and its note, no review, open to every worker. */
function sampleActivity(
  fields: Omit<SeedActivity, 'sample' | 'sampleNote' | 'contact' | 'womenOnly' | 'reviewRequired' | 'eligibility'> & Partial<SeedActivity>
): SeedActivity {
  return { eligibility: EVERY_WORKER, womenOnly: false, reviewRequired: false, contact: HOTLINE, sample: true, sampleNote: SAMPLE_NOTE, ...fields }
}

export function seedActivitiesAt(firstStart: Date): SeedActivity[] {
  const on = sampleCalendar(firstStart)
  return [
    sampleActivity({
      id: 'baduanjin-class',
      kind: 'health',
      title: '职工健康讲堂：八段锦养生功法',
      summary: '中医养生功法培训，专业老师现场教学八段锦，讲解常见疾病预防与养生保健方法。',
      cover: '/media/health.svg',
      signupStartsAt: on.at('2026-11-16T09:00:00+08:00'),
      signupEndsAt: on.at('2026-12-05T17:00:00+08:00'),
      eventStartsAt: on.at('2026-12-10T14:00:00+08:00'),
      eventEndsAt: on.at('2026-12-10T16:00:00+08:00'),
      place: CENTRE,
      capacity: 40,
      blocks: paragraphs(
        '密云区总工会深入企事业单位调研职工需求，开设八段锦、太极拳等中医养生功法培训，邀请知名中医专家授课，讲解常见疾病预防、养生保健方法。',
        '本期课程学习八段锦基本动作，适合久坐办公的职工，请穿着宽松衣物和运动鞋（示例）。'
      )
    }),
    sampleActivity({
      id: 'taiji-class',
      kind: 'health',
      title: '太极拳入门小班课',
      summary: '小班教学，教练逐一纠正动作；名额很少，报满后可候补。',
      cover: '/media/health.svg',
      signupStartsAt: on.at('2026-11-20T09:00:00+08:00'),
      signupEndsAt: on.at('2026-12-01T17:00:00+08:00'),
      eventStartsAt: on.at('2026-12-06T09:00:00+08:00'),
      eventEndsAt: on.at('2026-12-06T11:00:00+08:00'),
      place: CENTRE,
      capacity: 3,
      blocks: paragraphs(
        '课程涵盖科学素养知识、职场减压技巧等内容，从身心健康到职业能力，全方位提升职工综合素养。',
        '本期为太极拳入门小班，每班 3 人，便于教练逐一指导（示例）。'
      )
    }),
    sampleActivity({
      id: 'yoga-class',
      kind: 'sports',
      title: '职工之家瑜伽课',
      summary: '依托职工之家健身设施开设的瑜伽课程，由专业教练现场指导运动技巧。',
      cover: '/media/health.svg',
      signupStartsAt: on.at('2026-11-18T09:00:00+08:00'),
      signupEndsAt: on.at('2026-12-08T17:00:00+08:00'),
      eventStartsAt: on.at('2026-12-13T09:30:00+08:00'),
      eventEndsAt: on.at('2026-12-13T11:00:00+08:00'),
      place: '果园街道职工之家',
      stationCode: 'R4T8WD',
      capacity: 20,
      blocks: paragraphs(
        '密云区总工会依托基层工会职工之家的健身设施，开设瑜伽、太极拳等有氧运动课程及健身大讲堂，由专业教练现场指导运动技巧。',
        '请自带瑜伽垫和饮用水（示例）。'
      )
    }),
    sampleActivity({
      id: 'fitness-lecture',
      kind: 'health',
      title: '健身大讲堂：科学健身与职场减压',
      summary: '专业教练讲解科学健身方法和职场减压技巧，已举办。',
      cover: '/media/health.svg',
      signupStartsAt: on.at('2026-10-12T09:00:00+08:00'),
      signupEndsAt: on.at('2026-10-26T17:00:00+08:00'),
      eventStartsAt: on.at('2026-10-31T14:00:00+08:00'),
      eventEndsAt: on.at('2026-10-31T16:00:00+08:00'),
      place: CENTRE,
      capacity: 100,
      blocks: paragraphs('通过讲座、互动交流等形式，让职工学会自我保健、缓解工作压力，以更饱满的状态投入工作生活。', '本期健身大讲堂已举办（示例）。')
    }),
    sampleActivity({
      id: 'reading-salon',
      kind: 'reading',
      title: '职工书屋读书分享会',
      summary: '在职工书屋分享一本好书，交流读书心得。',
      cover: '/media/book.svg',
      signupStartsAt: on.at('2026-11-23T09:00:00+08:00'),
      signupEndsAt: on.at('2026-12-15T17:00:00+08:00'),
      eventStartsAt: on.at('2026-12-19T14:00:00+08:00'),
      eventEndsAt: on.at('2026-12-19T16:30:00+08:00'),
      place: '十里堡镇职工书屋',
      stationCode: 'B9C5VJ',
      capacity: 30,
      blocks: paragraphs(
        '密云区总工会常态化开展主题演讲、迎新春文艺汇演、读书分享会等活动，既丰富职工精神文化生活，更凝聚思想政治共识，提升了职工幸福感获得感。',
        '报名后请提前读完本期书目，分享时间每人约 5 分钟（示例）。'
      )
    }),
    sampleActivity({
      id: 'women-class',
      kind: 'women-class',
      title: '女职工流动课堂：职场健康与家庭教育',
      summary: '送课到基层，面向女职工讲解职场健康、家庭教育等内容。',
      cover: '/media/lecture.svg',
      signupStartsAt: on.at('2026-11-17T09:00:00+08:00'),
      signupEndsAt: on.at('2026-12-04T17:00:00+08:00'),
      eventStartsAt: on.at('2026-12-09T14:00:00+08:00'),
      eventEndsAt: on.at('2026-12-09T16:00:00+08:00'),
      place: CENTRE,
      capacity: 50,
      womenOnly: true,
      eligibility: '在密云区工作的女职工（示例）',
      blocks: paragraphs(
        '密云区总工会持续推进医疗互助、困难职工帮扶、单身职工联谊、女职工流动课堂等项目。',
        '密云区总工会针对青年技术工人、女职工等不同群体特点，开展个性化培训活动，激发职工干事创业热情。'
      )
    }),
    sampleActivity({
      id: 'new-media-course',
      kind: 'craftsman',
      title: '工匠学院课程：全媒体运营师',
      summary: '工匠学院特色课程，“线上+线下”融合培训，报名经审核后确认。',
      cover: '/media/innovation.svg',
      signupStartsAt: on.at('2026-11-10T09:00:00+08:00'),
      signupEndsAt: on.at('2026-12-10T17:00:00+08:00'),
      eventStartsAt: on.at('2026-12-16T09:00:00+08:00'),
      eventEndsAt: on.at('2026-12-18T17:00:00+08:00'),
      place: '密云区工匠学院（示例地点）',
      capacity: 40,
      reviewRequired: true,
      eligibility: '在密云区工作、从事或有意从事新媒体运营的职工（示例）',
      blocks: paragraphs(
        '目前，两家密云区工匠学院已开设全媒体运营师、民宿管理等10场贴合产业需求的特色课程，通过“线上+线下”融合培训模式助力职工成长成才。',
        '报名由区总工会审核，审核结果会在“我的报名”中显示（示例）。'
      )
    }),
    sampleActivity({
      id: 'homestay-course',
      kind: 'craftsman',
      title: '工匠学院课程：民宿管理',
      summary: '贴合密云文旅产业需求的民宿管理课程，即将开始报名。',
      cover: '/media/innovation.svg',
      signupStartsAt: on.at('2026-12-07T09:00:00+08:00'),
      signupEndsAt: on.at('2026-12-28T17:00:00+08:00'),
      eventStartsAt: on.at('2027-01-09T09:00:00+08:00'),
      eventEndsAt: on.at('2027-01-10T17:00:00+08:00'),
      place: '密云区工匠学院（示例地点）',
      capacity: 40,
      reviewRequired: true,
      eligibility: '在密云区从事民宿、乡村旅游相关工作的职工（示例）',
      blocks: paragraphs(
        '密云区工匠学院开设贴合产业需求的特色课程，通过“线上+线下”融合培训模式助力职工成长成才。',
        '课程结合密云文旅产业发展，讲解民宿运营与服务（示例）。'
      )
    }),
    sampleActivity({
      id: 'singles-meetup',
      kind: 'singles',
      title: '单身职工联谊会',
      summary: '为单身职工搭建交友平台，报名经审核后确认。',
      cover: '/media/celebration.svg',
      signupStartsAt: on.at('2026-11-20T09:00:00+08:00'),
      signupEndsAt: on.at('2026-12-11T17:00:00+08:00'),
      eventStartsAt: on.at('2026-12-20T14:00:00+08:00'),
      eventEndsAt: on.at('2026-12-20T17:00:00+08:00'),
      place: CENTRE,
      capacity: 60,
      reviewRequired: true,
      eligibility: '在密云区工作的单身职工（示例）',
      blocks: paragraphs(
        '密云区总工会持续推进医疗互助、困难职工帮扶、单身职工联谊、女职工流动课堂等项目，聚焦一线职工和新就业形态劳动者，做实普惠服务。',
        '报名由区总工会审核，审核结果会在“我的报名”中显示（示例）。'
      )
    }),
    sampleActivity({
      id: 'table-tennis',
      kind: 'sports',
      title: '职工乒乓球赛',
      summary: '与相关单位联合举办的职工乒乓球赛，即将开始报名。',
      cover: '/media/trophy.svg',
      signupStartsAt: on.at('2026-12-01T09:00:00+08:00'),
      signupEndsAt: on.at('2026-12-20T17:00:00+08:00'),
      eventStartsAt: on.at('2027-01-16T09:00:00+08:00'),
      eventEndsAt: on.at('2027-01-16T17:00:00+08:00'),
      place: '密云区体育馆（示例地点）',
      capacity: 64,
      blocks: paragraphs(
        '密云区总工会与相关单位联合举办乒乓球赛、户外达人四项赛、篮球赛等百余场文体活动，吸引近万名职工踊跃参与。',
        '比赛分男子单打、女子单打两组（示例）。'
      )
    })
  ]
}

/** As seeded at the reference first start (the tests' clock). */
export const seedActivities = seedActivitiesAt(REFERENCE_FIRST_START)
