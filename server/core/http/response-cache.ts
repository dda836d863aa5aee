/**
 * Whole answers, serialized once and kept until the content or the clock could change them.
 *
 * Content is read far more often than it is written: 100 000 workers open 首页 and the news list; staff edit a few
 * times a day. So a GET route answers from a copy of its serialized body (and ETag) while
 * - the database's content revision is the one the copy was made under (triggers move it on every write, see
 *   migration 0002), and
 * - the clock has not reached the next instant a date rule flips (an article's publication, a competition's status).
 * Checking costs one primary-key read per request, so a change made through another API instance or straight in the
 * database shows on the very next request.
 *
 * Only 200 answers are kept: a thrown 404 or 400 goes to the error handler as usual.
 */
import { gzipSync } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ContentVersionRepository } from '../db/content-version'
import { etagOf } from './http-cache'

interface Entry {
  body: string
  etag: string
  /** The gzip copy, made once on the first request that accepts it (WeChat and every browser do). */
  gzip?: { body: Buffer; etag: string }
}

/** Smaller answers are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_FROM_BYTES = 1024

/** Whether the client takes gzip: listed (or `*`) in Accept-Encoding and not refused with q=0. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '')
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';')
    if (coding !== 'gzip' && coding !== '*') return false
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })
}

interface Generation {
  revision: number
  /** Epoch ms; the copies are stale from this instant on. */
  validUntil: number
  entries: Map<string, Entry>
}

/** Keyword searches make the key space open-ended; the oldest copies go first. */
export const MAX_CACHED_ANSWERS = 1000

export function createResponseCache(contentVersion: ContentVersionRepository, now: () => Date) {
  let generation: Generation = { revision: Number.NaN, validUntil: -Infinity, entries: new Map() }

  async function currentGeneration(at: Date): Promise<Generation> {
    const revision = await contentVersion.revision()
    if (revision === generation.revision && at.getTime() < generation.validUntil) return generation
    const validUntil = await contentVersion.nextChangeAfter(at)
    generation = { revision, validUntil, entries: new Map() }
    return generation
  }

  /** Route + validated params and query: `?page=01` and `?page=1` share one copy. */
  function keyOf(request: FastifyRequest): string {
    return `${request.routeOptions.url}|${JSON.stringify(request.params)}|${JSON.stringify(request.query)}`
  }

  return {
    /**
     * Sends the copy, or runs `produce` and keeps what it returns, serialized by the route's response schema.
     * The handler returns what this returns (the reply, already sent).
     */
    async answer(request: FastifyRequest, reply: FastifyReply, produce: () => Promise<unknown>): Promise<FastifyReply> {
      const current = await currentGeneration(now())
      const key = keyOf(request)
      let entry = current.entries.get(key)
      if (entry) {
        // Map order is insertion order: re-inserting marks the entry as recently used.
        current.entries.delete(key)
        current.entries.set(key, entry)
      } else {
        const body = String(reply.serialize(await produce()))
        entry = { body, etag: etagOf(body) }
        // A write may have moved the revision while this answer was produced; it then belongs to no generation.
        if (current === generation) {
          current.entries.set(key, entry)
          const oldest = current.entries.keys().next().value
          if (current.entries.size > MAX_CACHED_ANSWERS && oldest !== undefined) current.entries.delete(oldest)
        }
      }
      reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding')
      if (entry.body.length >= COMPRESS_FROM_BYTES && acceptsGzip(request.headers['accept-encoding'])) {
        // Compressing every answer again cost 5× the throughput; the copy is compressed once per generation.
        // Its own ETag: the gzip bytes are a different representation from the plain JSON (RFC 9110 §8.8.3).
        entry.gzip ??= { body: gzipSync(entry.body), etag: entry.etag.replace(/"$/, '-gz"') }
        return reply.header('content-encoding', 'gzip').header('etag', entry.gzip.etag).send(entry.gzip.body)
      }
      // A string with a JSON content type is sent as it is, not serialized again.
      return reply.header('etag', entry.etag).send(entry.body)
    }
  }
}

export type ResponseCache = ReturnType<typeof createResponseCache>
