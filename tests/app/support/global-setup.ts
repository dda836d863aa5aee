/**
 * Page tests run against the real API: server/app.ts on a fresh database seeded from the article, with its clock
 * at TEST_NOW, listening at the address jsdom pages live on (page-environment.js), so pages
 * call it same-origin exactly as the H5 build served by the API does.
 */
import { startServer, type RunningServer } from '../../e2e/server'
import { TEST_NOW } from '../../support/clock'
import { pageTestPort } from './api-address'

declare global {
   
  var __MIYUN_PAGE_TEST_API__: RunningServer | undefined
}

export default async function globalSetup(): Promise<void> {
  globalThis.__MIYUN_PAGE_TEST_API__ = await startServer({ port: pageTestPort(), now: () => TEST_NOW })
}
