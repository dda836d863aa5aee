import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { isServiceSlug } from '@/domain'
import { ServiceListSchema, ServiceSchema } from './schema'
import { NoQuery, errorResponses } from '../core/schemas/params'
import { notFound } from '../core/errors'

/** Any slug is accepted by the schema: an unknown one is a service that does not exist (404), not a bad request. */
const SlugParams = Type.Object({ slug: Type.String() }, { additionalProperties: false })

export const serviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/services', { schema: { querystring: NoQuery, response: { 200: ServiceListSchema, ...errorResponses } } }, async (request, reply) =>
    app.responseCache.answer(request, reply, async () => ({ items: await app.repositories.services.list() }))
  )

  app.get(
    '/services/:slug',
    { schema: { params: SlugParams, querystring: NoQuery, response: { 200: ServiceSchema, ...errorResponses } } },
    async (request, reply) => {
      const { slug } = request.params
      // Checked before the cache: unknown slugs must not each take a cache entry.
      if (!isServiceSlug(slug)) throw notFound('未找到该服务')
      return app.responseCache.answer(request, reply, async () => {
        const service = await app.repositories.services.find(slug)
        if (!service) throw notFound('未找到该服务')
        return service
      })
    }
  )
}
