/**
 * PostgreSQL refuses the NUL character in text (SQLite stores it), so a `\u0000` in any query or body field would
 * fail deep in the database as a 500 on one backend and be stored on the other. Refused here, once, for every API
 * route, as a 400 naming the field.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from '../errors'

const MAX_DEPTH = 12

function nulPath(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return undefined
  for (const [key, child] of Object.entries(value)) {
    const found = nulPath(child, path ? `${path}.${key}` : key, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}

async function refuseNul(request: FastifyRequest): Promise<void> {
  const field = nulPath(request.query, '', 0) ?? nulPath(request.body, '', 0) ?? nulPath(request.params, '', 0)
  if (field !== undefined) throw new HttpError(400, 'INVALID_FIELD', `参数 ${field || '（请求内容）'} 含有无法识别的字符`, { field })
}

/** Call inside the /api context. preValidation: after the body is parsed, before the schema check and the handler. */
export function installNulGuard(api: FastifyInstance): void {
  api.addHook('preValidation', refuseNul)
}
