/**
 * Worker identity: sign-in (WeChat code or H5 device secret), who am I, consent to the privacy notice, the kept form
 * answers, logout — /api/me…. Workers have no staff routes. The later parts (sign-ups, outbox) use the repository's
 * exports: hasCurrentConsent / requireCurrentConsent, savePrefill, openidOf.
 */
import type { FastifyInstance } from 'fastify'
import { workerRoutes } from './routes'

export { hasCurrentConsent, requireCurrentConsent, savePrefill } from './repository'

export async function workers(api: FastifyInstance): Promise<void> {
  await api.register(workerRoutes)
}
