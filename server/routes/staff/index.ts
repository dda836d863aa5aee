/**
 * The staff API under /api/staff. Every route here declares its roles with requireStaff() (server/plugins/auth.ts);
 * none is reachable without a staff session, except logging in.
 */
import type { FastifyInstance } from 'fastify'
import { staffAccountsRoutes } from './accounts'
import { staffAuditRoutes } from './audit'
import { staffCompetitionsRoutes } from './competitions'
import { staffFeaturedRoutes } from './featured'
import { staffMediaRoutes } from './media'
import { staffNewsRoutes } from './news'
import { staffPlanRoutes } from './plan'
import { staffServicesRoutes } from './services'
import { staffSessionRoutes } from './session'
import { staffStationPostersRoutes } from './station-posters'
import { staffStationsRoutes } from './stations'

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
