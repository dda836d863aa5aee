/**
 * The news editor's API: list and read every article whatever its status, create drafts, save, publish (now or at a
 * set time) and withdraw. Bodies pass the TypeBox shape first, then the shared rules (newsInputProblems), so the
 * messages are the ones the editor page shows when it checks before sending.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { newsInputProblems, publishTimeProblem, type NewsInput } from '@/domain'
import { requireStaff, staffOf } from '../core/auth/plugin'
import { editOutcome } from '../core/versioned/http'
import { invalidFields, notFound } from '../core/errors'
import { PageSchema } from '../core/schemas/common'
import { IdParams, NoQuery } from '../core/schemas/params'
import { VersionOnlySchema, editErrorResponses } from '../core/versioned/schema'
import {
  NewsInputSchema,
  NewsUpdateSchema,
  PublishRequestSchema,
  StaffNewsArticleSchema,
  StaffNewsListQuery,
  StaffNewsSummarySchema
} from './schema'

export const NEWS_NOT_FOUND_MESSAGE = '未找到该动态'

function checkInput(input: NewsInput): void {
  const problems = newsInputProblems(input)
  if (problems.length > 0) throw invalidFields(problems)
}

/**
 * The longest article the validators allow (100 blocks of up to 5000 characters, 3 bytes each in UTF-8, plus JSON)
 * is about 1.6 MB: above Fastify's 1 MiB default, so the body limit of the two saving routes is raised.
 */
export const NEWS_BODY_LIMIT = 4 * 1024 * 1024

export const staffNewsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // onRequest: a caller without a session is turned away before any body is read.
  app.addHook('onRequest', requireStaff('editor'))
  const repository = app.repositories.staffNews
  const outcome = { subject: '该动态', notFoundMessage: NEWS_NOT_FOUND_MESSAGE }

  app.get(
    '/news',
    { schema: { querystring: StaffNewsListQuery, response: { 200: PageSchema(StaffNewsSummarySchema), ...editErrorResponses } } },
    async (request) => repository.list({ page: request.query.page ?? 1, status: request.query.status })
  )

  app.get(
    '/news/:id',
    { schema: { params: IdParams, querystring: NoQuery, response: { 200: StaffNewsArticleSchema, ...editErrorResponses } } },
    async (request) => {
      const article = await repository.find(request.params.id)
      if (!article) throw notFound(NEWS_NOT_FOUND_MESSAGE)
      return article
    }
  )

  app.post(
    '/news',
    { bodyLimit: NEWS_BODY_LIMIT, schema: { querystring: NoQuery, body: NewsInputSchema, response: { 201: StaffNewsArticleSchema, ...editErrorResponses } } },
    async (request, reply) => {
      checkInput(request.body)
      const article = await repository.create(request.body, staffOf(request).staff, app.now())
      return reply.code(201).send(article)
    }
  )

  app.put(
    '/news/:id',
    { bodyLimit: NEWS_BODY_LIMIT, schema: { params: IdParams, querystring: NoQuery, body: NewsUpdateSchema, response: { 200: StaffNewsArticleSchema, ...editErrorResponses } } },
    async (request) => {
      const { version, ...input } = request.body
      checkInput(input)
      const now = app.now()
      return editOutcome(await repository.update(request.params.id, input, version, staffOf(request).staff, now), { ...outcome, now })
    }
  )

  app.post(
    '/news/:id/publish',
    { schema: { params: IdParams, querystring: NoQuery, body: PublishRequestSchema, response: { 200: StaffNewsArticleSchema, ...editErrorResponses } } },
    async (request) => {
      const { version, at } = request.body
      const problem = publishTimeProblem(at)
      if (problem) throw invalidFields([{ field: 'at', message: problem }])
      const now = app.now()
      return editOutcome(await repository.publish(request.params.id, at, version, staffOf(request).staff, now), { ...outcome, now })
    }
  )

  app.post(
    '/news/:id/unpublish',
    { schema: { params: IdParams, querystring: NoQuery, body: VersionOnlySchema, response: { 200: StaffNewsArticleSchema, ...editErrorResponses } } },
    async (request) => {
      const now = app.now()
      return editOutcome(await repository.unpublish(request.params.id, request.body.version, staffOf(request).staff, now), { ...outcome, now })
    }
  )
}
