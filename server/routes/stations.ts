/**
 * Service stations for workers (docs/stations-api.md): the directory, one station by the code its QR codes carry,
 * and scan counting — from the phone (POST …/scans) and from a URL QR opened in a browser (GET /s/:code, on the root
 * app, outside /api).
 *
 * The two GETs are served from the response cache like every content answer (revalidated with an ETag). A scan
 * writes only station_scans, which has no revision trigger, so counting one never empties that cache; its answers
 * are `no-store` and never cached themselves.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { STATION_PAGE_PATH, isStationCode } from '../../src/domain/stations'
import { invalidFields, notFound } from '../plugins/errors'
import { NoQuery } from '../schemas/params'
import {
  ScanRequestSchema,
  StationCodeParams,
  StationDirectorySchema,
  StationPageSchema,
  stationErrorResponses
} from '../schemas/stations'

export const STATION_NOT_FOUND_MESSAGE = '未找到该服务站点'
export const STATION_CODE_MESSAGE = '站点编码应为 6 位大写字母或数字'

/** Checked before the cache and the database: a malformed code takes no cache entry and costs no query. */
function checkedCode(code: string): string {
  if (!isStationCode(code)) throw invalidFields([{ field: 'code', message: STATION_CODE_MESSAGE }])
  return code
}

export const stationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/stations',
    { schema: { querystring: NoQuery, response: { 200: StationDirectorySchema, ...stationErrorResponses } } },
    async (request, reply) => app.responseCache.answer(request, reply, () => app.repositories.stations.directory())
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
      }
    },
    async (request, reply) => {
      // Set first, so the 400/404 answers are not stored either.
      reply.header('cache-control', 'no-store')
      const code = checkedCode(request.params.code)
      const counted = await app.repositories.stations.countScan(code, request.body.channel, app.now())
      if (!counted) throw notFound(STATION_NOT_FOUND_MESSAGE)
      return reply.code(204).send(null)
    }
  )
}

/** Where a scanned URL QR sends the browser: the station page of the H5 app, which shows the station or 「未找到」. */
export function stationPageUrl(code: string): string {
  return `/${STATION_PAGE_PATH}?code=${encodeURIComponent(code)}`
}

/**
 * GET /s/:code — what URL QR codes on posters carry. Registered on the root app: the address is printed, so it
 * stays short and outside /api. Every answer is a redirect; only a GET for a known code counts (HEAD is what link
 * previewers send, not a person scanning).
 */
export const stationQrRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/s/:code', { schema: { params: StationCodeParams } }, async (request, reply) => {
    // Scanner apps and hand-typed links may lower the printed capitals.
    const raw = request.params.code
    const code = raw.toUpperCase()
    reply.header('cache-control', 'no-store')
    if (!isStationCode(code)) return reply.redirect(stationPageUrl(raw), 302)
    if (request.method === 'GET') {
      try {
        await app.repositories.stations.countScan(code, 'browser', app.now())
      } catch (error) {
        // The worker at the poster still gets the station page: a lost count is better than a broken link.
        request.log.error({ err: error }, 'station scan not counted')
      }
    }
    return reply.redirect(stationPageUrl(code), 302)
  })
}
