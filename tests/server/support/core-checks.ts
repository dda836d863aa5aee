/**
 * The checks every database must pass: run on SQLite (core.test.ts) and PostgreSQL (postgres.test.ts).
 * Expectations are computed from the seed content and the domain rules, so they hold whatever the seed says.
 */
import {
  COMPETITION_STATUSES,
  NEWS_CATEGORIES,
  PAGE_SIZE,
  SERVICE_SLUGS,
  TRADES,
  competitionStatus,
  type CompetitionStatus,
  type CompetitionSummary,
  type NewsSummary,
  type Page
} from '@/domain'
import type { App } from '@server/app'
import { seedContent } from '@server/seed-content'
import { FIXED_NOW, getJson } from './test-app'

const STATUS_RANK: Record<CompetitionStatus, number> = { signup: 0, ongoing: 1, upcoming: 2, ended: 3 }

/** Pinned first, then newest first. */
export function expectNewsOrder(items: NewsSummary[]) {
  for (let i = 1; i < items.length; i++) {
    const [before, after] = [items[i - 1], items[i]]
    if (before.pinned !== after.pinned) {
      expect(before.pinned).toBe(true)
    } else {
      expect(Date.parse(before.publishedAt)).toBeGreaterThanOrEqual(Date.parse(after.publishedAt))
    }
  }
}

/** Sign-up open, then ongoing, then upcoming, then ended with the most recent first. */
export function expectCompetitionOrder(items: CompetitionSummary[]) {
  for (let i = 1; i < items.length; i++) {
    const [before, after] = [items[i - 1], items[i]]
    expect(STATUS_RANK[before.status]).toBeLessThanOrEqual(STATUS_RANK[after.status])
    if (before.status === 'ended' && after.status === 'ended') {
      expect(Date.parse(before.eventEndsAt)).toBeGreaterThanOrEqual(Date.parse(after.eventEndsAt))
    }
  }
}

export const seedStatus = (id: string) => {
  const competition = seedContent.competitions.find((item) => item.id === id)!
  return competitionStatus(competition, FIXED_NOW)
}

function searchableText(article: (typeof seedContent.news)[number]): string {
  return [article.title, article.summary, ...article.blocks.map((block) => ('text' in block ? block.text : (block.caption ?? '')))].join('\n')
}

/** A run of 4 CJK characters from one article's body that no other article's searchable text contains. */
export function wordOnlyInOneArticleBody(): { id: string; word: string } {
  const searchable = seedContent.news.map((article) => ({
    id: article.id,
    head: `${article.title}\n${article.summary}`,
    text: searchableText(article)
  }))
  for (const article of seedContent.news) {
    for (const block of article.blocks) {
      if (block.type !== 'paragraph') continue
      for (let i = 0; i + 4 <= block.text.length; i++) {
        const word = block.text.slice(i, i + 4)
        if (!/^[\u4e00-\u9fff]{4}$/.test(word)) continue
        const holders = searchable.filter((entry) => entry.text.includes(word))
        const own = holders[0]
        if (holders.length === 1 && own.id === article.id && !own.head.includes(word)) return { id: article.id, word }
      }
    }
  }
  throw new Error('seed has no word unique to one article body')
}

export function coreEndpointChecks(getApp: () => App) {
  const app = () => getApp()

  describe('GET /api/news', () => {
    it('pages 20 at a time, pinned first then newest, page 2 holds the rest and nothing twice', async () => {
      const first = await getJson<Page<NewsSummary>>(app(), '/api/news')
      expect(first.status).toBe(200)
      expect(first.body).toMatchObject({ page: 1, pageSize: PAGE_SIZE, total: seedContent.news.length, hasMore: true })
      expect(first.body.items).toHaveLength(PAGE_SIZE)

      const second = await getJson<Page<NewsSummary>>(app(), '/api/news?page=2')
      expect(second.body).toMatchObject({ page: 2, total: seedContent.news.length, hasMore: false })
      expect(second.body.items).toHaveLength(seedContent.news.length - PAGE_SIZE)

      const all = [...first.body.items, ...second.body.items]
      expect(new Set(all.map((item) => item.id))).toEqual(new Set(seedContent.news.map((item) => item.id)))
      expectNewsOrder(all)
      // Summaries only: the body blocks are for the detail page.
      expect(all[0]).not.toHaveProperty('blocks')
    })

    it('answers past the last page with no items', async () => {
      const { status, body } = await getJson<Page<NewsSummary>>(app(), '/api/news?page=50')
      expect(status).toBe(200)
      expect(body).toMatchObject({ items: [], page: 50, total: seedContent.news.length, hasMore: false })
    })

    it.each(NEWS_CATEGORIES)('filters by category %s', async (category) => {
      const { body } = await getJson<Page<NewsSummary>>(app(), `/api/news?category=${encodeURIComponent(category)}`)
      const expected = seedContent.news.filter((article) => article.category === category)
      expect(body.total).toBe(expected.length)
      expect(body.items.every((item) => item.category === category)).toBe(true)
      expectNewsOrder(body.items)
    })

    it('finds an article by a Chinese word from its body, and no other article', async () => {
      const { id, word } = wordOnlyInOneArticleBody()
      const { body } = await getJson<Page<NewsSummary>>(app(), `/api/news?q=${encodeURIComponent(word)}`)
      expect(body.items.map((item) => item.id)).toEqual([id])
      expect(body.total).toBe(1)
    })

    it('matches full-width and half-width forms alike (３３５ finds 335)', async () => {
      const half = await getJson<Page<NewsSummary>>(app(), '/api/news?q=335')
      const full = await getJson<Page<NewsSummary>>(app(), `/api/news?q=${encodeURIComponent('３３５')}`)
      expect(half.body.total).toBeGreaterThan(0)
      expect(full.body.items.map((item) => item.id)).toEqual(half.body.items.map((item) => item.id))
    })

    it('trims the keyword and takes LIKE wildcards literally', async () => {
      const { id, word } = wordOnlyInOneArticleBody()
      const padded = await getJson<Page<NewsSummary>>(app(), `/api/news?q=${encodeURIComponent(`  ${word} `)}`)
      expect(padded.body.items.map((item) => item.id)).toEqual([id])
      // 「100%」 is in the seed: '%' finds those articles, not every article; '_' and '!%' find none.
      for (const literal of ['%', '100%', '_', '%%', '!%']) {
        const { status, body } = await getJson<Page<NewsSummary>>(app(), `/api/news?q=${encodeURIComponent(literal)}`)
        expect(status).toBe(200)
        const expected = seedContent.news.filter((article) => searchableText(article).includes(literal))
        expect(body.total).toBe(expected.length)
        expect(body.total).toBeLessThan(seedContent.news.length)
      }
    })
  })

  describe('GET /api/news/:id', () => {
    it('sends the whole article with its blocks', async () => {
      const seeded = seedContent.news[0]
      const { status, body } = await getJson(app(), `/api/news/${seeded.id}`)
      expect(status).toBe(200)
      expect(body).toMatchObject({ id: seeded.id, title: seeded.title, category: seeded.category, blocks: seeded.blocks })
      expect(Date.parse(body.publishedAt)).toBe(Date.parse(seeded.publishedAt))
    })

    it('is a 404 with a Chinese message for an unknown id', async () => {
      const { status, body } = await getJson(app(), '/api/news/no-such-article')
      expect(status).toBe(404)
      expect(body).toEqual({ error: { code: 'NOT_FOUND', message: '未找到该文章' } })
    })
  })

  describe('GET /api/competitions', () => {
    it('lists every competition, status derived from the dates, open sign-up first and the latest ended before older ones', async () => {
      const { status, body } = await getJson<Page<CompetitionSummary>>(app(), '/api/competitions')
      expect(status).toBe(200)
      expect(body.total).toBe(seedContent.competitions.length)
      for (const item of body.items) expect(item.status).toBe(seedStatus(item.id))
      expectCompetitionOrder(body.items)
    })

    it.each(COMPETITION_STATUSES)('filters by status %s exactly as competitionStatus() decides at the clock', async (status) => {
      const { body } = await getJson<Page<CompetitionSummary>>(app(), `/api/competitions?status=${status}`)
      const expected = seedContent.competitions.filter((competition) => competitionStatus(competition, FIXED_NOW) === status)
      // The seed has competitions in every status at the fixed clock, so the filter is tested on something.
      expect(expected.length).toBeGreaterThan(0)
      expect(new Set(body.items.map((item) => item.id))).toEqual(new Set(expected.map((item) => item.id)))
      expect(body.items.every((item) => item.status === status)).toBe(true)
    })

    it.each(TRADES)('filters by trade %s', async (trade) => {
      const { body } = await getJson<Page<CompetitionSummary>>(app(), `/api/competitions?trade=${encodeURIComponent(trade)}`)
      const expected = seedContent.competitions.filter((competition) => competition.trade === trade)
      expect(body.items.map((item) => item.id).sort()).toEqual(expected.map((item) => item.id).sort())
    })

    it('combines status and trade', async () => {
      const target = seedContent.competitions.find((competition) => competitionStatus(competition, FIXED_NOW) === 'ended')!
      const { body } = await getJson<Page<CompetitionSummary>>(app(), `/api/competitions?status=ended&trade=${encodeURIComponent(target.trade)}`)
      expect(body.items.length).toBeGreaterThan(0)
      expect(body.items.every((item) => item.status === 'ended' && item.trade === target.trade)).toBe(true)
    })
  })

  describe('GET /api/competitions/:id', () => {
    it('sends schedule, rules, awards and results with the derived status', async () => {
      const seeded = seedContent.competitions.find((competition) => competition.results.length > 0) ?? seedContent.competitions[0]
      const { status, body } = await getJson(app(), `/api/competitions/${seeded.id}`)
      expect(status).toBe(200)
      expect(body).toMatchObject({ id: seeded.id, status: seedStatus(seeded.id), rules: seeded.rules, awards: seeded.awards, results: seeded.results })
      expect(body.schedule.map((item: { title: string }) => item.title)).toEqual(seeded.schedule.map((item) => item.title))
    })

    it('is a 404 for an unknown id', async () => {
      const { status, body } = await getJson(app(), '/api/competitions/no-such-contest')
      expect(status).toBe(404)
      expect(body.error.message).toBe('未找到该竞赛')
    })
  })

  describe('services, plan, home, health', () => {
    it('lists the services in the fixed order, summaries only', async () => {
      const { status, body } = await getJson(app(), '/api/services')
      expect(status).toBe(200)
      expect(body.items.map((item: { slug: string }) => item.slug)).toEqual(
        SERVICE_SLUGS.filter((slug) => seedContent.services.some((service) => service.slug === slug))
      )
      expect(body.items[0]).not.toHaveProperty('what')
    })

    it.each(SERVICE_SLUGS)('sends the service %s with what, who, how and whom to call', async (slug) => {
      const seeded = seedContent.services.find((service) => service.slug === slug)!
      const { status, body } = await getJson(app(), `/api/services/${slug}`)
      expect(status).toBe(200)
      expect(body).toEqual(JSON.parse(JSON.stringify(seeded)))
    })

    it('is a 404 for an unknown service', async () => {
      const { status, body } = await getJson(app(), '/api/services/free-lunch')
      expect(status).toBe(404)
      expect(body.error.message).toBe('未找到该服务')
    })

    it('sends the plan as seeded, every figure as the article prints it', async () => {
      const { status, body } = await getJson(app(), '/api/plan')
      expect(status).toBe(200)
      expect(body).toEqual(JSON.parse(JSON.stringify(seedContent.plan)))
    })

    it('gives 首页 everything in one answer', async () => {
      const { status, body } = await getJson(app(), '/api/home')
      expect(status).toBe(200)
      expect(body.featured.map((item: { id: string }) => item.id)).toEqual(seedContent.featured.map((item) => item.id))
      expect(body.hotline).toEqual(seedContent.hotline)

      const news = await getJson<Page<NewsSummary>>(app(), '/api/news')
      expect(body.news).toEqual(news.body.items.slice(0, 5))

      const competitions = await getJson<Page<CompetitionSummary>>(app(), '/api/competitions')
      expect(body.competitions).toEqual(competitions.body.items.slice(0, 4))

      expect(body.figures).toHaveLength(6)
      for (const figure of body.figures) expect(seedContent.plan.figures).toContainEqual(figure)
      expect(body.figures.map((figure: { display: string }) => figure.display).slice(0, 4)).toEqual(['30场', '20万余人次', '210余个', '近3500万元'])
    })

    it('reports health after asking the database', async () => {
      const { status, body } = await getJson(app(), '/api/health')
      expect(status).toBe(200)
      expect(body).toEqual({ ok: true })
    })
  })

  describe('bad requests', () => {
    it.each([
      ['/api/news?foo=1', '未知参数：foo'],
      ['/api/news?page=0', '参数 page 无效：应为 1 到 10000 的整数'],
      ['/api/news?page=abc', '参数 page 无效：应为 1 到 10000 的整数'],
      ['/api/news?page=10001', '参数 page 无效：应为 1 到 10000 的整数'],
      ['/api/news?category=xx', '参数 category 无效：应为 思想引领、产改赋能、关爱暖心、强基固本、通知公告 之一'],
      [`/api/news?q=${'很'.repeat(51)}`, '参数 q 无效：关键词最多 50 个字'],
      ['/api/competitions?status=foo', '参数 status 无效：应为 upcoming、signup、ongoing、ended 之一'],
      ['/api/competitions?trade=unknown', '参数 trade 无效：应为 养蜂、家政、电工、叉车、餐饮、院前急救 之一'],
      ['/api/news/Not_An_Id', '参数 id 无效：应为 1 到 64 位的小写字母、数字或连字符'],
      ['/api/plan?x=1', '未知参数：x']
    ])('%s → 400 「%s」', async (url, message) => {
      const { status, body } = await getJson(app(), url)
      expect(status).toBe(400)
      expect(body.error.message).toBe(message)
    })
  })
}
