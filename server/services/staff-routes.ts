/**
 * The service editor's API: read and save one service page by its slug. The seven services and their slugs are
 * fixed (SERVICE_SLUGS); staff change what each page says — name, tagline, what / who / how, contacts, figures —
 * and whether it is still sample content.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { isServiceSlug, serviceInputProblems } from '@/domain'
import { requireStaff, staffOf } from '../core/auth/plugin'
import { notFound, refuseInvalidFields } from '../core/errors'
import { NoQuery } from '../core/schemas/params'
import { editErrorResponses } from '../core/versioned/schema'
import { ServiceSlugParams, ServiceUpdateSchema, StaffServiceSchema } from './schema'
import { editOutcome } from '../core/versioned/http'

export const SERVICE_NOT_FOUND_MESSAGE = '未找到该服务'

export const staffServicesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', requireStaff('editor'))
  const repository = app.repositories.staffServices

  app.get(
    '/services/:slug',
    { schema: { params: ServiceSlugParams, querystring: NoQuery, response: { 200: StaffServiceSchema, ...editErrorResponses } } },
    async (request) => {
      const { slug } = request.params
      const service = isServiceSlug(slug) ? await repository.find(slug) : undefined
      if (!service) throw notFound(SERVICE_NOT_FOUND_MESSAGE)
      return service
    }
  )

  app.put(
    '/services/:slug',
    {
      schema: {
        params: ServiceSlugParams,
        querystring: NoQuery,
        body: ServiceUpdateSchema,
        response: { 200: StaffServiceSchema, ...editErrorResponses }
      }
    },
    async (request) => {
      const { slug } = request.params
      if (!isServiceSlug(slug)) throw notFound(SERVICE_NOT_FOUND_MESSAGE)
      const { version, ...input } = request.body
      refuseInvalidFields(serviceInputProblems(input))
      const now = app.now()
      const result = await repository.update(slug, input, version, staffOf(request).staff, now)
      return editOutcome(result, { subject: '该服务', notFoundMessage: SERVICE_NOT_FOUND_MESSAGE, now })
    }
  )
}
