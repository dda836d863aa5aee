/**
 * Everything that is not the API: illustrations under /media and the H5 build of the app at /.
 *
 * Caching follows what can change under a URL:
 * - /js and /css file names carry a content hash (config/index.ts), so they never change: cached for a year.
 * - index.html names the current hashes, so browsers revalidate it every time (no-cache).
 * - /media files keep their names when replaced: a week.
 * - /media/uploads/<id>/… are staff uploads (MediaStorage, under DATA_DIR): a new upload gets a new id, so a file
 *   never changes under its URL: cached for a year, like hashed scripts.
 *
 * The H5 router uses browser history, so a deep link or a QR code URL such as /packages/stations/detail/index?id=3
 * is answered with index.html and the app routes itself. Paths that look like files (with an extension) are not:
 * a missing script must be a 404, not HTML the browser tries to run. The pages slices hand in as FirstScreenRoutes
 * (首页, a station's page) are answered with their first screen already drawn (first-screen.ts); a slice's own route
 * can send one too (`app.webApp.sendPage`: the printed /s/<code>).
 */
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { MediaStorage } from '../media-storage'
import { createAppPages, type FirstScreen } from './first-screen'
import { etagOf, ifNoneMatchHits } from './http-cache'

export const MEDIA_DIR = path.resolve(__dirname, '..', '..', 'public', 'media')

const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable'
const DAY = 'public, max-age=86400'
const REVALIDATE = 'no-cache'
const MEDIA_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000

export const H5_MISSING_MESSAGE = '网页版尚未构建。请在项目目录运行 npm run build:h5（或直接用 npm start，它会先构建），然后刷新本页。'

function h5CacheControl(h5Dir: string, filePath: string): string {
  const relative = path.relative(h5Dir, filePath).split(path.sep)
  if (relative[0] === 'js' || relative[0] === 'css') return YEAR_IMMUTABLE
  if (filePath.endsWith('.html')) return REVALIDATE
  // Anything else Taro emits (static/ images, fonts) may keep its name across builds.
  return DAY
}

/** A last path segment with a dot (`app.js`, `.build-stamp`) names a file; app routes never have one. */
const looksLikeFile = (url: string) => /\.[^/]*$/.test(url.split('?')[0])

export const UPLOADS_PREFIX = '/media/uploads/'

/** App pages a slice draws a first screen of: `render` gives it, or undefined to send the app without one. */
export interface FirstScreenRoute {
  /** The paths answered ('/', '/packages/stations/station/index'); the query is the route's to read. */
  paths: string[]
  render(app: FastifyInstance, request: FastifyRequest): Promise<FirstScreen | undefined>
}

export interface WebApp {
  /**
   * Sends the app's page: with the first screen `draw` gives drawn in it, else the plain app. A first screen that
   * fails to draw (or to fit in the page) is logged and costs only time: the plain app is sent. `appPath`: the app's
   * own path when the request's is not one (a printed address); the app is moved there before its router starts.
   */
  sendPage(request: FastifyRequest, reply: FastifyReply, draw?: () => Promise<FirstScreen | undefined>, appPath?: string): Promise<FastifyReply>
}

export function registerWebApp(app: FastifyInstance, options: { h5Dir: string; mediaDir?: string; uploads: MediaStorage; firstScreens?: FirstScreenRoute[] }) {
  const { h5Dir, mediaDir = MEDIA_DIR, uploads, firstScreens = [] } = options
  const pages = createAppPages(h5Dir)

  const webApp: WebApp = {
    async sendPage(request, reply, draw, appPath) {
      let html: string | undefined
      try {
        const screen = draw ? await draw() : undefined
        if (screen) html = pages.page(screen)
      } catch (error) {
        request.log.error({ err: error }, 'first screen not drawn')
      }
      html ??= pages.shell(appPath)
      if (html === undefined) {
        return reply.code(503).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(H5_MISSING_MESSAGE)
      }
      // Revalidated every time (the page holds current content); unchanged, it costs a 304. A route may have said
      // no-store (a counted scan).
      const etag = etagOf(html)
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', REVALIDATE)
      reply.header('etag', etag)
      if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send()
      return reply.type('text/html; charset=utf-8').send(html)
    }
  }
  app.decorate('webApp', webApp)

  // In a plugin of their own, as every other route: registered after @fastify/compress, so the pages are compressed.
  app.register(async (pagesScope) => {
    for (const route of firstScreens) {
      for (const url of route.paths) {
        pagesScope.get(url, (request, reply) => webApp.sendPage(request, reply, () => route.render(app, request)))
      }
    }
  })

  // Read through MediaStorage rather than from a folder, so an object store behind it serves the same URLs.
  // Public: images of published articles are for everyone. The /media security headers apply (security-headers.ts).
  app.get(`${UPLOADS_PREFIX}*`, async (request, reply) => {
    const key = `uploads/${(request.params as { '*': string })['*']}`
    const stored = await uploads.get(key)
    if (!stored) return reply.callNotFound()
    return reply.header('cache-control', YEAR_IMMUTABLE).header('content-length', stored.bytes).type(stored.contentType).send(stored.body)
  })

  app.register(fastifyStatic, {
    root: mediaDir,
    prefix: '/media/',
    dotfiles: 'ignore',
    maxAge: MEDIA_MAX_AGE_MS,
    decorateReply: false
  })

  app.register(fastifyStatic, {
    root: h5Dir,
    prefix: '/',
    // `/` is 首页's first screen (a FirstScreenRoute), not the bare index.html.
    index: false,
    // .build-stamp and the like are bookkeeping, not part of the site.
    dotfiles: 'ignore',
    cacheControl: false,
    decorateReply: false,
    setHeaders: (response, filePath) => {
      response.setHeader('cache-control', h5CacheControl(h5Dir, filePath))
    }
  })

  return {
    /** Not-found handler for everything outside /api. */
    async serveAppShell(request: FastifyRequest, reply: FastifyReply) {
      const readable = request.method === 'GET' || request.method === 'HEAD'
      if (!readable || looksLikeFile(request.url)) {
        return reply.code(404).type('text/plain; charset=utf-8').send('未找到该页面或文件')
      }
      return webApp.sendPage(request, reply)
    }
  }
}
