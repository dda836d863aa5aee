/**
 * Station posters for editors to print (docs/stations-api.md): one open station's A4 page, or every open station's in
 * one PDF, with a URL QR code (`${publicUrl}/s/<code>`, opens in any camera app) or a 小程序码 from WeChat (qr=wxacode,
 * needs WECHAT_APPID/WECHAT_APPSECRET). The generator is server/posters; the WeChat client server/wechat.
 *
 * Registered next to the station editor's routes: the static paths here (/stations/posters.pdf,
 * /stations/posters/options) win over /stations/:id in Fastify's router, and ids have no dot anyway.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Readable } from 'node:stream'
import type { FastifyReply } from 'fastify'
import { stationQrUrl } from '@/domain'
import { posterPdfStream, type PosterPage, type PosterStation } from './posters/station-poster'
import { requireStaff } from '../core/auth/plugin'
import { HttpError, notFound } from '../core/errors'
import { StringEnum } from '../core/schemas/common'
import { IdParams, NoQuery, errorResponses } from '../core/schemas/params'
import { WechatError, type WechatClient, type WxacodeImage } from '../core/wechat'

export const POSTER_QR_KINDS = ['url', 'wxacode'] as const
export type PosterQrKind = (typeof POSTER_QR_KINDS)[number]

export const STATION_NOT_FOUND_MESSAGE = '未找到该服务站点'
export const NO_OPEN_STATIONS_MESSAGE = '没有开放中的服务站点，无法生成海报'
export const STATION_CLOSED_MESSAGE = '该站点已暂停开放，恢复开放后再打印海报'
export const WXACODE_UNAVAILABLE_MESSAGE = '服务器未配置微信小程序的 AppID 和 AppSecret（WECHAT_APPID、WECHAT_APPSECRET），无法获取小程序码，请改用网址二维码'

const PosterQuery = Type.Object(
  { qr: Type.Optional(StringEnum(POSTER_QR_KINDS, { description: 'url（网址二维码）或 wxacode（小程序码）' })) },
  { additionalProperties: false }
)

const PosterOptionsSchema = Type.Object({ publicUrl: Type.String(), wxacode: Type.Boolean() })

/** A stream is sent as it is (no serializer runs); the schema documents the answer. */
const PdfSchema = Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'application/pdf' })

/** How many 小程序码 are asked of WeChat at once when a whole set is printed. */
const WXACODE_CONCURRENCY = 4

/** Characters a file name cannot carry on Windows, macOS or Linux. */
function fileNamePart(text: string): string {
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').trim() || '站点'
}

/** RFC 6266: a plain ASCII name for old clients, the Chinese one as RFC 5987 UTF-8 for the rest. */
function contentDisposition(asciiName: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`
}

function sendPdf(reply: FastifyReply, pdf: Readable, asciiName: string, name: string): Readable {
  reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(asciiName, name)).header('cache-control', 'no-store')
  return pdf
}

function wechatFailure(error: unknown, station: PosterStation): never {
  if (error instanceof WechatError) {
    throw new HttpError(502, 'WECHAT_ERROR', `「${station.name}」的小程序码获取失败：${error.message}`)
  }
  throw error
}

/** The 小程序码 of each station, in order, a few at a time. */
async function wxacodesOf(wechat: WechatClient, stations: PosterStation[]): Promise<WxacodeImage[]> {
  const images: WxacodeImage[] = new Array(stations.length)
  let next = 0
  let failed = false
  const worker = async () => {
    // After one failure the answer is that failure: the other workers stop asking WeChat.
    while (next < stations.length && !failed) {
      const index = next++
      images[index] = await wechat.stationWxacode(stations[index].code).catch((error: unknown) => {
        failed = true
        return wechatFailure(error, stations[index])
      })
    }
  }
  await Promise.all(Array.from({ length: Math.min(WXACODE_CONCURRENCY, stations.length) }, worker))
  return images
}

export const staffStationPostersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', requireStaff('editor'))

  /** Throws 409 before any work when 小程序码 are asked for and cannot be had. */
  function wechatFor(qr: PosterQrKind): WechatClient | undefined {
    if (qr !== 'wxacode') return undefined
    if (!app.wechat) throw new HttpError(409, 'WXACODE_UNAVAILABLE', WXACODE_UNAVAILABLE_MESSAGE)
    return app.wechat
  }

  async function pagesOf(stations: PosterStation[], publicUrl: string, wechat: WechatClient | undefined): Promise<PosterPage[]> {
    const wxacodes = wechat ? await wxacodesOf(wechat, stations) : []
    return stations.map((station, index) => ({ station, url: stationQrUrl(publicUrl, station.code), wxacode: wxacodes[index] }))
  }

  app.get('/stations/posters/options', { schema: { querystring: NoQuery, response: { 200: PosterOptionsSchema, ...errorResponses } } }, async (request) => ({
    publicUrl: app.posters.publicUrl(request),
    wxacode: app.wechat !== undefined
  }))

  app.get(
    '/stations/:id/poster.pdf',
    { schema: { params: IdParams, querystring: PosterQuery, response: { 200: PdfSchema, ...errorResponses } } },
    async (request, reply) => {
      const qr = request.query.qr ?? 'url'
      const station = await app.repositories.stations.findById(request.params.id)
      if (!station) throw notFound(STATION_NOT_FOUND_MESSAGE)
      // As in the set of all posters: a poster would send workers to a door that is shut.
      if (station.closedReason) throw new HttpError(409, 'STATION_CLOSED', STATION_CLOSED_MESSAGE)
      const wechat = wechatFor(qr)
      const font = app.posters.font()
      const pages = await pagesOf([station], app.posters.publicUrl(request), wechat)
      const pdf = posterPdfStream(pages, { font, title: `服务站点海报 · ${station.name}`, now: app.now() })
      const suffix = qr === 'wxacode' ? '-小程序码' : ''
      return sendPdf(
        reply,
        pdf,
        `station-poster-${station.code}${qr === 'wxacode' ? '-wxacode' : ''}.pdf`,
        `服务站点海报-${fileNamePart(station.name)}${suffix}.pdf`
      )
    }
  )

  app.get('/stations/posters.pdf', { schema: { querystring: PosterQuery, response: { 200: PdfSchema, ...errorResponses } } }, async (request, reply) => {
    const qr = request.query.qr ?? 'url'
    const wechat = wechatFor(qr)
    const font = app.posters.font()
    // A closed station's poster would send workers to a door that is shut: only open stations are printed.
    const stations = (await app.repositories.stations.listAll(app.now())).filter((station) => !station.closedReason)
    if (stations.length === 0) throw notFound(NO_OPEN_STATIONS_MESSAGE)
    // Every 小程序码 is fetched before the first byte is sent: a WeChat failure is still a JSON answer.
    const pages = await pagesOf(stations, app.posters.publicUrl(request), wechat)
    const pdf = posterPdfStream(pages, { font, title: `服务站点海报（${stations.length} 个站点）`, now: app.now() })
    const suffix = qr === 'wxacode' ? '-小程序码' : ''
    return sendPdf(reply, pdf, `station-posters${qr === 'wxacode' ? '-wxacode' : ''}.pdf`, `服务站点海报-全部站点${suffix}.pdf`)
  })
}
