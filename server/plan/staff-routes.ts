/**
 * The plan editor's API: the 十四五 record and 十五五 plan page, read and saved as one document. Its figures are the
 * ones 首页 shows too, so a correction reaches both on the next request.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { planProblems } from '@/domain'
import { requireStaff, staffOf } from '../core/auth/plugin'
import { refuseInvalidFields } from '../core/errors'
import { NoQuery } from '../core/schemas/params'
import { editErrorResponses } from '../core/versioned/schema'
import { PlanUpdateSchema, StaffPlanSchema } from './schema'
import { editOutcome } from '../core/versioned/http'

export const staffPlanRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', requireStaff('editor'))
  const repository = app.repositories.plan

  app.get('/plan', { schema: { querystring: NoQuery, response: { 200: StaffPlanSchema, ...editErrorResponses } } }, async () => repository.get())

  app.put('/plan', { schema: { querystring: NoQuery, body: PlanUpdateSchema, response: { 200: StaffPlanSchema, ...editErrorResponses } } }, async (request) => {
    const { plan, version } = request.body
    refuseInvalidFields(planProblems(plan))
    const now = app.now()
    return editOutcome(await repository.update(plan, version, staffOf(request).staff, now), { subject: '规划页', now })
  })
}
