/** 首页 (/api/home: featured swiper, latest news, current competitions, figures, hotline) and the featured list's editor. */
import type { FastifyInstance } from 'fastify'
import { homeRoutes } from './routes'
import { staffFeaturedRoutes } from './staff-routes'

export async function home(api: FastifyInstance): Promise<void> {
  await api.register(homeRoutes)
  await api.register(staffFeaturedRoutes, { prefix: '/staff' })
}
