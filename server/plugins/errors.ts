/**
 * One shape for every failure: `{ error: { code, message } }`, the message in Chinese and fit to show a worker.
 * - 400s name the parameter and what it should be (the text comes from the parameter's schema `description`).
 * - 404s say what was not found.
 * - 5xx never reveal internals; the real error goes to the log.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ApiErrorBody } from '../../src/domain'
import { STATION_QR_PATH_PREFIX } from '../../src/domain/stations'
import { stationQrAnswer } from '../schemas/stations'

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
  return new HttpError(400, 'INVALID_FIELD', problems[0].message, { field: problems[0].field, problems })
}

export function notFound(message: string): HttpError {
  return new HttpError(404, 'NOT_FOUND', message)
}

export const INTERNAL_ERROR_MESSAGE = '服务器开小差了，请稍后重试'

/** Messages for 4xx errors Fastify raises itself (bad JSON body, unsupported media type...). */
const CLIENT_ERROR_MESSAGES: Record<number, string> = {
  400: '请求无效',
  404: '未找到请求的内容',
  405: '不支持该请求方法',
  406: '无法提供请求的内容格式',
  413: '请求内容过大',
  414: '请求地址过长',
  415: '不支持该内容类型',
  429: '请求过于频繁，请稍后重试'
}

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
  return (request.routeOptions.schema as SchemaParts | undefined)?.[part]?.properties?.[name]?.description
}

function validationProblem(error: FastifyError, request: FastifyRequest): Problem {
  const [first] = error.validation ?? []
  const params = (first?.params ?? {}) as { additionalProperty?: unknown; missingProperty?: unknown }
  if (first?.keyword === 'additionalProperties') {
    return { statusCode: 400, code: 'UNKNOWN_PARAMETER', message: `未知参数：${shortName(String(params.additionalProperty))}` }
  }
  const name = first?.instancePath.split('/')[1] || String(params.missingProperty ?? '')
  if (!name) return { statusCode: 400, code: 'INVALID_PARAMETER', message: '请求参数无效' }
  const expectation = expectationOf(request, error.validationContext ?? 'querystring', name)
  return {
    statusCode: 400,
    code: 'INVALID_PARAMETER',
    message: expectation ? `参数 ${shortName(name)} 无效：${expectation}` : `参数 ${shortName(name)} 无效`
  }
}

function problemOf(error: FastifyError | HttpError, request: FastifyRequest): Problem {
  if (error instanceof HttpError) return { statusCode: error.statusCode, code: error.code, message: error.message, details: error.details }
  if (error.validation) return validationProblem(error, request)
  if (error.code === 'FST_ERR_BAD_URL') return { statusCode: 400, code: 'BAD_URL', message: '请求地址格式无效' }
  const statusCode = error.statusCode ?? 500
  if (statusCode >= 400 && statusCode < 500) {
    return { statusCode, code: error.code ?? 'BAD_REQUEST', message: CLIENT_ERROR_MESSAGES[statusCode] ?? '请求无效' }
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
    request.log.error({ err: error }, 'request failed')
  }
  return sendProblem(reply, problem)
}

/**
 * Errors raised by the router before any route runs (a malformed %-escape, an over-long path parameter). Under /s/
 * the address came off a printed QR code: it is answered as GET /s/* answers what is not a code, with the redirect
 * to the station page (「未找到该服务站点」), never a JSON error in a worker's browser.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.raw.url?.split('?')[0] ?? ''
  if ((request.method === 'GET' || request.method === 'HEAD') && path.startsWith(STATION_QR_PATH_PREFIX)) {
    void reply.header('cache-control', 'no-store').redirect(stationQrAnswer(path.slice(STATION_QR_PATH_PREFIX.length)).location, 302)
    return
  }
  void handleError(error, request, reply)
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(handleError)
}
