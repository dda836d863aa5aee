/** The union's services: workers' pages (/api/services), the editor's API (/api/staff/services). */
import type { FastifyInstance } from 'fastify'
import { serviceRoutes } from './routes'
import { staffServicesRoutes } from './staff-routes'

export async function services(api: FastifyInstance): Promise<void> {
  await api.register(serviceRoutes)
  await api.register(staffServicesRoutes, { prefix: '/staff' })
}
