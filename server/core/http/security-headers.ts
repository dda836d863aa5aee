/**
 * Headers every answer carries. Browsers must not guess content types (a JSON or image URL is never run as a page),
 * other sites may not frame the H5 app, and links out do not carry the worker's page address with them.
 * Media files (SVG can hold script) are locked down further: they display, but run nothing.
 */
import type { FastifyInstance } from 'fastify'

const MEDIA_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff')
    reply.header('x-frame-options', 'SAMEORIGIN')
    reply.header('referrer-policy', 'strict-origin-when-cross-origin')
    if (request.url.startsWith('/media/')) reply.header('content-security-policy', MEDIA_POLICY)
    done(null, payload)
  })
}
