/** The audit log, for administrators: who changed what and when, newest first (docs/staff-api.md). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createAuditRepository } from './repository'
import { requireStaff } from '../core/auth/plugin'
import { staffErrorResponses } from '../accounts/schema'
import { AuditListQuery, AuditPageSchema } from './schema'

export const staffAuditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const audit = createAuditRepository(app.db)

  app.get(
    '/audit',
    { onRequest: requireStaff('admin'), schema: { querystring: AuditListQuery, response: { 200: AuditPageSchema, ...staffErrorResponses } } },
    async (request) => {
      const { page = 1, entity, entityId } = request.query
      return audit.list({ page, entity, entityId })
    }
  )
}
