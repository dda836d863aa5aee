/**
 * 首页 (/api/home: featured swiper, latest news, current competitions, figures, hotline), the featured list's editor,
 * and 首页's first screen in the H5 app's HTML (`homeFirstScreenRoute`, which app.ts hands to the web app).
 */
import type { FastifyInstance } from 'fastify'
import type { FirstScreenRoute } from '../core/http/web-app'
import { homeFirstScreen } from './first-screen'
import { homeRoutes } from './routes'
import { staffFeaturedRoutes } from './staff-routes'

export async function home(api: FastifyInstance): Promise<void> {
  await api.register(homeRoutes)
  await api.register(staffFeaturedRoutes, { prefix: '/staff' })
}

export const homeFirstScreenRoute: FirstScreenRoute = {
  paths: ['/', '/pages/home/index'],
  render: (app) => homeFirstScreen(app)
}
