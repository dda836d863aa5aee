/**
 * The one request client. Every API call goes through here.
 *
 * - The base URL is fixed at build time (API_BASE_URL, see config/api-base-url.ts).
 * - A failure always rejects with an ApiError that says, in Chinese, what failed. Nothing is swallowed.
 * - Successful GETs are kept on the device. When the network or the server is down, the last copy is returned
 *   marked `offline`; on a very first start with no network, a page may pass `bundled` content shipped with the app.
 * - A kept copy's ETag is sent back (If-None-Match) so an unchanged answer costs a 304 with no body on weak networks.
 */
import Taro from '@tarojs/taro'
import { mediaPath } from '../domain/media'
import { queryString, type QueryValue } from '../routes'
import { readCache, writeCache } from './cache'

export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'invalid'

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly status?: number
  readonly code?: string
  /**
   * The rest of the server's error body: `field` and `problems` of a 400, `current` of a 409 (FieldErrorBody in
   * domain/validation.ts, ConflictErrorBody in domain/content.ts).
   */
  readonly details: Record<string, unknown>

  constructor(kind: ApiErrorKind, message: string, status?: number, code?: string, details: Record<string, unknown> = {}) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    this.status = status
    this.code = code
    this.details = details
  }

  /** A 404: the thing asked for does not exist (or no longer does). Not worth retrying. */
  get notFound(): boolean {
    return this.status === 404
  }

  /** A 4xx: the server's real answer (not found, bad request), which no kept copy may stand in for. */
  get serversAnswer(): boolean {
    return this.kind === 'http' && this.status !== undefined && this.status < 500
  }
}

/**
 * What a page shows for a link that cannot name anything (no id, a malformed one): the same as a 404, without
 * asking the server, so the worker gets 「未找到」 and a way back instead of an error that no retry can fix.
 */
export function notFoundError(message: string): ApiError {
  return new ApiError('http', message, 404)
}

export type ContentSource = 'network' | 'cache' | 'bundled'

export interface Loaded<T> {
  data: T
  /** True when this is not a fresh answer from the server (kept copy or bundled content). */
  offline: boolean
  source: ContentSource
  /** When the kept copy was saved (ms since epoch); absent for network and bundled content. */
  savedAt?: number
}

export type Query = Record<string, QueryValue>

export interface GetOptions<T> {
  query?: Query
  /**
   * Content shipped with the app, used when the network fails and nothing was kept yet (src/api/offline-content.ts:
   * on H5 a chunk fetched only then).
   */
  bundled?: () => T | Promise<T>
}

export const REQUEST_TIMEOUT_MS = 10_000
/**
 * With a kept copy on the phone, a weak network is given less time before the copy is shown (marked offline):
 * a worker reads something in 5 s rather than watching a spinner for 10.
 */
export const REQUEST_TIMEOUT_WITH_COPY_MS = 5_000

export function apiUrl(path: string, query: Query = {}): string {
  return `${API_BASE_URL}${path}${queryString(query)}`
}

/**
 * Absolute address of a media file the API returned as a path (e.g. "/media/x.svg"). For an uploaded photo, the
 * stored width that fits `displayWidth` CSS px (default: full phone width).
 */
export function mediaUrl(src: string | undefined | null, displayWidth = 375): string | undefined {
  if (!src) return undefined
  return `${/^https?:\/\//.test(src) ? '' : API_BASE_URL}${mediaPath(src, displayWidth)}`
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name)
  return key ? headers[key] : undefined
}

export function errorMessageOf(body: unknown): { code?: string; message?: string } {
  if (body && typeof body === 'object' && 'error' in body) {
    const error = (body as { error?: { code?: unknown; message?: unknown } }).error
    return {
      code: typeof error?.code === 'string' ? error.code : undefined,
      message: typeof error?.message === 'string' ? error.message : undefined
    }
  }
  return {}
}

export function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    throw new ApiError('invalid', '服务器返回的内容无法识别，请稍后重试')
  }
}

async function send(url: string, etag: string | undefined, timeout: number) {
  try {
    return await Taro.request({
      url,
      method: 'GET',
      timeout,
      dataType: '其他',
      responseType: 'text',
      header: etag ? { 'If-None-Match': etag } : {}
    })
  } catch (cause) {
    const text = String((cause as { errMsg?: string })?.errMsg ?? cause)
    if (/timeout|超时|abort/i.test(text)) throw new ApiError('timeout', '网络较慢，请求超时，请稍后重试')
    throw new ApiError('network', '网络连接失败，请检查网络后重试')
  }
}

/**
 * GET a JSON resource. Resolves with fresh data, or — when the network or server fails — with the kept copy
 * or bundled content marked offline. Rejects with ApiError when there is nothing to show.
 */
export async function get<T>(path: string, options: GetOptions<T> = {}): Promise<Loaded<T>> {
  const url = apiUrl(path, options.query)
  const kept = readCache<T>(url)
  let failure: ApiError
  try {
    const response = await send(url, kept?.etag, kept ? REQUEST_TIMEOUT_WITH_COPY_MS : REQUEST_TIMEOUT_MS)
    if (response.statusCode === 304 && kept) {
      return { data: kept.data, offline: false, source: 'network' }
    }
    if (response.statusCode >= 200 && response.statusCode < 300) {
      const data = parseBody(response.data) as T
      writeCache(url, data, headerValue(response.header, 'etag'))
      return { data, offline: false, source: 'network' }
    }
    const { code, message } = errorMessageOf(safeParse(response.data))
    const error = new ApiError('http', message ?? `服务器暂时无法响应（${response.statusCode}），请稍后重试`, response.statusCode, code)
    // A 4xx is the server's real answer: showing stale content would hide it.
    if (error.serversAnswer) throw error
    failure = error
  } catch (error) {
    if (!(error instanceof ApiError) || error.kind === 'http' || error.kind === 'invalid') throw error
    failure = error
  }
  if (kept) return { data: kept.data, offline: true, source: 'cache', savedAt: kept.savedAt }
  if (options.bundled) {
    try {
      return { data: await options.bundled(), offline: true, source: 'bundled' }
    } catch {
      // H5 fetches the shipped content only now; with no network that fails too, and the worker is told why.
      throw failure
    }
  }
  throw failure
}

/**
 * Answers that came inside the page (H5: the server drew the first screen from them, server/core/http/first-screen.ts):
 * kept like any answer, and fresh — shown without asking the server again — for a minute after the page arrived.
 */
const received = new Map<string, { data: unknown; at: number }>()
export const RECEIVED_FRESH_MS = 60_000

export function receiveAnswer(path: string, data: unknown, etag?: string): void {
  const url = apiUrl(path)
  writeCache(url, data, etag)
  received.set(url, { data, at: Date.now() })
}

export interface Peeked<T> {
  loaded: Loaded<T>
  /** The server's answer that came with the page: nothing to ask. Otherwise a kept copy, to refresh. */
  fresh: boolean
}

/**
 * What the phone already has for a GET, without waiting for the network: an answer that came with the page, or the
 * kept copy (shown at once while the page asks for a newer one; marked offline only if that fails).
 */
export function peek<T>(path: string, options: { query?: Query } = {}): Peeked<T> | undefined {
  const url = apiUrl(path, options.query)
  // Only the H5 page brings answers with it: the constant lets the mini-program's build leave the map out.
  const came = process.env.TARO_ENV === 'h5' ? received.get(url) : undefined
  if (came && Date.now() - came.at < RECEIVED_FRESH_MS) return { loaded: { data: came.data as T, offline: false, source: 'network' }, fresh: true }
  const kept = readCache<T>(url)
  return kept ? { loaded: { data: kept.data, offline: false, source: 'cache', savedAt: kept.savedAt }, fresh: false } : undefined
}

export function safeParse(data: unknown): unknown {
  try {
    return parseBody(data)
  } catch {
    return undefined
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface SendOptions {
  body?: unknown
  query?: Query
  /** Sent as `Authorization: Bearer …`, never in the URL. */
  token?: string
  timeout: number
  /** What a failure to reach the server means, e.g. 「内容未保存到服务器」: said in the message. */
  unsent: string
}

/** A failed request (network, timeout) as an ApiError saying what did not happen. */
export function failureOf(cause: unknown, unsent: string): ApiError {
  const text = String((cause as { errMsg?: string })?.errMsg ?? cause)
  if (/timeout|超时|abort/i.test(text)) return new ApiError('timeout', `网络较慢，请求超时，${unsent}，请稍后重试`)
  return new ApiError('network', `网络连接失败，${unsent}，请检查网络后重试`)
}

/** The server's refusal as an ApiError carrying the rest of its error body (field, problems …) in `details`. */
export function errorFromResponse(statusCode: number, data: unknown): ApiError {
  const body = safeParse(data)
  const { code, message } = errorMessageOf(body)
  const details = (body as { error?: Record<string, unknown> } | undefined)?.error ?? {}
  return new ApiError('http', message ?? `服务器暂时无法响应（${statusCode}），请稍后重试`, statusCode, code, details)
}

/**
 * A request that acts (staff edits, a worker's sign-up): JSON in and out, nothing kept on the device — the answer must
 * be the server's current one. Rejects with an ApiError whose message can be shown as it is.
 */
export async function sendJson<T>(method: Method, path: string, options: SendOptions): Promise<T> {
  const { body, token, query = {}, timeout, unsent } = options
  let response: Awaited<ReturnType<typeof Taro.request>>
  try {
    response = await Taro.request({
      url: apiUrl(path, query),
      method,
      timeout,
      dataType: '其他',
      responseType: 'text',
      header: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {})
      },
      ...(body === undefined ? {} : { data: JSON.stringify(body) })
    })
  } catch (cause) {
    throw failureOf(cause, unsent)
  }
  if (response.statusCode < 200 || response.statusCode >= 300) throw errorFromResponse(response.statusCode, response.data)
  if (response.statusCode === 204 || response.data === '' || response.data === undefined) return undefined as T
  const parsed = safeParse(response.data)
  if (parsed === undefined) throw new ApiError('invalid', '服务器返回的内容无法识别，请稍后重试')
  return parsed as T
}
