/**
 * The logger of each request. A worker closing the app while a page or a poster is still downloading is normal; it
 * must not read as a server failure in the log. @fastify/compress logs a broken pipe at error level (it cannot know
 * why the stream broke), so an error-level line whose cause is the client leaving is written at info instead.
 * Every other error stays an error.
 */
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify'

type ChildLoggerFactory = NonNullable<FastifyServerOptions['childLoggerFactory']>

/** What a stream reports when the other end went away: Node's codes, and end-of-stream's bare message. */
const CLIENT_GONE_CODES = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_DESTROYED'])

export function isClientGone(value: unknown): boolean {
  const error = (value as { err?: unknown } | undefined)?.err ?? value
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  return (typeof code === 'string' && CLIENT_GONE_CODES.has(code)) || error.message === 'premature close'
}

export const clientGoneAwareLogger: ChildLoggerFactory = function (logger, bindings, options, rawRequest) {
  const child: FastifyBaseLogger = logger.child(bindings, options)
  const error = child.error.bind(child)
  const info = child.info.bind(child)
  child.error = ((first: unknown, ...rest: unknown[]) => {
    // Only while the request's connection is really gone: the same code from a database socket is a failure.
    if (isClientGone(first) && (rawRequest.destroyed || rawRequest.socket?.destroyed)) {
      const err = (first as { err?: Error }).err ?? (first as Error)
      return info({ code: (err as { code?: string }).code ?? 'premature close' }, '客户端在接收回应途中断开')
    }
    return (error as (...args: unknown[]) => void)(first, ...rest)
  }) as FastifyBaseLogger['error']
  return child
}
