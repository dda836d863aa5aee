/** The audit log, for administrators (/api/staff/audit). Writing it is core (server/core/audit.ts). */
import type { FastifyInstance } from 'fastify'
import { staffAuditRoutes } from './staff-routes'

export async function audit(api: FastifyInstance): Promise<void> {
  await api.register(staffAuditRoutes, { prefix: '/staff' })
}
