/**
 * The staff page tests' own real API (see jest.config.js: edits made here must not reach the worker page tests),
 * with its clock at TEST_NOW and one account per role, created the way `npm run staff -- add` does: straight into
 * the database with the real password hash (at the tests' low cost, tests/support/password-cost.ts).
 */
import { hashPassword } from '@server/core/auth/passwords'
import { startServer, type RunningServer } from '../../e2e/server'
import { TEST_NOW } from '../../support/clock'
import { STAFF_ACCOUNTS, STAFF_TEST_PASSWORD, staffPageTestPort } from './accounts'

declare global {
  var __MIYUN_STAFF_PAGE_TEST_API__: RunningServer | undefined
}

export default async function globalSetup(): Promise<void> {
  const server = await startServer({ port: staffPageTestPort(), now: () => TEST_NOW })
  globalThis.__MIYUN_STAFF_PAGE_TEST_API__ = server
  const passwordHash = await hashPassword(STAFF_TEST_PASSWORD, server.app.passwordCost)
  for (const account of Object.values(STAFF_ACCOUNTS)) {
    await server.app.repositories.staff.create({ ...account, roles: [...account.roles], passwordHash }, TEST_NOW)
  }
}
