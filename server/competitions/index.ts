/** Skill competitions: workers' list and pages (/api/competitions), the editor's API (/api/staff/competitions). */
import type { FastifyInstance } from 'fastify'
import { competitionRoutes } from './routes'
import { staffCompetitionsRoutes } from './staff-routes'

export async function competitions(api: FastifyInstance): Promise<void> {
  await api.register(competitionRoutes)
  await api.register(staffCompetitionsRoutes, { prefix: '/staff' })
}
