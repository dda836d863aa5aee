/**
 * A worker's sign-ups (requireWorker; what they typed goes in bodies, never in URLs):
 * - POST /api/me/signups — 201 a new sign-up, 200 the one the worker already has (a second attempt, or a retry
 *   of the same submit: `existing: true`); 403 CONSENT_REQUIRED, 400 INVALID_FIELD naming the field, 404 no such
 *   event, 409 a rule's refusal (SIGNUP_REFUSALS).
 * - GET /api/me/signups — 我的报名 (reading it clears the 「有变化」 marks).
 * - POST /api/me/signups/:id/cancel, POST /api/me/signups/:id/check-in { code }.
 * Another worker's sign-up id answers 404, as one that does not exist.
 * - GET /api/events/:type/:id/availability — public: places change with every sign-up, so it is never cached.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { requireWorker, workerOf } from '../core/auth/worker'
import { HttpError, invalidFields, notFound } from '../core/errors'
import { IdParams, NoQuery, errorResponses } from '../core/schemas/params'
import { requireCurrentConsent } from '../workers/repository'
import { workerErrorResponses } from '../workers/schema'
import type { ChangeResult } from './repository'
import {
  CheckInRequestSchema,
  EventAvailabilitySchema,
  EventParams,
  MySignupSchema,
  SignupChangeSchema,
  SignupRequestSchema,
  SignupResponseSchema
} from './schema'

export const SIGNUP_NOT_FOUND_MESSAGE = '未找到该报名'
export const EVENT_NOT_FOUND_MESSAGE = '未找到该活动或竞赛'

function changeOutcome(result: ChangeResult) {
  if (result.status === 'not-found') throw notFound(SIGNUP_NOT_FOUND_MESSAGE)
  if (result.status === 'refused') throw new HttpError(result.refusal.status, result.refusal.code, result.refusal.message)
  return { signup: result.signup, availability: result.availability }
}

export const signupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const signups = app.repositories.signups

  app.get(
    '/events/:type/:id/availability',
    { schema: { params: EventParams, querystring: NoQuery, response: { 200: EventAvailabilitySchema, ...errorResponses } } },
    async (request) => {
      const availability = await signups.availability(request.params.type, request.params.id)
      if (!availability) throw notFound(EVENT_NOT_FOUND_MESSAGE)
      return availability
    }
  )

  const worker = requireWorker()
  app.post(
    '/me/signups',
    {
      onRequest: worker,
      schema: { querystring: NoQuery, body: SignupRequestSchema, response: { 200: SignupResponseSchema, 201: SignupResponseSchema, ...workerErrorResponses } }
    },
    async (request, reply) => {
      const { workerId } = workerOf(request)
      await requireCurrentConsent(app.db, workerId)
      const result = await signups.signUp(workerId, request.body, app.now())
      switch (result.status) {
        case 'not-found':
          throw notFound(EVENT_NOT_FOUND_MESSAGE)
        case 'invalid':
          throw invalidFields(result.problems)
        case 'refused':
          throw new HttpError(result.refusal.status, result.refusal.code, result.refusal.message)
        default:
          reply.code(result.status === 'created' ? 201 : 200)
          return { signup: result.signup, existing: result.status === 'existing', availability: result.availability }
      }
    }
  )

  app.get(
    '/me/signups',
    { onRequest: worker, schema: { querystring: NoQuery, response: { 200: Type.Array(MySignupSchema), ...workerErrorResponses } } },
    async (request) => signups.mine(workerOf(request).workerId, app.now())
  )

  app.post(
    '/me/signups/:id/cancel',
    { onRequest: worker, schema: { params: IdParams, querystring: NoQuery, response: { 200: SignupChangeSchema, ...workerErrorResponses } } },
    async (request) => changeOutcome(await signups.cancel(workerOf(request).workerId, request.params.id, app.now()))
  )

  app.post(
    '/me/signups/:id/check-in',
    {
      onRequest: worker,
      schema: { params: IdParams, querystring: NoQuery, body: CheckInRequestSchema, response: { 200: SignupChangeSchema, ...workerErrorResponses } }
    },
    async (request) => changeOutcome(await signups.checkIn(workerOf(request).workerId, request.params.id, request.body.code, app.now()))
  )
}
