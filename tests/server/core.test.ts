import type { App } from '@server/app'
import { coreEndpointChecks } from './support/core-checks'
import { buildTestApp } from './support/test-app'

describe('content API on SQLite', () => {
  let app: App
  beforeAll(async () => {
    app = buildTestApp()
    await app.ready()
  })
  afterAll(() => app.close())

  coreEndpointChecks(() => app)
})
