/** Staff sessions (log in and out, me, own password) and, for administrators, staff accounts: /api/staff/… */
import type { FastifyInstance } from 'fastify'
import { staffSessionRoutes } from './session-routes'
import { staffAccountsRoutes } from './staff-routes'

export async function accounts(api: FastifyInstance): Promise<void> {
  await api.register(staffSessionRoutes, { prefix: '/staff' })
  await api.register(staffAccountsRoutes, { prefix: '/staff' })
}
