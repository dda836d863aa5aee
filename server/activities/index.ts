/** Activities (活动): workers' list and pages (/api/activities), the editor's API (/api/staff/activities). */
import type { FastifyInstance } from 'fastify'
import { activityRoutes } from './routes'
import { staffActivitiesRoutes } from './staff-routes'

export async function activities(api: FastifyInstance): Promise<void> {
  await api.register(activityRoutes)
  await api.register(staffActivitiesRoutes, { prefix: '/staff' })
}
