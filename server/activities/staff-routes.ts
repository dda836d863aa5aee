/**
 * The activity editor's API (编辑): every activity (sample and cancelled ones too), create, save everything the worker
 * page shows, and cancel with a reason (POST /activities/:id/cancel: 409 ACTIVITY_CANCELLED when it already is, 409
 * ACTIVITY_ENDED when it is over). The status is never sent or stored: it follows from the dates. A station code must
 * name a station (400 INVALID_FIELD on stationCode). The layout is the one of every versioned collection
 * (core/versioned/routes.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { activityCancelProblems, activityInputProblems, type ActivityInput } from '@/domain'
import { requireStaff } from '../core/auth/plugin'
import { refuseInvalidFields } from '../core/errors'
import { versionedCollectionRoutes } from '../core/versioned/routes'
import { ACTIVITY_NOT_FOUND_MESSAGE } from './routes'
import { ActivityCancelRequestSchema, ActivityInputSchema, ActivityUpdateSchema, StaffActivitySchema, StaffActivitySummarySchema } from './schema'

export const staffActivitiesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // onRequest: a caller without a session is turned away before any body is read.
  app.addHook('onRequest', requireStaff('editor'))
  const repository = app.repositories.staffActivities

  /** The shared rules cannot see the database: the station a code names must exist (and may be closed today). */
  async function stationChecked(input: ActivityInput): Promise<ActivityInput> {
    if (input.stationCode !== null && !(await app.repositories.stations.findByCode(input.stationCode))) {
      refuseInvalidFields([{ field: 'stationCode', message: `没有编码为 ${input.stationCode} 的服务站点` }])
    }
    return input
  }

  const activities = versionedCollectionRoutes(app, {
    path: '/activities',
    subject: '该活动',
    notFoundMessage: ACTIVITY_NOT_FOUND_MESSAGE,
    schemas: {
      list: Type.Array(StaffActivitySummarySchema),
      record: StaffActivitySchema,
      input: ActivityInputSchema,
      update: ActivityUpdateSchema
    },
    inputProblems: activityInputProblems,
    list: (_query, now) => repository.list(now),
    find: repository.find,
    create: async (input, editor, now) => repository.create(await stationChecked(input), editor, now),
    update: async (id, input, version, editor, now) => repository.update(id, await stationChecked(input), version, editor, now)
  })

  activities.change({
    name: 'cancel',
    body: ActivityCancelRequestSchema,
    problems: activityCancelProblems,
    apply: (id, { reason, version }, editor, now) => repository.cancel(id, reason, version, editor, now)
  })
}
