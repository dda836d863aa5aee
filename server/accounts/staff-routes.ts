/**
 * Staff accounts, for administrators (docs/staff-api.md). The rules live in server/accounts/accounts.ts, shared with
 * `npm run staff`, so an account made on the command line and one made here are held to the same policy.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { changeAccount, createAccount, resetPassword } from './accounts'
import { staffAccountFromRow } from './repository'
import { requireStaff, staffOf } from '../core/auth/plugin'
import { NoQuery } from '../core/schemas/params'
import {
  AccountChangeRequestSchema,
  AccountIdParams,
  NewAccountRequestSchema,
  NoContent,
  PasswordResetRequestSchema,
  StaffAccountSchema,
  staffErrorResponses
} from './schema'

export const staffAccountsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const adminOnly = requireStaff('admin')
  const actorOf = (request: Parameters<typeof staffOf>[0]) => staffOf(request).staff

  app.get(
    '/accounts',
    { onRequest: adminOnly, schema: { querystring: NoQuery, response: { 200: Type.Array(StaffAccountSchema), ...staffErrorResponses } } },
    async () => (await app.repositories.staff.list()).map(staffAccountFromRow)
  )

  app.post(
    '/accounts',
    {
      onRequest: adminOnly,
      schema: { querystring: NoQuery, body: NewAccountRequestSchema, response: { 201: StaffAccountSchema, ...staffErrorResponses } }
    },
    async (request, reply) => {
      const account = await createAccount(app.db, actorOf(request), request.body, app.now(), app.passwordCost)
      return reply.code(201).send(account)
    }
  )

  app.patch(
    '/accounts/:id',
    {
      onRequest: adminOnly,
      schema: {
        params: AccountIdParams,
        querystring: NoQuery,
        body: AccountChangeRequestSchema,
        response: { 200: StaffAccountSchema, ...staffErrorResponses }
      }
    },
    async (request) => changeAccount(app.db, actorOf(request), request.params.id, request.body, app.now())
  )

  app.put(
    '/accounts/:id/password',
    {
      onRequest: adminOnly,
      schema: {
        params: AccountIdParams,
        querystring: NoQuery,
        body: PasswordResetRequestSchema,
        response: { 204: NoContent, ...staffErrorResponses }
      }
    },
    async (request, reply) => {
      const session = staffOf(request)
      await resetPassword(app.db, session.staff, request.params.id, request.body.password, app.now(), session.tokenHash, app.passwordCost)
      return reply.code(204).send(null)
    }
  )
}
