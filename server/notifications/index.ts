/**
 * Subscribe messages, the worker's side (the sending is core's outbox, server/core/outbox):
 * - GET /api/notifications/templates — public: the template ids a sign-up form asks the worker to allow on the submit
 *   tap (WeChat wants requestSubscribeMessage called in the tap itself, so the page reads them when it opens). An
 *   empty list when WECHAT_TEMPLATE_* are unset: the form then asks nothing.
 * - POST /api/me/subscriptions { accepted } — requireWorker: what the worker allowed; each known id is one more grant
 *   (server/core/outbox/grants.ts). Unknown ids are ignored, not refused (an old app version, a replaced template).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SUBSCRIBE_TEMPLATES, type SubscribeTemplate } from '@/domain'
import { requireWorker, workerOf } from '../core/auth/worker'
import { recordGrants } from '../core/outbox/grants'
import { errorResponses, NoQuery } from '../core/schemas/params'
import { workerErrorResponses } from '../workers/schema'
import { SubscribeTemplateIdsSchema, SubscriptionsRequestSchema, SubscriptionsResponseSchema } from './schema'

export interface NotificationOptions {
  /** config.wechat.templates */
  templates: Partial<Record<SubscribeTemplate, string>>
}

export const notifications: FastifyPluginAsyncTypebox<NotificationOptions> = async (app, { templates }) => {
  const templateIds = SUBSCRIBE_TEMPLATES.map((template) => templates[template]).filter((id): id is string => Boolean(id))

  app.get(
    '/notifications/templates',
    { schema: { querystring: NoQuery, response: { 200: SubscribeTemplateIdsSchema, ...errorResponses } } },
    async (_request, reply) => {
      // Configuration, not content: it changes only with a restart.
      reply.header('cache-control', 'no-cache')
      return { templateIds }
    }
  )

  app.post(
    '/me/subscriptions',
    {
      onRequest: requireWorker(),
      schema: { querystring: NoQuery, body: SubscriptionsRequestSchema, response: { 200: SubscriptionsResponseSchema, ...workerErrorResponses } }
    },
    async (request) => ({ counted: await recordGrants(app.db, workerOf(request).workerId, request.body.accepted, templateIds, app.now()) })
  )
}
