/**
 * An API answer as a client gets it, from inside the server: for a page the server draws from the very answer the
 * app would ask for (first-screen.ts). Through the route itself (app.inject), so its response cache, schema and ETag
 * are the ones the app's own request would meet.
 */
import { gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import type { FirstScreenAnswer } from './first-screen'

/** The route's 200 answer for `url`, or undefined for anything else (404, 400 …: the app then asks and says why). */
export async function apiAnswer(app: FastifyInstance, url: string): Promise<FirstScreenAnswer | undefined> {
  // Asked as a phone asks (every browser and WeChat take gzip): a large answer's ETag is its gzip copy's
  // (response-cache.ts), and that is the tag the app's refresh must send back to be answered 304.
  const response = await app.inject({ method: 'GET', url, headers: { accept: 'application/json', 'accept-encoding': 'gzip' } })
  if (response.statusCode !== 200) return undefined
  const etag = response.headers.etag
  const body = response.headers['content-encoding'] === 'gzip' ? gunzipSync(response.rawPayload).toString('utf8') : response.body
  return { url, etag: typeof etag === 'string' ? etag : undefined, body }
}
