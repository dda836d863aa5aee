/**
 * The HTTP reference, generated from the routes' TypeBox schemas by @fastify/swagger (OpenAPI 3): every route with
 * its parameters, bodies and answers, at GET /api/docs/json. Only when the API_DOCS setting is on (by default in
 * development, never in production): it tells a stranger every staff route's shape.
 *
 * Registered before the routes, since @fastify/swagger collects each route as it is declared.
 */
import fastifySwagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'

export const API_DOCS_PATH = '/api/docs/json'

/** Called on the root app (not registered as a child plugin): its route hook must see every route of the app. */
export function installApiDocs(app: FastifyInstance): void {
  app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '密云工会 API', version: '1' },
      components: { securitySchemes: { staffSession: { type: 'http', scheme: 'bearer' } } }
    }
  })
  app.get(API_DOCS_PATH, { schema: { hide: true } }, async () => app.swagger())
}
