/**
 * Service stations: the directory and station pages (/api/stations…), the editors' API and posters
 * (/api/staff/stations…, /api/staff/station-settings). The printed QR codes' short address /s/<code> is outside
 * /api, so it is the slice's second export, `stationQrRoutes`, which app.ts registers at the root.
 */
import type { FastifyInstance } from 'fastify'
import { staffStationPostersRoutes } from './poster-routes'
import { stationRoutes } from './routes'
import { staffStationsRoutes } from './staff-routes'

export { stationQrRouterErrors, stationQrRoutes } from './routes'

export async function stations(api: FastifyInstance): Promise<void> {
  await api.register(stationRoutes)
  await api.register(staffStationsRoutes, { prefix: '/staff' })
  await api.register(staffStationPostersRoutes, { prefix: '/staff' })
}
