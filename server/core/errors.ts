/**
 * One shape for every failure: `{ error: { code, message } }`, the message in Chinese and fit to show a worker.
 * - 400s name the parameter and what it should be (the text comes from the parameter's schema `description`).
 * - 404s say what was not found.
 * - 5xx never reveal internals; the real error goes to the log.
 */
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { MAX_REPORTED_PROBLEMS, type ApiErrorBody } from '@/domain'

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** More fields for the error body, e.g. the field a 400 is about or the current version in a 409. */
    readonly details: Record<string, unknown> = {}
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/**
 * A 400 for input that has the right shape but breaks a rule (too long, empty, dates in the wrong order): names the
 * first field in the message and lists every problem, so an editor can mark all of them at once.
 */
export function invalidFields(problems: { field: string; message: string }[]): HttpError {
  // Bounded here too: a route may add its own problems (a target that does not exist) to a validator's.
  const reported = problems.slice(0, MAX_REPORTED_PROBLEMS)
  return new HttpError(400, 'INVALID_FIELD', reported[0].message, { field: reported[0].field, problems: reported })
}

/** Throws invalidFields() when the rules found any problem; otherwise the input passes. */
export function refuseInvalidFields(problems: { field: string; message: string }[]): void {
  if (problems.length > 0) throw invalidFields(problems)
}

export function notFound(message: string): HttpError {
  return new HttpError(404, 'NOT_FOUND', message)
}

export const INTERNAL_ERROR_MESSAGE = '服务器开小差了，请稍后重试'

/**
 * Our code and message for each 4xx Fastify or one of its plugins raises itself (bad JSON, unsupported media type,
 * a 403 from the static file server…): their own codes (FST_ERR_…) are internals and never reach a client.
 */
const CLIENT_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求无效' },
  401: { code: 'UNAUTHENTICATED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '没有权限访问该内容' },
  404: { code: 'NOT_FOUND', message: '未找到请求的内容' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法' },
  406: { code: 'NOT_ACCEPTABLE', message: '无法提供请求的内容格式' },
  408: { code: 'REQUEST_TIMEOUT', message: '请求超时，请重试' },
  411: { code: 'LENGTH_REQUIRED', message: '请求缺少内容长度' },
  413: { code: 'BODY_TOO_LARGE', message: '请求内容过大' },
  414: { code: 'URL_TOO_LONG', message: '请求地址过长' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持该内容类型，请以 JSON 发送' },
  416: { code: 'RANGE_NOT_SATISFIABLE', message: '请求的范围无效' },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后重试' },
  431: { code: 'HEADERS_TOO_LARGE', message: '请求头过大' }
}

/** Fastify errors that say more than their status: what was wrong with the body, in words a caller can act on. */
const FRAMEWORK_ERRORS: Record<string, Problem> = {
  FST_ERR_BAD_URL: { statusCode: 400, code: 'BAD_URL', message: '请求地址格式无效' },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    statusCode: 400,
    code: 'INVALID_JSON',
    message: '请求内容不是有效的 JSON',
    details: { field: 'body' }
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    statusCode: 400,
    code: 'INVALID_JSON',
    message: '请求内容为空：内容类型为 JSON 时应带一个 JSON 对象',
    details: { field: 'body' }
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { statusCode: 400, code: 'BAD_REQUEST', message: '请求内容的长度与声明的不符' },
  FST_ERR_CTP_BODY_TOO_LARGE: { statusCode: 413, code: 'BODY_TOO_LARGE', message: '请求内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持该内容类型，请以 JSON 发送' }
}

/** Fastify's parser refuses these keys (prototype poisoning); the caller is told which, not 「不是有效的 JSON」. */
const FORBIDDEN_KEY_ERROR = new HttpError(400, 'INVALID_JSON', '请求内容不能含有 __proto__ 或 constructor.prototype 字段', {
  field: 'body'
})

export const BODY_NOT_OBJECT_MESSAGE = '请求内容应为 JSON 对象'

interface Problem {
  statusCode: number
  code: string
  message: string
  details?: Record<string, unknown>
}

/** Echoing a parameter name back must not turn a 10 000-character query into a 10 000-character message. */
function shortName(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name
}

type SchemaParts = Record<string, { properties?: Record<string, { description?: string }> } | undefined>

/** The parameter's schema `description`: what a valid value looks like, in Chinese. */
function expectationOf(request: FastifyRequest, part: string, name: string): string | undefined {
  const properties = (request.routeOptions.schema as SchemaParts | undefined)?.[part]?.properties
  return properties && Object.prototype.hasOwnProperty.call(properties, name) ? properties[name]?.description : undefined
}

/** "/plan/figures/0" → ["plan", "figures", "0"] (JSON pointer escapes undone). */
function pathOf(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function validationProblem(error: FastifyError, request: FastifyRequest): Problem {
  const [first] = error.validation ?? []
  const part = error.validationContext ?? 'querystring'
  const params = (first?.params ?? {}) as { additionalProperty?: unknown; missingProperty?: unknown }
  const path = pathOf(first?.instancePath ?? '')
  if (first?.keyword === 'additionalProperties') {
    const unknown = String(params.additionalProperty)
    const field = shortName([...path, unknown].join('.'))
    return { statusCode: 400, code: 'UNKNOWN_PARAMETER', message: `未知参数：${shortName(unknown)}`, details: { field } }
  }
  if (params.missingProperty !== undefined) path.push(String(params.missingProperty))
  if (path.length === 0) {
    return part === 'body'
      ? { statusCode: 400, code: 'INVALID_BODY', message: BODY_NOT_OBJECT_MESSAGE, details: { field: 'body' } }
      : { statusCode: 400, code: 'INVALID_PARAMETER', message: '请求参数无效' }
  }
  const [name] = path
  const field = shortName(path.join('.'))
  const expectation = expectationOf(request, part, name)
  return {
    statusCode: 400,
    code: 'INVALID_PARAMETER',
    message: expectation ? `参数 ${shortName(name)} 无效：${expectation}` : `参数 ${shortName(name)} 无效`,
    details: { field }
  }
}

function problemOf(error: FastifyError | HttpError, request: FastifyRequest): Problem {
  if (error instanceof HttpError) return { statusCode: error.statusCode, code: error.code, message: error.message, details: error.details }
  if (error.validation) return validationProblem(error, request)
  const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined
  if (known) return known
  const statusCode = error.statusCode ?? 500
  if (statusCode >= 400 && statusCode < 500) {
    return { statusCode, ...(CLIENT_ERRORS[statusCode] ?? CLIENT_ERRORS[400]) }
  }
  return { statusCode: statusCode >= 500 && statusCode < 600 ? statusCode : 500, code: 'INTERNAL_ERROR', message: INTERNAL_ERROR_MESSAGE }
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  const body: ApiErrorBody = { error: { ...problem.details, code: problem.code, message: problem.message } }
  return reply.code(problem.statusCode).type('application/json; charset=utf-8').send(body)
}

export function handleError(error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = problemOf(error, request)
  if (problem.statusCode >= 500) {
    // A 5xx we answer by design (503 BUSY, a missing poster font) is the server working as meant: a warning, so
    // that the error level stays for failures someone has to look at.
    if (error instanceof HttpError) request.log.warn({ code: error.code }, error.message)
    else request.log.error({ err: error }, 'request failed')
  }
  return sendProblem(reply, problem)
}

/**
 * A path prefix whose router errors its slice answers itself instead of with the JSON error body: a printed QR code's
 * /s/ address must end on a page in the worker's browser, never on a JSON error (server/stations/routes.ts).
 */
export interface RouterErrorAnswer {
  prefix: string
  methods: readonly string[]
  /** Called with the rest of the path after the prefix (query left off). */
  answer(rest: string, reply: FastifyReply): void
}

/**
 * Errors raised by the router before any route runs (a malformed %-escape, an over-long path parameter): answered
 * as every other error is, except under a prefix a slice answers itself. Fastify takes this handler when the app is
 * created, before any plugin registers, so the slices' answers are handed in by app.ts.
 */
export function frameworkErrorHandler(answers: readonly RouterErrorAnswer[]) {
  return function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
    const path = request.raw.url?.split('?')[0] ?? ''
    const own = answers.find((candidate) => path.startsWith(candidate.prefix) && candidate.methods.includes(request.method))
    if (own) return own.answer(path.slice(own.prefix.length), reply)
    void handleError(error, request, reply)
  }
}

/** What Node's HTTP parser reports before any request exists, by its error code. */
const MALFORMED_HTTP: Record<string, number> = { ERR_HTTP_REQUEST_TIMEOUT: 408, HPE_HEADER_OVERFLOW: 431 }

/**
 * Malformed HTTP (a broken request line, an oversized header, a body that never finished within the request
 * timeout): answered in our shape and in Chinese instead of Fastify's English default, then the connection closes.
 * There is no request to log against, and the cause is the client's: a debug line only.
 */
export function handleClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  // The peer is gone: nothing to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const statusCode = (error.code && MALFORMED_HTTP[error.code]) || 400
  const { code, message } = statusCode === 400 ? { code: 'BAD_REQUEST', message: '请求格式无效' } : CLIENT_ERRORS[statusCode]
  this.log.debug({ code: error.code }, 'malformed request')
  if (socket.writable) {
    const body = JSON.stringify({ error: { code, message } } satisfies ApiErrorBody)
    socket.write(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
    )
  }
  socket.destroy()
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(handleError)
  // Fastify's JSON parser answers the same error for broken JSON and for JSON with a __proto__ key; told apart here
  // (only when parsing failed, so a good body is parsed once).
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error, value) => {
      if (!error) return done(null, value)
      let wellFormed = false
      try {
        JSON.parse(body as string)
        wellFormed = true
      } catch {
        wellFormed = false
      }
      done(wellFormed ? FORBIDDEN_KEY_ERROR : error, undefined)
    })
  })
}
