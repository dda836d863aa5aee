/**
 * Page tests run against the real API: server/app.ts on a fresh database seeded from the article, with its clock
 * at TEST_NOW, listening at the address jsdom pages live on (page-environment.js), so pages
 * call it same-origin exactly as the H5 build served by the API does.
 */
import { hashPassword } from '@server/core/auth/passwords'
import { startServer, type RunningServer } from '../../e2e/server'
import { TEST_NOW } from '../../support/clock'
import { pageTestPort } from './api-address'
import { PAGE_TEST_STAFF } from './staff-account'

declare global {
  var __MIYUN_PAGE_TEST_API__: RunningServer | undefined
}

export default async function globalSetup(): Promise<void> {
  const server = await startServer({ port: pageTestPort(), now: () => TEST_NOW })
  globalThis.__MIYUN_PAGE_TEST_API__ = server
  // The staff account the sign-up page tests use (staff-account.ts), created as `npm run staff -- add` does.
  const passwordHash = await hashPassword(PAGE_TEST_STAFF.password, server.app.passwordCost)
  await server.app.repositories.staff.create(
    { name: PAGE_TEST_STAFF.name, displayName: PAGE_TEST_STAFF.displayName, roles: ['editor', 'handler'], passwordHash },
    TEST_NOW
  )
}
