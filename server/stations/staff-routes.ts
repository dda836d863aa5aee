/**
 * The station editors' API (docs/stations-api.md): every station with its recent scans, create and save, close
 * (暂停开放, with the reason workers read) and reopen, a station's scans day by day, and the settings every station
 * shares — the holiday calendar and the 夏送清凉 period. Posters are server/stations/poster-routes.ts.
 *
 * Ids in paths follow CONTENT_ID_PATTERN (IdParams), which has no dot: /stations/posters.pdf is never taken for a
 * station id, whichever plugin registers first.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { closeReasonProblems, stationInputProblems, stationSettingsProblems } from '@/domain'
import { requireStaff, staffOf } from '../core/auth/plugin'
import { notFound, refuseInvalidFields } from '../core/errors'
import { IdParams, NoQuery } from '../core/schemas/params'
import { editOutcome } from '../core/versioned/http'
import { versionedCollectionRoutes } from '../core/versioned/routes'
import { VersionOnlySchema, editErrorResponses } from '../core/versioned/schema'
import {
  StaffStationSchema,
  StaffStationSettingsSchema,
  StaffStationSummarySchema,
  StationCloseSchema,
  StationInputSchema,
  StationScansSchema,
  StationSettingsUpdateSchema,
  StationUpdateSchema
} from './schema'

export const STAFF_STATION_NOT_FOUND_MESSAGE = '未找到该服务站点'

export const staffStationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // onRequest: a caller without a session is turned away before any body is read.
  app.addHook('onRequest', requireStaff('editor'))
  const repository = app.repositories.stations

  const stations = versionedCollectionRoutes(app, {
    path: '/stations',
    subject: '该服务站点',
    notFoundMessage: STAFF_STATION_NOT_FOUND_MESSAGE,
    schemas: { list: Type.Array(StaffStationSummarySchema), record: StaffStationSchema, input: StationInputSchema, update: StationUpdateSchema },
    inputProblems: stationInputProblems,
    list: (_query, now) => repository.listAll(now),
    find: (id) => repository.findById(id),
    create: repository.create,
    update: repository.update
  })

  stations.change({
    name: 'close',
    body: StationCloseSchema,
    problems: ({ reason }) => closeReasonProblems(reason),
    apply: (id, { reason, version }, editor, now) => repository.close(id, reason, version, editor, now)
  })

  stations.change({
    name: 'reopen',
    body: VersionOnlySchema,
    apply: (id, { version }, editor, now) => repository.reopen(id, version, editor, now)
  })

  app.get(
    '/stations/:id/scans',
    { schema: { params: IdParams, querystring: NoQuery, response: { 200: StationScansSchema, ...editErrorResponses } } },
    async (request) => {
      const scans = await repository.scans(request.params.id, app.now())
      if (!scans) throw notFound(STAFF_STATION_NOT_FOUND_MESSAGE)
      return scans
    }
  )

  app.get('/station-settings', { schema: { querystring: NoQuery, response: { 200: StaffStationSettingsSchema, ...editErrorResponses } } }, async () =>
    repository.settings.get()
  )

  app.put(
    '/station-settings',
    { schema: { querystring: NoQuery, body: StationSettingsUpdateSchema, response: { 200: StaffStationSettingsSchema, ...editErrorResponses } } },
    async (request) => {
      const { version, ...settings } = request.body
      refuseInvalidFields(stationSettingsProblems(settings))
      const now = app.now()
      return editOutcome(await repository.settings.update(settings, version, staffOf(request).staff, now), { subject: '服务站点设置', now })
    }
  )
}
