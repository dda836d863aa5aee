/**
 * Page tests run against the real API: the server (server/main.ts) is started once, on a fresh database
 * seeded from the article, at the address jsdom pages live on (jest.config.js testEnvironmentOptions.url),
 * so pages call it same-origin exactly as the H5 build served by the API does.
 */
import { spawn, type ChildProcess } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import { pageTestPort } from './api-address'

declare global {
  // eslint-disable-next-line no-var
  var __MIYUN_PAGE_TEST_API__: { child: ChildProcess; dataDir: string } | undefined
}

async function waitForHealth(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API server exited with code ${child.exitCode} before it was ready`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`API server did not answer ${url} within 60 s`)
}

export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'miyun-page-tests-'))
  const root = path.resolve(__dirname, '../../..')
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(pageTestPort()),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      H5_DIR: path.join(dataDir, 'no-h5'),
      LOG_LEVEL: 'warn'
    },
    stdio: ['ignore', 'inherit', 'inherit']
  })
  globalThis.__MIYUN_PAGE_TEST_API__ = { child, dataDir }
  try {
    await waitForHealth(`http://127.0.0.1:${pageTestPort()}/api/health`, child, Date.now() + 60_000)
  } catch (error) {
    child.kill()
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
}
