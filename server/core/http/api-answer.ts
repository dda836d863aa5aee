/**
 * An API answer as a client gets it, from inside the server: for a page the server draws from the very answer the
 * app would ask for (first-screen.ts). Through the route itself (app.inject), so its response cache, schema and ETag
 * are the ones the app's own request would meet.
 */
import type { FastifyInstance } from 'fastify'
import type { FirstScreenAnswer } from './first-screen'

/** The route's 200 answer for `url`, or undefined for anything else (404, 400 …: the app then asks and says why). */
export async function apiAnswer(app: FastifyInstance, url: string): Promise<FirstScreenAnswer | undefined> {
  const response = await app.inject({ method: 'GET', url, headers: { accept: 'application/json' } })
  if (response.statusCode !== 200) return undefined
  const etag = response.headers.etag
  return { url, etag: typeof etag === 'string' ? etag : undefined, body: response.body }
}
