/** The 十四五 record and 十五五 plan page (/api/plan) and its editor (/api/staff/plan). */
import type { FastifyInstance } from 'fastify'
import { planRoutes } from './routes'
import { staffPlanRoutes } from './staff-routes'

export async function plan(api: FastifyInstance): Promise<void> {
  await api.register(planRoutes)
  await api.register(staffPlanRoutes, { prefix: '/staff' })
}
