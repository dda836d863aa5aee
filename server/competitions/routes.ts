import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, NoQuery, errorResponses } from '../core/schemas/params'
import { CompetitionListQuery, CompetitionPageSchema, CompetitionSchema } from './schema'
import { notFound } from '../core/errors'

export const competitionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/competitions',
    { schema: { querystring: CompetitionListQuery, response: { 200: CompetitionPageSchema, ...errorResponses } } },
    async (request, reply) => {
      const { status, trade, page = 1 } = request.query
      return app.responseCache.answer(request, reply, () => app.repositories.competitions.list({ status, trade, page }, app.now()))
    }
  )

  app.get(
    '/competitions/:id',
    { schema: { params: IdParams, querystring: NoQuery, response: { 200: CompetitionSchema, ...errorResponses } } },
    async (request, reply) =>
      app.responseCache.answer(request, reply, async () => {
        const competition = await app.repositories.competitions.find(request.params.id, app.now())
        if (!competition) throw notFound('未找到该竞赛')
        return competition
      })
  )
}
