/**
 * A real app on a real database file in a fresh temp folder, with a fixed clock, driven through HTTP (app.inject).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp, type App, type BuildAppOptions } from '@server/app'
import { loadConfig } from '@server/core/config'
import { TEST_PASSWORD_COST } from '../../support/password-cost'

/** 2026-11-24 10:00 Beijing time: some competitions open for sign-up, one under way, one upcoming, others ended. */
export const FIXED_NOW = new Date('2026-11-24T10:00:00+08:00')

export { TEST_PASSWORD_COST }

const tempDirs: string[] = []

/** A new folder under the system temp folder; removeTempDirs() (in an afterAll) deletes them all. */
export function makeTempDir(prefix = 'miyun-api-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}

export interface TestAppOptions extends BuildAppOptions {
  dataDir?: string
  h5Dir?: string
  env?: Record<string, string>
}

/** Without a dataDir, the app gets a fresh one, deleted when the app closes. */
export function buildTestApp(options: TestAppOptions = {}): App {
  const ownDataDir = options.dataDir === undefined
  const { dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-api-')), h5Dir = path.join(dataDir, 'no-h5-build'), env = {}, ...appOptions } = options
  const config = loadConfig({ DATA_DIR: dataDir, H5_DIR: h5Dir, LOG_LEVEL: 'silent', ...env })
  // `passwordCost: undefined` given explicitly leaves buildApp's production default (tests/server/password-cost.test.ts).
  const passwordCost = 'passwordCost' in appOptions ? appOptions.passwordCost : TEST_PASSWORD_COST
  const app = buildApp(config, { now: () => FIXED_NOW, ...appOptions, passwordCost })
  if (ownDataDir) {
    app.addHook('onClose', async () => {
      fs.rmSync(dataDir, { recursive: true, force: true })
    })
  }
  return app
}

export async function getJson<T = any>(app: App, url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, headers })
  return { response, status: response.statusCode, body: (response.body ? response.json() : undefined) as T }
}
