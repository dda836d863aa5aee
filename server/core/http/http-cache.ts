/**
 * Revalidation for every API answer: `Cache-Control: no-cache` (a client may keep a copy but asks each time, so a
 * staff edit shows at once) plus a strong ETag, the hash of the body. A client sending the ETag back in
 * If-None-Match gets 304 with no body: on a weak mobile network an unchanged list costs a few hundred bytes.
 *
 * The ETag is the hash of the JSON before content-coding; @fastify/compress may then gzip it and adds
 * `Vary: Accept-Encoding`, so a shared cache never hands a compressed body to a client that cannot read it.
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): a W/ prefix does not stop a match. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((candidate) => {
    const tag = candidate.trim()
    return (tag.startsWith('W/') ? tag.slice(2) : tag) === etag
  })
}

/** Callback style, not async: it runs on every API answer, and this way costs no promise. */
function revalidate(request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: Error | null, payload?: unknown) => void): void {
  // Staff answers (requireStaff) are never stored anywhere, so they get no ETag either.
  if (reply.getHeader('cache-control') === 'no-store') return done(null, payload)
  reply.header('cache-control', 'no-cache')
  if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return done(null, payload)
  // An answer from the response cache carries the ETag computed when it was cached.
  const etag = (reply.getHeader('etag') as string | undefined) ?? etagOf(payload)
  reply.header('etag', etag)
  if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
    // No body, so nothing describing one: a 304 with `Content-Length: 0` could make a cache store an empty body.
    reply.code(304).removeHeader('content-type').removeHeader('content-encoding')
    return done(null, null)
  }
  done(null, payload)
}

/** Call inside the encapsulated /api context: static files have their own caching rules. */
export function installHttpCache(api: FastifyInstance): void {
  api.addHook('onSend', revalidate)
}
