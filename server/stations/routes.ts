/**
 * Service stations for workers (docs/stations-api.md): the directory, one station by the code its QR codes carry,
 * and scan counting — from the phone (POST …/scans) and from a URL QR opened in a browser (GET /s/<code>, on the root
 * app, outside /api). Repeats from one caller within 10 minutes count once (createScanGuard).
 *
 * The two GETs are served from the response cache like every content answer (revalidated with an ETag). A scan
 * writes only station_scans, which has no revision trigger, so counting one never empties that cache; its answers
 * are `no-store` and never cached themselves.
 */
import { createHmac, randomBytes } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { STATION_QR_PATH_PREFIX, isStationCode, type ScanChannel } from '@/domain'
import { HttpError, invalidFields, notFound, type RouterErrorAnswer } from '../core/errors'
import { NoQuery } from '../core/schemas/params'
import { stationFirstScreen } from './first-screen'
import {
  PHONE_SCAN_CHANNELS,
  ScanRequestSchema,
  StationCodeParams,
  StationDirectorySchema,
  StationPageSchema,
  StationQrParams,
  stationErrorResponses,
  stationQrAnswer
} from './schema'

export const STATION_NOT_FOUND_MESSAGE = '未找到该服务站点'
export const STATION_CODE_MESSAGE = '站点编码应为 6 位大写字母或数字'

/** Checked before the cache and the database: a malformed code takes no cache entry and costs no query. */
function checkedCode(code: string): string {
  if (!isStationCode(code)) throw invalidFields([{ field: 'code', message: STATION_CODE_MESSAGE }])
  return code
}

export const SCAN_CHANNEL_MESSAGE = `参数 channel 无效：扫码方式应为 ${PHONE_SCAN_CHANNELS.join('、')} 之一`

/**
 * The schema's 400 for a scan body, naming `channel` even when there is no body at all (the generic handler can
 * only name a field the validator points at). Unknown fields keep their own 400 (「未知参数：…」).
 */
function scanBodyProblem(request: FastifyRequest): Error | undefined {
  const error = request.validationError
  if (!error) return undefined
  const unknownField = error.validation?.some((problem: { keyword: string }) => problem.keyword === 'additionalProperties')
  if (error.validationContext !== 'body' || unknownField) return error
  return new HttpError(400, 'INVALID_PARAMETER', SCAN_CHANNEL_MESSAGE, { field: 'channel' })
}

/** Scans from one phone for one station within this long count once. */
export const SCAN_REPEAT_WINDOW_MS = 10 * 60 * 1000
/** Callers remembered at most; past that the oldest are forgotten (their next scan counts again). */
export const SCAN_GUARD_MAX_KEYS = 100_000

/** The mini-program's two ways in are one person opening the station; a browser scan is another way of counting. */
type ScanGroup = 'wechat' | 'browser'

export interface ScanGuard {
  /** True when this scan counts: the key was not seen within the window. A counted key is remembered. */
  admit(key: string, now: Date): boolean
  /** Undoes admit() when the scan was not counted after all (unknown station, database failure). */
  forget(key: string): void
  keyOf(ip: string, code: string, group: ScanGroup): string
  readonly size: number
}

/**
 * Keeps a looped POST …/scans or GET /s/<code> from inflating a station's count: a repeat from the same caller for
 * the same station within SCAN_REPEAT_WINDOW_MS is answered as usual but not counted.
 *
 * Only a keyed hash of (address, station code, channel group) is kept, with a salt drawn when the process starts,
 * in memory only: never written to disk or the log, gone on restart, and no use to anyone for finding out who
 * scanned. Each API instance has its own (a repeat that reaches another instance counts there once more). The Map
 * keeps insertion order, which is time order, so the oldest entries are at its front: expired ones are dropped
 * from there as new ones arrive, and past SCAN_GUARD_MAX_KEYS the oldest goes first.
 */
export function createScanGuard({ windowMs = SCAN_REPEAT_WINDOW_MS, maxKeys = SCAN_GUARD_MAX_KEYS } = {}): ScanGuard {
  const salt = randomBytes(32)
  const seen = new Map<string, number>()
  return {
    keyOf(ip, code, group) {
      return createHmac('sha256', salt).update(`${group}\n${code}\n${ip}`).digest('base64url').slice(0, 22)
    },
    admit(key, now) {
      const at = now.getTime()
      const earlier = seen.get(key)
      // Either side of the earlier scan: the app's clock is moved in tests, and a real one may be corrected.
      if (earlier !== undefined && Math.abs(at - earlier) < windowMs) return false
      for (const [oldKey, oldAt] of seen) {
        if (at - oldAt < windowMs) break
        seen.delete(oldKey)
      }
      seen.delete(key)
      if (seen.size >= maxKeys) seen.delete(seen.keys().next().value!)
      seen.set(key, at)
      return true
    },
    forget(key) {
      seen.delete(key)
    },
    get size() {
      return seen.size
    }
  }
}

export const stationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const scanGuard = createScanGuard()

  app.get('/stations', { schema: { querystring: NoQuery, response: { 200: StationDirectorySchema, ...stationErrorResponses } } }, async (request, reply) =>
    app.responseCache.answer(request, reply, () => app.repositories.stations.directory())
  )

  app.get(
    '/stations/:code',
    { schema: { params: StationCodeParams, querystring: NoQuery, response: { 200: StationPageSchema, ...stationErrorResponses } } },
    async (request, reply) => {
      const code = checkedCode(request.params.code)
      return app.responseCache.answer(request, reply, async () => {
        const page = await app.repositories.stations.page(code)
        if (!page) throw notFound(STATION_NOT_FOUND_MESSAGE)
        return page
      })
    }
  )

  app.post(
    '/stations/:code/scans',
    {
      schema: {
        params: StationCodeParams,
        querystring: NoQuery,
        body: ScanRequestSchema,
        response: { 204: Type.Null(), ...stationErrorResponses }
      },
      attachValidation: true
    },
    async (request, reply) => {
      // Set first, so the 400/404 answers are not stored either.
      reply.header('cache-control', 'no-store')
      const problem = scanBodyProblem(request)
      if (problem) throw problem
      const code = checkedCode(request.params.code)
      const counted = await countOnce(app, scanGuard, request, code, request.body.channel)
      if (!counted) throw notFound(STATION_NOT_FOUND_MESSAGE)
      return reply.code(204).send(null)
    }
  )
}

/**
 * Counts a scan unless the guard has seen this caller scan this station lately. False only for an unknown
 * station: a repeat of a counted scan answers as that scan did.
 */
async function countOnce(
  app: Pick<FastifyInstance, 'repositories' | 'now'>,
  guard: ScanGuard,
  request: FastifyRequest,
  code: string,
  channel: ScanChannel
): Promise<boolean> {
  const now = app.now()
  const key = guard.keyOf(request.ip, code, channel === 'browser' ? 'browser' : 'wechat')
  if (!guard.admit(key, now)) return true
  try {
    const counted = await app.repositories.stations.countScan(code, channel, now)
    if (!counted) guard.forget(key)
    return counted
  } catch (error) {
    guard.forget(key)
    throw error
  }
}

/**
 * GET /s/<code> — what URL QR codes on posters carry. Registered on the root app: the address is printed, so it
 * stays short and outside /api. Every GET under /s/ ends on the station page, whatever follows: a known code is
 * answered with the page itself, its first screen drawn (first-screen.ts) and the app moved to the page's own path;
 * a trailing slash or a lower-case code is still that code; something that is no code at all or far too long gets
 * the app on the station page, which says 未找到 (see stationQrAnswer). A malformed %-escape never reaches this
 * route and is redirected to that page by stationQrRouterErrors below. Only a GET
 * for a known code counts, once per caller and station within SCAN_REPEAT_WINDOW_MS (HEAD is what link previewers
 * send, not a person scanning).
 */
export const stationQrRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const scanGuard = createScanGuard()

  app.get('/s/*', { schema: { params: StationQrParams } }, async (request, reply) => {
    const { code, location } = stationQrAnswer(request.params['*'])
    reply.header('cache-control', 'no-store')
    if (code && request.method === 'GET') {
      try {
        await countOnce(app, scanGuard, request, code, 'browser')
      } catch (error) {
        // The worker at the poster still gets the station page: a lost count is better than a broken link.
        request.log.error({ err: error }, 'station scan not counted')
      }
    }
    // The station's page itself, drawn (no redirect: a scan on a weak network waits for nothing it can skip); one
    // that is no station gets the app, which says 未找到 on the station page (200, as every app page: a 404 document
    // would be an error in the browser's console for what the page explains itself).
    return app.webApp.sendPage(request, reply, code ? () => stationFirstScreen(app, code, location) : undefined, location)
  })
}

/**
 * The router's errors under /s/ (a malformed %-escape, an over-long path): answered as GET /s/* answers what is not a
 * code, with the redirect to the station page (「未找到该服务站点」). app.ts hands it to core's framework error handler.
 */
export const stationQrRouterErrors: RouterErrorAnswer = {
  prefix: STATION_QR_PATH_PREFIX,
  methods: ['GET', 'HEAD'],
  answer(rest, reply) {
    void reply.header('cache-control', 'no-store').redirect(stationQrAnswer(rest).location, 302)
  }
}
