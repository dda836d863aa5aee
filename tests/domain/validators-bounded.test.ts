/**
 * The shared validators stay linear and bounded however long a list is sent (they run on the phone before sending
 * and on the server after the schema): they look at no more items than a list may hold, report at most
 * MAX_REPORTED_PROBLEMS problems, and still name what they find in the items they look at.
 */
import { stationInputProblems, type StationInput } from '@/domain/station-input'
import { newsInputProblems, type NewsInput } from '@/domain/news-input'
import type { Plan } from '@/domain/plan'
import { planProblems } from '@/domain/plan-input'
import { MAX_REPORTED_PROBLEMS } from '@/domain/validation'

const OFFICE = [{ open: '09:00', close: '17:00' }]
const station = (overrides: Partial<StationInput> = {}): StationInput => ({
  name: '鼓楼街道职工服务站',
  type: 'workers-home',
  town: '鼓楼街道',
  address: '密云区鼓楼东大街 1 号',
  latitude: 40.376,
  longitude: 116.849,
  amenities: [],
  hours: { week: [OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, [], []], holiday: null },
  photos: [],
  sample: false,
  ...overrides
})

describe('station photos', () => {
  it('names a repeated photo by the place of its first copy', () => {
    const photos = ['/media/uploads/a/750.jpg', '/media/uploads/b/750.jpg', '/media/uploads/a/750.jpg']
    expect(stationInputProblems(station({ photos }))).toEqual([{ field: 'photos.2', message: '第 3 张照片与第 1 张重复' }])
  })

  it('149 000 photos: the rule, the first six looked at, nothing more', () => {
    const photos = Array.from({ length: 149_000 }, (_, index) => `/x${index % 10}`)
    const problems = stationInputProblems(station({ photos }))
    expect(problems[0]).toEqual({ field: 'photos', message: '照片最多 6 张' })
    expect(problems.length).toBeLessThanOrEqual(1 + 6)
    expect(problems.every((problem) => problem.field === 'photos' || /^photos\.[0-5]$/.test(problem.field))).toBe(true)
  })
})

describe('problems reported', () => {
  const news = (blocks: NewsInput['blocks']): NewsInput => ({
    title: ' ',
    category: '通知公告',
    summary: ' ',
    cover: null,
    pinned: false,
    blocks,
    sample: false,
    sampleNote: null
  })

  it(`are at most ${MAX_REPORTED_PROBLEMS}, the first ones first`, () => {
    const problems = newsInputProblems(news(Array.from({ length: 100_000 }, () => ({ type: 'paragraph' as const, text: '' }))))
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS)
    expect(problems.slice(0, 4).map((problem) => problem.field)).toEqual(['title', 'summary', 'blocks', 'blocks.0.text'])
  })

  it('a valid article has none', () => {
    expect(newsInputProblems({ ...news([{ type: 'paragraph', text: '正文' }]), title: '标题', summary: '摘要' })).toEqual([])
  })
})

describe('plan figures', () => {
  const plan = (figure: Partial<Plan['figures'][number]>, source = '《记密云区总工会》'): Plan => ({
    title: '十四五',
    subtitle: '',
    summary: '导语',
    figures: [{ key: 'skill-contests', label: '开展技能竞赛', amount: 30, unit: '场', display: '30场', icon: 'trophy', group: '技能竞赛', ...figure }],
    achievements: [],
    tasks: [],
    quote: { text: '', cite: '' },
    source
  })

  it('bound icon, group, prefix, suffix and source, which every worker downloads on 首页', () => {
    expect(planProblems(plan({}))).toEqual([])
    expect(planProblems(plan({ prefix: '近', suffix: '余' }))).toEqual([])
    const fields = (figure: Partial<Plan['figures'][number]>, source?: string) => planProblems(plan(figure, source)).map((problem) => problem.field)
    expect(fields({ icon: 'x'.repeat(900_000) })).toEqual(['plan.figures.0.icon'])
    expect(fields({ icon: '<svg>' })).toEqual(['plan.figures.0.icon'])
    expect(fields({ group: '组'.repeat(31) })).toEqual(['plan.figures.0.group'])
    expect(fields({ prefix: '近'.repeat(31), suffix: '余'.repeat(31) })).toEqual(['plan.figures.0.prefix', 'plan.figures.0.suffix'])
    expect(fields({}, '文'.repeat(201))).toEqual(['plan.source'])
  })
})
