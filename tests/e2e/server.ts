/**
 * The real API server for the browser and simulator suites (and the size report): server/app.ts's buildApp on a
 * fresh SQLite data folder (migrated and seeded from the article on first start, as `npm start` does), listening
 * on loopback. Nothing is stubbed.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { buildApp, type App } from '@server/app'
import type { PasswordCost } from '@server/core/auth/passwords'
import { loadConfig } from '@server/core/config'
import { TEST_PASSWORD_COST } from '../support/password-cost'

export interface RunningServer {
  app: App
  /** http://127.0.0.1:<port>, no trailing slash */
  url: string
  port: number
  dataDir: string
  /** Stops listening and closes the database; removes the data folder if this helper made it. */
  close(): Promise<void>
}

export interface StartServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Where the SQLite file lives; default a new temporary folder, removed on close. */
  dataDir?: string
  /** The H5 build served at `/`; default an empty folder (API only). */
  h5Dir?: string
  now?: () => Date
  /** The password-hash cost; default the tests' low one (tests/support/password-cost.ts), as in the API suites. */
  passwordCost?: PasswordCost
  /** More settings, as environment variables (e.g. a fake WeChat's `env`). */
  env?: Record<string, string>
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const ownDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-test-data-'))
  // Without an H5 build the server answers `/` with its "not built yet" page; the folder must exist all the same.
  const h5Dir = options.h5Dir ?? path.join(dataDir, 'no-h5-build')
  if (options.h5Dir === undefined) fs.mkdirSync(h5Dir, { recursive: true })
  const config = {
    ...loadConfig({
      DATA_DIR: dataDir,
      H5_DIR: h5Dir,
      LOG_LEVEL: 'warn',
      ...options.env
    }),
    host: '127.0.0.1',
    port: options.port ?? 0
  }
  let app: App | undefined
  try {
    app = buildApp(config, { now: options.now, passwordCost: options.passwordCost ?? TEST_PASSWORD_COST })
    await app.listen({ host: config.host, port: config.port })
  } catch (error) {
    await app?.close().catch(() => undefined)
    if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  const running = app
  const port = (running.server.address() as AddressInfo).port
  let closed = false
  return {
    app: running,
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    async close() {
      if (closed) return
      closed = true
      try {
        await running.close()
      } finally {
        if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true })
      }
    }
  }
}

/** The scans a server counted for a station, over all days, by channel (read from its database). */
export async function scansCounted(server: RunningServer, code: string): Promise<Record<string, number>> {
  const rows = await server.app.db
    .selectFrom('station_scans')
    .innerJoin('stations', 'stations.id', 'station_scans.station_id')
    .select(['station_scans.channel', 'station_scans.count'])
    .where('stations.code', '=', code)
    .execute()
  const byChannel: Record<string, number> = {}
  for (const row of rows) byChannel[row.channel] = (byChannel[row.channel] ?? 0) + Number(row.count)
  return byChannel
}
