import { sql } from 'kysely'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HealthSchema } from '../schemas/common'
import { NoQuery, errorResponses } from '../schemas/params'

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', { schema: { querystring: NoQuery, response: { 200: HealthSchema, ...errorResponses } } }, async () => {
    // Proves the database answers, not just that the process is up (a load balancer drops an instance on 5xx).
    await sql`select 1`.execute(app.db)
    return { ok: true as const }
  })
}
