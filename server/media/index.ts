/** Photo uploads from the staff pages (/api/staff/media). The files live in core's media storage. */
import type { FastifyInstance } from 'fastify'
import { staffMediaRoutes } from './staff-routes'

export async function media(api: FastifyInstance): Promise<void> {
  await api.register(staffMediaRoutes, { prefix: '/staff' })
}
