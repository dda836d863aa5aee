import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { notFound } from '../core/errors'
import { IdParams, NoQuery, errorResponses } from '../core/schemas/params'
import { ActivityListQuery, ActivityPageSchema, ActivitySchema } from './schema'

export const ACTIVITY_NOT_FOUND_MESSAGE = '未找到该活动'

export const activityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/activities', { schema: { querystring: ActivityListQuery, response: { 200: ActivityPageSchema, ...errorResponses } } }, async (request, reply) => {
    const { kind, open, page = 1 } = request.query
    return app.responseCache.answer(request, reply, () => app.repositories.activities.list({ kind, open: open === '1', page }, app.now()))
  })

  app.get(
    '/activities/:id',
    { schema: { params: IdParams, querystring: NoQuery, response: { 200: ActivitySchema, ...errorResponses } } },
    async (request, reply) =>
      app.responseCache.answer(request, reply, async () => {
        const activity = await app.repositories.activities.find(request.params.id, app.now())
        if (!activity) throw notFound(ACTIVITY_NOT_FOUND_MESSAGE)
        return activity
      })
  )
}
