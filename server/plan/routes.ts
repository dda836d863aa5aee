import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PlanSchema } from './schema'
import { NoQuery, errorResponses } from '../core/schemas/params'

export const planRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/plan', { schema: { querystring: NoQuery, response: { 200: PlanSchema, ...errorResponses } } }, async (request, reply) =>
    app.responseCache.answer(request, reply, () => app.repositories.plan.plan())
  )
}
