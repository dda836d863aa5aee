/**
 * The competition editor's API: every competition (sample ones too), create, and save everything the worker page
 * shows — dates, rules, awards, results with their 密云工匠 / 密云能手 titles, and the sample flag (unticking it marks
 * the record as real: the 「示例」 tag goes). The status is never sent or stored: it follows from the dates.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { competitionInputProblems, type CompetitionInput } from '@/domain'
import { requireStaff, staffOf } from '../core/auth/plugin'
import { invalidFields, notFound } from '../core/errors'
import { IdParams, NoQuery } from '../core/schemas/params'
import { editErrorResponses } from '../core/versioned/schema'
import {
  CompetitionInputSchema,
  CompetitionUpdateSchema,
  StaffCompetitionSchema,
  StaffCompetitionSummarySchema
} from './schema'
import { editOutcome } from '../core/versioned/http'

export const COMPETITION_NOT_FOUND_MESSAGE = '未找到该竞赛'

function checkInput(input: CompetitionInput): void {
  const problems = competitionInputProblems(input)
  if (problems.length > 0) throw invalidFields(problems)
}

export const staffCompetitionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // onRequest: a caller without a session is turned away before any body is read.
  app.addHook('onRequest', requireStaff('editor'))
  const repository = app.repositories.staffCompetitions

  app.get(
    '/competitions',
    { schema: { querystring: NoQuery, response: { 200: Type.Array(StaffCompetitionSummarySchema), ...editErrorResponses } } },
    async () => repository.list(app.now())
  )

  app.get(
    '/competitions/:id',
    { schema: { params: IdParams, querystring: NoQuery, response: { 200: StaffCompetitionSchema, ...editErrorResponses } } },
    async (request) => {
      const competition = await repository.find(request.params.id, app.now())
      if (!competition) throw notFound(COMPETITION_NOT_FOUND_MESSAGE)
      return competition
    }
  )

  app.post(
    '/competitions',
    { schema: { querystring: NoQuery, body: CompetitionInputSchema, response: { 201: StaffCompetitionSchema, ...editErrorResponses } } },
    async (request, reply) => {
      checkInput(request.body)
      const competition = await repository.create(request.body, staffOf(request).staff, app.now())
      return reply.code(201).send(competition)
    }
  )

  app.put(
    '/competitions/:id',
    {
      schema: {
        params: IdParams,
        querystring: NoQuery,
        body: CompetitionUpdateSchema,
        response: { 200: StaffCompetitionSchema, ...editErrorResponses }
      }
    },
    async (request) => {
      const { version, ...input } = request.body
      checkInput(input)
      const now = app.now()
      const result = await repository.update(request.params.id, input, version, staffOf(request).staff, now)
      return editOutcome(result, { subject: '该竞赛', notFoundMessage: COMPETITION_NOT_FOUND_MESSAGE, now })
    }
  )
}
