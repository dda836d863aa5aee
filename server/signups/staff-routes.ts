/**
 * 经办 (and 管理员) staff and an event's sign-ups — 编辑 never see them (requireStaff('handler'); hasRole lets admin in):
 * - GET  /api/staff/events/:type/:id/signups       counts per state, the list in queue order, phones masked
 * - GET  /api/staff/events/:type/:id/signups.csv   the export, phones in full (audited)
 * - GET  /api/staff/events/:type/:id/check-in      the 签到 screen: the 6-digit code of this 30 s, the QR page, counts
 * - POST /api/staff/signups/:id/review             { approve, reason?, version } on the versioned write path
 * - POST /api/staff/signups/:id/reveal-phone       one full number (audited)
 * - POST /api/staff/signups/:id/check-in           by hand (audited)
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { reviewProblems } from '@/domain'
import { requireStaff, staffOf } from '../core/auth/plugin'
import { HttpError, notFound, refuseInvalidFields } from '../core/errors'
import { IdParams, NoQuery } from '../core/schemas/params'
import { editOutcome } from '../core/versioned/http'
import { editErrorResponses } from '../core/versioned/schema'
import { signupsCsv } from './csv'
import { EVENT_NOT_FOUND_MESSAGE, SIGNUP_NOT_FOUND_MESSAGE } from './routes'
import { CheckInScreenSchema, EventParams, ReviewRequestSchema, RevealedPhoneSchema, StaffEventSignupsSchema, StaffSignupSchema } from './schema'

export const staffSignupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', requireStaff('handler'))
  const repository = app.repositories.staffSignups

  app.get(
    '/events/:type/:id/signups',
    { schema: { params: EventParams, querystring: NoQuery, response: { 200: StaffEventSignupsSchema, ...editErrorResponses } } },
    async (request) => {
      const list = await repository.eventSignups(request.params.type, request.params.id)
      if (!list) throw notFound(EVENT_NOT_FOUND_MESSAGE)
      return list
    }
  )

  app.get(
    '/events/:type/:id/signups.csv',
    { schema: { params: EventParams, querystring: NoQuery, response: { 200: Type.String({ description: 'CSV（UTF-8）' }), ...editErrorResponses } } },
    async (request, reply) => {
      const exported = await repository.exportRows(request.params.type, request.params.id, staffOf(request).staff, app.now())
      if (!exported) throw notFound(EVENT_NOT_FOUND_MESSAGE)
      const { filename, body } = signupsCsv(exported.event, exported.rows)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="signups.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(body)
    }
  )

  app.get(
    '/events/:type/:id/check-in',
    { schema: { params: EventParams, querystring: NoQuery, response: { 200: CheckInScreenSchema, ...editErrorResponses } } },
    async (request) => {
      const screen = await repository.checkInScreen(request.params.type, request.params.id, app.now())
      if (!screen) throw notFound(EVENT_NOT_FOUND_MESSAGE)
      return screen
    }
  )

  app.post(
    '/signups/:id/review',
    { schema: { params: IdParams, querystring: NoQuery, body: ReviewRequestSchema, response: { 200: StaffSignupSchema, ...editErrorResponses } } },
    async (request) => {
      refuseInvalidFields(reviewProblems(request.body))
      const now = app.now()
      const reviewed = editOutcome(await repository.review(request.params.id, request.body, staffOf(request).staff, now), {
        subject: '该报名',
        notFoundMessage: SIGNUP_NOT_FOUND_MESSAGE,
        now
      })
      return (await repository.staffSignup(reviewed.id))!
    }
  )

  app.post(
    '/signups/:id/reveal-phone',
    { schema: { params: IdParams, querystring: NoQuery, response: { 200: RevealedPhoneSchema, ...editErrorResponses } } },
    async (request) => {
      const phone = await repository.revealPhone(request.params.id, staffOf(request).staff, app.now())
      if (phone === undefined) throw notFound(SIGNUP_NOT_FOUND_MESSAGE)
      return { phone }
    }
  )

  app.post(
    '/signups/:id/check-in',
    { schema: { params: IdParams, querystring: NoQuery, response: { 200: StaffSignupSchema, ...editErrorResponses } } },
    async (request) => {
      const result = await repository.checkInByHand(request.params.id, staffOf(request).staff, app.now())
      if (result.status === 'not-found') throw notFound(SIGNUP_NOT_FOUND_MESSAGE)
      if (result.status === 'refused') throw new HttpError(result.refusal.status, result.refusal.code, result.refusal.message)
      return result.signup
    }
  )
}
