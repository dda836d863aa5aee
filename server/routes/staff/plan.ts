/** Placeholder: filled in by the staff issue's work on this area. */
import type { FastifyInstance } from 'fastify'

export async function staffPlanRoutes(_app: FastifyInstance): Promise<void> {}
