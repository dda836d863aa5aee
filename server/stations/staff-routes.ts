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
import { closeReasonProblems, stationInputProblems, stationSettingsProblems, type StationInput } from '@/domain'
import { requireStaff, staffOf } from '../core/auth/plugin'
import { invalidFields, notFound } from '../core/errors'
import { IdParams, NoQuery } from '../core/schemas/params'
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
import { editOutcome } from '../core/versioned/http'

export const STAFF_STATION_NOT_FOUND_MESSAGE = '未找到该服务站点'
const SUBJECT = '该服务站点'

function checkInput(input: StationInput): void {
  const problems = stationInputProblems(input)
  if (problems.length > 0) throw invalidFields(problems)
}

export const staffStationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // onRequest: a caller without a session is turned away before any body is read.
  app.addHook('onRequest', requireStaff('editor'))
  const repository = app.repositories.stations
  const outcome = { subject: SUBJECT, notFoundMessage: STAFF_STATION_NOT_FOUND_MESSAGE }

  app.get(
    '/stations',
    { schema: { querystring: NoQuery, response: { 200: Type.Array(StaffStationSummarySchema), ...editErrorResponses } } },
    async () => repository.listAll(app.now())
  )

  app.get(
    '/stations/:id',
    { schema: { params: IdParams, querystring: NoQuery, response: { 200: StaffStationSchema, ...editErrorResponses } } },
    async (request) => {
      const station = await repository.findById(request.params.id)
      if (!station) throw notFound(STAFF_STATION_NOT_FOUND_MESSAGE)
      return station
    }
  )

  app.post(
    '/stations',
    { schema: { querystring: NoQuery, body: StationInputSchema, response: { 201: StaffStationSchema, ...editErrorResponses } } },
    async (request, reply) => {
      checkInput(request.body)
      const station = await repository.create(request.body, staffOf(request).staff, app.now())
      return reply.code(201).send(station)
    }
  )

  app.put(
    '/stations/:id',
    {
      schema: { params: IdParams, querystring: NoQuery, body: StationUpdateSchema, response: { 200: StaffStationSchema, ...editErrorResponses } }
    },
    async (request) => {
      const { version, ...input } = request.body
      checkInput(input)
      const now = app.now()
      return editOutcome(await repository.update(request.params.id, input, version, staffOf(request).staff, now), { ...outcome, now })
    }
  )

  app.post(
    '/stations/:id/close',
    {
      schema: { params: IdParams, querystring: NoQuery, body: StationCloseSchema, response: { 200: StaffStationSchema, ...editErrorResponses } }
    },
    async (request) => {
      const { reason, version } = request.body
      const problems = closeReasonProblems(reason)
      if (problems.length > 0) throw invalidFields(problems)
      const now = app.now()
      return editOutcome(await repository.close(request.params.id, reason, version, staffOf(request).staff, now), { ...outcome, now })
    }
  )

  app.post(
    '/stations/:id/reopen',
    {
      schema: { params: IdParams, querystring: NoQuery, body: VersionOnlySchema, response: { 200: StaffStationSchema, ...editErrorResponses } }
    },
    async (request) => {
      const now = app.now()
      return editOutcome(await repository.reopen(request.params.id, request.body.version, staffOf(request).staff, now), { ...outcome, now })
    }
  )

  app.get(
    '/stations/:id/scans',
    { schema: { params: IdParams, querystring: NoQuery, response: { 200: StationScansSchema, ...editErrorResponses } } },
    async (request) => {
      const scans = await repository.scans(request.params.id, app.now())
      if (!scans) throw notFound(STAFF_STATION_NOT_FOUND_MESSAGE)
      return scans
    }
  )

  app.get(
    '/station-settings',
    { schema: { querystring: NoQuery, response: { 200: StaffStationSettingsSchema, ...editErrorResponses } } },
    async () => repository.settings.get()
  )

  app.put(
    '/station-settings',
    { schema: { querystring: NoQuery, body: StationSettingsUpdateSchema, response: { 200: StaffStationSettingsSchema, ...editErrorResponses } } },
    async (request) => {
      const { version, ...settings } = request.body
      const problems = stationSettingsProblems(settings)
      if (problems.length > 0) throw invalidFields(problems)
      const now = app.now()
      return editOutcome(await repository.settings.update(settings, version, staffOf(request).staff, now), { subject: '服务站点设置', now })
    }
  )
}
