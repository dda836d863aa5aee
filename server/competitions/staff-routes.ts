/**
 * The competition editor's API: every competition (sample ones too), create, and save everything the worker page
 * shows — dates, rules, awards, results with their 密云工匠 / 密云能手 titles, and the sample flag (unticking it marks
 * the record as real: the 「示例」 tag goes). The status is never sent or stored: it follows from the dates. The layout
 * is the one of every versioned collection (core/versioned/routes.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { competitionInputProblems } from '@/domain'
import { requireStaff } from '../core/auth/plugin'
import { versionedCollectionRoutes } from '../core/versioned/routes'
import { CompetitionInputSchema, CompetitionUpdateSchema, StaffCompetitionSchema, StaffCompetitionSummarySchema } from './schema'

export const COMPETITION_NOT_FOUND_MESSAGE = '未找到该竞赛'

export const staffCompetitionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // onRequest: a caller without a session is turned away before any body is read.
  app.addHook('onRequest', requireStaff('editor'))
  const repository = app.repositories.staffCompetitions

  versionedCollectionRoutes(app, {
    path: '/competitions',
    subject: '该竞赛',
    notFoundMessage: COMPETITION_NOT_FOUND_MESSAGE,
    schemas: {
      list: Type.Array(StaffCompetitionSummarySchema),
      record: StaffCompetitionSchema,
      input: CompetitionInputSchema,
      update: CompetitionUpdateSchema
    },
    inputProblems: competitionInputProblems,
    list: (_query, now) => repository.list(now),
    find: repository.find,
    create: repository.create,
    update: repository.update
  })
}
