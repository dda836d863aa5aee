/**
 * Builds the server (without listening): the content API under /api, media under /media, the H5 app at /.
 * The database is opened here and migrated and seeded (first start only) while the app gets ready, so an app
 * that answers requests always has its tables. `app.close()` closes the database.
 */
import path from 'node:path'
import fastifyCompress from '@fastify/compress'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { LogController, type FastifyInstance } from 'fastify'
import { trustProxyOption, type Config } from './core/config'
import { createDb, dialectOf, type CreateDbOptions } from './core/db/create-db'
import type { Db } from './core/db/database'
import { migrateToLatest } from './core/db/migrate'
import { createRepositories, type Repositories } from './repositories'
import { seedIfEmpty } from './seed'
import { seedStationsOnce } from './stations/seed'
import { seedActivitiesOnce } from './activities/seed'
import { createLocalMediaStorage, type MediaStorage } from './core/media-storage'
import { createPosterSettings } from './stations/posters'
import { frameworkErrorHandler, handleClientError, installErrorHandler, notFound, sendProblem } from './core/errors'
import { installHttpCache } from './core/http/http-cache'
import { installNulGuard } from './core/http/no-nul'
import { clientGoneAwareLogger } from './core/http/request-log'
import { createResponseCache, type ResponseCache } from './core/http/response-cache'
import { installSecurityHeaders } from './core/http/security-headers'
import { registerWebApp, type WebApp } from './core/http/web-app'
import { finiteNumbersPlugin } from './core/schemas/numbers'
import { SCRYPT_COST, type PasswordCost } from './core/auth/passwords'
import { installApiDocs } from './core/http/api-docs'
import { healthRoutes } from './core/http/health'
import { createWechatClient } from './core/wechat'
import { createFieldCipher, loadDataKey } from './core/crypto'
import { startOutboxDrainer, type OutboxDrainer } from './core/outbox/drainer'
import type { OutboxRecipients } from './core/outbox/drain'
import { startRetentionTimer } from './core/retention'
import { retentionRules } from './retention-rules'
import { accounts } from './accounts'
import { activities } from './activities'
import { audit } from './audit'
import { competitions } from './competitions'
import { home, homeFirstScreenRoute } from './home'
import { media } from './media'
import { news } from './news'
import { notifications } from './notifications'
import { plan } from './plan'
import { services } from './services'
import { signups } from './signups'
import { stationFirstScreenRoute, stationQrRouterErrors, stationQrRoutes, stations } from './stations'
import { workers } from './workers'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    repositories: Repositories
    responseCache: ResponseCache
    /** The H5 app's pages, with a first screen where a slice draws one (core/http/web-app.ts). */
    webApp: WebApp
    /** The clock every date rule reads (competition status, what is published). Fixed in tests. */
    now: () => Date
    /** scrypt parameters of new password hashes (server/core/auth/passwords.ts). */
    passwordCost: PasswordCost
    /** Uploaded images (server/core/media-storage.ts): files under DATA_DIR/media today. */
    mediaStorage: MediaStorage
  }
}

export interface BuildAppOptions extends CreateDbOptions {
  now?: () => Date
  /** Where log lines go (default stdout). */
  logStream?: NodeJS.WritableStream
  /** Where to look for a Chinese poster font when POSTER_FONT is unset (default: the usual system places). */
  posterFontPaths?: readonly string[]
  /** scrypt cost of new password hashes; the production cost (SCRYPT_COST) unless given. Tests pass a low one. */
  passwordCost?: PasswordCost
  /** How long a WeChat API call may take (default 5 s). Tests of a WeChat that does not answer pass a short one. */
  wechatTimeoutMs?: number
}

export type App = FastifyInstance

export const isApiPath = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')

export function buildApp(config: Config, options: BuildAppOptions = {}): App {
  const requestTimeout = config.requestTimeoutSeconds * 1000
  const app = Fastify({
    // A client must send its whole request within this (Node then answers 408 through handleClientError); a
    // connection with nothing moving either way for twice as long is closed.
    requestTimeout,
    connectionTimeout: requestTimeout * 2,
    // Given to Node's server at creation too: set afterwards (as Fastify does), Node does not apply it. And Node looks
    // for overdue requests every 30 s by default, so a stalled client would hold on up to that much longer.
    http: { requestTimeout, connectionsCheckingInterval: Math.min(5000, Math.max(100, requestTimeout / 4)) },
    logger: { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    // No access log: who read what is nobody's business (see the privacy notice, src/packages/about/privacy).
    // Failures are still logged: the error and the request's id, not the caller's address.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: clientGoneAwareLogger,
    // Path parameters are short ids; a longer one matches no route (404) before any handler runs.
    routerOptions: { maxParamLength: 200 },
    ajv: {
      customOptions: {
        // Fastify's default silently drops unknown query fields; we want a 400 naming them.
        removeAdditional: false
      },
      // Numbers in requests are read by one keyword that refuses Infinity, 1e400 and 0x10 (server/core/schemas/numbers.ts).
      plugins: [finiteNumbersPlugin]
    },
    // Router errors under /s/ (a printed QR address) end on the station page, not on a JSON error.
    frameworkErrors: frameworkErrorHandler([stationQrRouterErrors]),
    clientErrorHandler: handleClientError,
    // request.ip is then the caller's address, not the proxy's (the login lockout counts per address).
    trustProxy: trustProxyOption(config.trustProxy)
  }).withTypeProvider<TypeBoxTypeProvider>()

  const db = createDb(config, {
    ...options,
    onConnectionError: (error) => app.log.warn({ err: error }, '数据库连接中断，已丢弃该连接')
  })
  app.decorate('db', db)
  // The one cipher of personal fields; its key is DATA_KEY or DATA_DIR/data.key (server/core/crypto.ts).
  const fieldCipher = createFieldCipher(loadDataKey(config))
  app.decorate('fieldCipher', fieldCipher)
  const repositories = createRepositories(db, fieldCipher)
  const now = options.now ?? (() => new Date())
  app.decorate('repositories', repositories)
  // The auth check (core/auth/plugin.ts) reads sessions through this; the accounts slice keeps them.
  app.decorate('staffSessions', repositories.staff)
  // requireWorker (core/auth/worker.ts) reads worker sessions through this; the workers slice keeps them.
  app.decorate('workerSessions', repositories.workers)
  app.decorate('now', now)
  app.decorate('passwordCost', options.passwordCost ?? SCRYPT_COST)
  const mediaStorage = createLocalMediaStorage(path.join(config.dataDir, 'media'))
  app.decorate('mediaStorage', mediaStorage)
  app.decorate('posters', createPosterSettings(config, options.posterFontPaths))
  const { credentials } = config.wechat
  if (credentials) {
    const cacheDir = path.join(config.dataDir, 'wechat')
    app.decorate('wechat', createWechatClient({ ...config.wechat, credentials, cacheDir, timeoutMs: options.wechatTimeoutMs }))
  }
  app.decorate('responseCache', createResponseCache(repositories.contentVersion, now))
  // Who a worker is in WeChat, for the notifications outbox: the workers slice keeps the (sealed) openid; a device
  // identity has none, so its messages are recorded as skipped.
  const outboxRecipients: OutboxRecipients = repositories.workers
  const background: { stop(): Promise<void> }[] = []
  app.addHook('onReady', async () => {
    const drainer: OutboxDrainer = startOutboxDrainer(app, {
      intervalMs: config.outboxIntervalSeconds * 1000,
      recipients: outboxRecipients,
      templates: config.wechat.templates
    })
    background.push(drainer, startRetentionTimer(app, retentionRules(config)))
  })
  app.addHook('onClose', async () => {
    // The outbox's drainer and the retention timer finish what they are doing before the database closes.
    await Promise.all(background.splice(0).map((task) => task.stop()))
    await db.destroy()
  })

  // Plugins load in registration order when the app gets ready: the tables exist before any route can answer.
  app.register(async function prepareDatabase() {
    await migrateToLatest(db, dialectOf(config))
    const startedAt = now()
    await seedIfEmpty(db, { now: startedAt })
    await seedStationsOnce(db, { now: startedAt })
    await seedActivitiesOnce(db, { now: startedAt })
  })

  installErrorHandler(app)
  installSecurityHeaders(app)
  // Registered before any route: it adds its hook to each route as the route is declared.
  app.register(fastifyCompress, { threshold: 1024 })

  if (config.apiDocs) installApiDocs(app)
  app.register(
    async (api) => {
      installHttpCache(api)
      installNulGuard(api)
      await api.register(healthRoutes)
      // One plugin per domain slice: its worker routes, and its staff routes under /api/staff.
      for (const domain of [accounts, audit, news, media, competitions, activities, services, plan, home, stations, workers, signups])
        await api.register(domain)
      // Subscribe-message template ids and grants: configuration the slice is handed, as the outbox drainer is.
      await api.register(notifications, { templates: config.wechat.templates })
    },
    { prefix: '/api' }
  )
  // The H5 app at `/`: 首页 and a station's page come with their first screen drawn (core/http/first-screen.ts).
  const { serveAppShell } = registerWebApp(app, { h5Dir: config.h5Dir, uploads: mediaStorage, firstScreens: [homeFirstScreenRoute, stationFirstScreenRoute] })
  app.register(stationQrRoutes)
  app.setNotFoundHandler((request, reply) => {
    if (isApiPath(request.url)) {
      return sendProblem(reply.header('cache-control', 'no-cache'), notFound('未找到该接口'))
    }
    return serveAppShell(request, reply)
  })

  return app
}
