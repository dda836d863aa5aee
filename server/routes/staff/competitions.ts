/** Placeholder: filled in by the staff issue's work on this area. */
import type { FastifyInstance } from 'fastify'

export async function staffCompetitionsRoutes(_app: FastifyInstance): Promise<void> {}
