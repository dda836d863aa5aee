/**
 * The 首页 featured list's API: read it, and replace it as a whole (the editor reorders, adds and removes items and
 * saves once). Every item must lead somewhere a worker can open — a published article, an existing competition or
 * service, the plan page — so the swiper never sends a worker to a 「未找到」 page.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { featuredProblems } from '@/domain'
import { withFeaturedIds } from './staff-repository'
import { requireStaff, staffOf } from '../core/auth/plugin'
import { refuseInvalidFields } from '../core/errors'
import { NoQuery } from '../core/schemas/params'
import { editErrorResponses } from '../core/versioned/schema'
import { FeaturedUpdateSchema, StaffFeaturedSchema } from './schema'
import { editOutcome } from '../core/versioned/http'

export const staffFeaturedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', requireStaff('editor'))
  const repository = app.repositories.featured

  app.get('/featured', { schema: { querystring: NoQuery, response: { 200: StaffFeaturedSchema, ...editErrorResponses } } }, async () => repository.get())

  app.put(
    '/featured',
    { schema: { querystring: NoQuery, body: FeaturedUpdateSchema, response: { 200: StaffFeaturedSchema, ...editErrorResponses } } },
    async (request) => {
      const now = app.now()
      const items = withFeaturedIds(request.body.items)
      // The fields' own rules and where each item leads, reported together so the editor can mark them all at once.
      refuseInvalidFields([...featuredProblems(items), ...(await repository.problems(items, now))])
      return editOutcome(await repository.replace(items, request.body.version, staffOf(request).staff, now), { subject: '首页推荐', now })
    }
  )
}
