import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { HomeData, PlanFigure } from '@/domain'
import { HomeDataSchema } from './schema'
import { NoQuery, errorResponses } from '../core/schemas/params'

export const HOME_NEWS_COUNT = 5
export const HOME_COMPETITION_COUNT = 4
export const HOME_FIGURE_COUNT = 6

/**
 * The strip on 首页 leads with the headline of the 十四五 report card (30场竞赛, 20万余人次, 210余个阵地, 近3500万元),
 * then 48个创新工作室 and 20名密云工匠. If staff rename or remove figures, the plan's own order fills the strip.
 */
export const HOME_FIGURE_KEYS = ['skill-contests', 'contest-participants', 'service-stations', 'losses-recovered', 'innovation-studios', 'miyun-craftsmen']

export function homeFigures(figures: PlanFigure[]): PlanFigure[] {
  const headline = HOME_FIGURE_KEYS.flatMap((key) => figures.filter((figure) => figure.key === key))
  const rest = figures.filter((figure) => !HOME_FIGURE_KEYS.includes(figure.key))
  return [...headline, ...rest].slice(0, HOME_FIGURE_COUNT)
}

export const homeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/home', { schema: { querystring: NoQuery, response: { 200: HomeDataSchema, ...errorResponses } } }, async (request, reply) =>
    app.responseCache.answer(request, reply, async (): Promise<HomeData> => {
      const now = app.now()
      const { news, competitions, home, plan: planRepository } = app.repositories
      const [featured, latestNews, currentCompetitions, plan, hotline] = await Promise.all([
        home.featured(),
        news.latest(HOME_NEWS_COUNT, now),
        competitions.current(HOME_COMPETITION_COUNT, now),
        planRepository.plan(),
        home.hotline()
      ])
      // A featured article that was withdrawn (or is not yet due) would open a 未找到 page: leave it out until it
      // is published again. Competitions are never deleted, and service slugs are fixed.
      const shown = await Promise.all(featured.map(async (item) => (item.target.page === 'newsDetail' ? Boolean(await news.find(item.target.id, now)) : true)))
      return {
        featured: featured.filter((_, index) => shown[index]),
        news: latestNews,
        competitions: currentCompetitions,
        figures: homeFigures(plan.figures),
        hotline
      }
    })
  )
}
