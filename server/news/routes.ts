import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, NoQuery, errorResponses } from '../core/schemas/params'
import { NewsArticleSchema, NewsListQuery, NewsPageSchema } from './schema'
import { notFound } from '../core/errors'

export const newsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/news', { schema: { querystring: NewsListQuery, response: { 200: NewsPageSchema, ...errorResponses } } }, async (request, reply) => {
    const { category, q, page = 1 } = request.query
    return app.responseCache.answer(request, reply, () => app.repositories.news.list({ category, keyword: q?.trim(), page }, app.now()))
  })

  app.get(
    '/news/:id',
    { schema: { params: IdParams, querystring: NoQuery, response: { 200: NewsArticleSchema, ...errorResponses } } },
    async (request, reply) =>
      app.responseCache.answer(request, reply, async () => {
        const article = await app.repositories.news.find(request.params.id, app.now())
        if (!article) throw notFound('未找到该文章')
        return article
      })
  )
}
