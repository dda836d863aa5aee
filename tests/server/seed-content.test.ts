import { existsSync, readdirSync, readFileSync, statSync } from 'fs'
import path from 'path'
import { seedContent } from '@server/seed-content'
import { competitionStatus, COMPETITION_STATUSES, NEWS_CATEGORIES, SERVICE_SLUGS, TRADES } from '@/domain'
import type { Block } from '@/domain'

const article = readFileSync(path.join(__dirname, '../../docs/source/miyun-union-article.txt'), 'utf8')
/** The extraction broke a few sentences across lines; prose is compared with line breaks removed. */
const flat = (text: string) => text.replace(/\s+/g, '')
const articleProse = flat(article)
const mediaDir = path.join(__dirname, '../../server/public/media')
const TODAY = '2026-11-24T12:00:00+08:00'

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) value.forEach((item) => allStrings(item, out))
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => allStrings(item, out))
  return out
}

const ms = (iso: string) => new Date(iso).getTime()
const OFFSET_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/

describe('seed content', () => {
  const { news, competitions, services, plan, featured, hotline } = seedContent

  it('uses the article copy the tests read', () => {
    expect(article).toContain('凝心铸魂践初心 赋能奋进启新程')
  })

  it('shows every plan figure in the article’s own words', () => {
    expect(plan.figures.length).toBeGreaterThanOrEqual(16)
    for (const figure of plan.figures) {
      expect({ key: figure.key, found: article.includes(figure.display) }).toEqual({ key: figure.key, found: true })
      expect(figure.amount).toBeGreaterThan(0)
    }
    const displays = plan.figures.map((figure) => figure.display)
    for (const required of [
      '30场',
      '20万余人次',
      '210余个',
      '近3500万元',
      '48个',
      '近万件',
      '超5000人次',
      '近万人',
      '99家',
      '1470人',
      '335件',
      '40万人次',
      '近880万元',
      '6300余万元'
    ]) {
      expect(displays).toContain(required)
    }
    expect(new Set(plan.figures.map((figure) => figure.key)).size).toBe(plan.figures.length)
  })

  it('quotes plan sections and the responsible person from the article', () => {
    expect(article).toContain(plan.summary)
    expect(article).toContain(plan.quote.text)
    expect(plan.achievements).toHaveLength(4)
    expect(plan.tasks.map((task) => task.title)).toEqual([
      '强化思想引领，凝聚奋进力量',
      '服务发展大局，彰显工会组织作为',
      '深化维权服务，提升职工幸福指数',
      '深化改革创新，夯实发展根基'
    ])
    for (const section of [...plan.achievements, ...plan.tasks]) {
      expect({ lead: section.lead, found: articleProse.includes(flat(section.lead).replace(/。$/, '')) }).toEqual({ lead: section.lead, found: true })
    }
  })

  it('shows every service figure in the article’s own words', () => {
    for (const service of services) {
      for (const figure of service.figures) expect(article).toContain(figure.value + figure.unit)
    }
  })

  it('lists the services in slug order with short taglines and no invented phone numbers', () => {
    expect(services.map((service) => service.slug)).toEqual([...SERVICE_SLUGS])
    for (const service of services) {
      expect(service.tagline.length).toBeLessThanOrEqual(20)
      expect(service.icon).toMatch(/^[a-z-]+$/)
      for (const contact of service.contacts) expect(['12351', undefined]).toContain(contact.phone)
      if (service.sample) expect(service.sampleNote).toBeTruthy()
    }
  })

  it('carries neither extraction flaw of the article', () => {
    for (const text of allStrings(seedContent)) {
      expect(text).not.toMatch(/development/i)
      expect(text).not.toContain('实现暖心服务“零距离”。密云')
    }
  })

  it('has at least three news items per category, unique kebab-case ids and a second page', () => {
    expect(news.length).toBeGreaterThan(20)
    for (const category of NEWS_CATEGORIES) {
      expect(news.filter((item) => item.category === category).length).toBeGreaterThanOrEqual(3)
    }
    expect(new Set(news.map((item) => item.id)).size).toBe(news.length)
    for (const item of news) {
      expect(item.id).toMatch(KEBAB)
      expect(item.summary.length).toBeLessThanOrEqual(60)
      expect(item.publishedAt).toMatch(OFFSET_ISO)
      expect(item.blocks.length).toBeGreaterThan(0)
    }
    const pinned = news.filter((item) => item.pinned).length
    expect(pinned).toBeGreaterThanOrEqual(2)
    expect(pinned).toBeLessThanOrEqual(3)
  })

  it('flags every news item, since the article gives no dates', () => {
    for (const item of news) {
      expect(typeof item.sample).toBe('boolean')
      expect(item.sample).toBe(true)
      expect(item.sampleNote).toBeTruthy()
    }
  })

  it('orders competition dates and flags every competition as sample', () => {
    expect(new Set(competitions.map((item) => item.id)).size).toBe(competitions.length)
    for (const item of competitions) {
      expect(item.id).toMatch(KEBAB)
      expect(TRADES).toContain(item.trade)
      for (const at of [item.signupStartsAt, item.signupEndsAt, item.eventStartsAt, item.eventEndsAt]) expect(at).toMatch(OFFSET_ISO)
      expect(ms(item.signupStartsAt)).toBeLessThan(ms(item.signupEndsAt))
      expect(ms(item.signupEndsAt)).toBeLessThanOrEqual(ms(item.eventStartsAt))
      expect(ms(item.eventStartsAt)).toBeLessThan(ms(item.eventEndsAt))
      expect(item.sample).toBe(true)
      expect(item.sampleNote).toBeTruthy()
      expect(item.schedule.length).toBeGreaterThanOrEqual(2)
      expect(item.schedule.length).toBeLessThanOrEqual(4)
      expect(item.rules.length).toBeGreaterThanOrEqual(3)
      expect(item.rules.length).toBeLessThanOrEqual(5)
      expect(item.contact?.phone).toBe('12351')
      expect('status' in item).toBe(false)
    }
  })

  it('has competitions in every status as of 2026-11-24, and one ended with results', () => {
    const statuses = competitions.map((item) => competitionStatus(item, TODAY))
    for (const status of COMPETITION_STATUSES) expect(statuses).toContain(status)
    const endedWithResults = competitions.filter((item, i) => statuses[i] === 'ended' && item.results.length > 0)
    expect(endedWithResults.length).toBeGreaterThanOrEqual(1)
  })

  it('keeps the three contests named in the article, with no invented winners', () => {
    const titles = competitions.map((item) => item.title)
    for (const title of ['2025年“工匠杯”养蜂技能大赛', '2025年密云区院前急救医师技能竞赛', '2025年密云区“工匠杯”餐饮业技能大赛暨第六届厨王争霸赛']) {
      expect(titles).toContain(title)
      expect(article).toContain(title)
      expect(competitions.find((item) => item.title === title)?.results).toEqual([])
    }
  })

  it('points every featured item at a record that exists', () => {
    expect(featured.length).toBeGreaterThanOrEqual(3)
    expect(featured.length).toBeLessThanOrEqual(4)
    for (const item of featured) {
      const target = item.target
      if (target.page === 'newsDetail') expect(news.map((n) => n.id)).toContain(target.id)
      if (target.page === 'competitionDetail') expect(competitions.map((c) => c.id)).toContain(target.id)
      if (target.page === 'serviceDetail') expect(services.map((s) => s.slug)).toContain(target.slug)
    }
    expect(hotline.number).toBe('12351')
  })

  it('points every image at an illustration that exists', () => {
    const images: string[] = []
    for (const item of news) {
      if (item.cover) images.push(item.cover)
      item.blocks
        .filter((block): block is Extract<Block, { type: 'image' }> => block.type === 'image')
        .forEach((block) => {
          images.push(block.src)
          expect(block.alt).toBe('示意图')
          if (block.caption) expect(article).toContain(block.caption)
        })
    }
    for (const item of competitions) if (item.cover) images.push(item.cover)
    for (const item of featured) if (item.image) images.push(item.image)
    expect(images.length).toBeGreaterThan(0)
    for (const src of images) {
      expect(src).toMatch(/^\/media\/[a-z0-9-]+\.svg$/)
      expect(existsSync(path.join(mediaDir, path.basename(src)))).toBe(true)
    }
  })

  it('keeps the illustrations small and free of text', () => {
    const files = readdirSync(mediaDir).filter((name) => name.endsWith('.svg'))
    expect(files.length).toBeGreaterThanOrEqual(10)
    for (const name of files) {
      const file = path.join(mediaDir, name)
      expect(statSync(file).size).toBeLessThanOrEqual(3 * 1024)
      const svg = readFileSync(file, 'utf8')
      expect(svg).toContain('viewBox="0 0 750 420"')
      expect(svg).not.toMatch(/<text/)
    }
  })
})
