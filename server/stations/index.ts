/**
 * Service stations: the directory and station pages (/api/stations…), the editors' API and posters
 * (/api/staff/stations…, /api/staff/station-settings). The printed QR codes' short address /s/<code> is outside
 * /api, so it is the slice's second export, `stationQrRoutes`, which app.ts registers at the root; the station page
 * in the H5 app comes with its first screen drawn (`stationFirstScreenRoute`, and /s/<code> itself).
 */
import type { FastifyInstance } from 'fastify'
import { STATION_PAGE_PATH } from '@/domain'
import type { FirstScreenRoute } from '../core/http/web-app'
import { stationFirstScreen } from './first-screen'
import { staffStationPostersRoutes } from './poster-routes'
import { stationRoutes } from './routes'
import { staffStationsRoutes } from './staff-routes'

export { stationQrRouterErrors, stationQrRoutes } from './routes'

export async function stations(api: FastifyInstance): Promise<void> {
  await api.register(stationRoutes)
  await api.register(staffStationsRoutes, { prefix: '/staff' })
  await api.register(staffStationPostersRoutes, { prefix: '/staff' })
}

/** `/packages/stations/station/index?code=<code>`: the page a shared link or a reload opens. */
export const stationFirstScreenRoute: FirstScreenRoute = {
  paths: [`/${STATION_PAGE_PATH}`],
  async render(app, request) {
    const { code } = request.query as Record<string, unknown>
    return typeof code === 'string' ? stationFirstScreen(app, code) : undefined
  }
}
