/**
 * Sign-ups for competitions and activities, one mechanism for both: a worker's own (/api/me/signups…), an event's
 * places (/api/events/:type/:id/availability), and 经办 staff's lists, reviews, exports and check-in
 * (/api/staff/events…, /api/staff/signups…).
 */
import type { FastifyInstance } from 'fastify'
import { signupRoutes } from './routes'
import { staffSignupRoutes } from './staff-routes'

export async function signups(api: FastifyInstance): Promise<void> {
  await api.register(signupRoutes)
  await api.register(staffSignupRoutes, { prefix: '/staff' })
}
