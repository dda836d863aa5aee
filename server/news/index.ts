/** News: workers' list and articles (/api/news), the editor's drafts, saves, publishing and withdrawing (/api/staff/news). */
import type { FastifyInstance } from 'fastify'
import { newsRoutes } from './routes'
import { staffNewsRoutes } from './staff-routes'

export async function news(api: FastifyInstance): Promise<void> {
  await api.register(newsRoutes)
  await api.register(staffNewsRoutes, { prefix: '/staff' })
}
