/**
 * The staff API under /api/staff. Every route here declares its roles with requireStaff() (server/plugins/auth.ts);
 * none is reachable without a staff session, except logging in.
 */
import type { FastifyInstance } from 'fastify'
import { staffAccountsRoutes } from './accounts/staff-routes'
import { staffAuditRoutes } from './audit/staff-routes'
import { staffCompetitionsRoutes } from './competitions/staff-routes'
import { staffFeaturedRoutes } from './home/staff-routes'
import { staffMediaRoutes } from './media/staff-routes'
import { staffNewsRoutes } from './news/staff-routes'
import { staffPlanRoutes } from './plan/staff-routes'
import { staffServicesRoutes } from './services/staff-routes'
import { staffSessionRoutes } from './accounts/session-routes'
import { staffStationPostersRoutes } from './stations/poster-routes'
import { staffStationsRoutes } from './stations/staff-routes'

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  await app.register(staffSessionRoutes)
  await app.register(staffAccountsRoutes)
  await app.register(staffAuditRoutes)
  await app.register(staffNewsRoutes)
  await app.register(staffMediaRoutes)
  await app.register(staffCompetitionsRoutes)
  await app.register(staffServicesRoutes)
  await app.register(staffPlanRoutes)
  await app.register(staffFeaturedRoutes)
  await app.register(staffStationsRoutes)
  await app.register(staffStationPostersRoutes)
}
