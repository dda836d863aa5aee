/**
 * What every simulator suite starts from: the real API server on a fresh, seeded database, and the built app in the
 * simulator with wx.request routed to it. After each test the app must not have reported an error (a render that
 * threw, a failed handler), whatever the test did.
 */
import { startServer, type RunningServer, type StartServerOptions } from '../../e2e/server'
import { createSimulator, type Simulator } from './simulator'
import { assertBuiltForTestApi, routeBuildApiTo } from './test-api'

export interface WeappSuite {
  /** Both set in the suite's first beforeAll. */
  server: RunningServer
  sim: Simulator
}

/** `serverOptions` is read in the first beforeAll (after the test file's own earlier beforeAll, e.g. a fake WeChat's start). */
export function weappSuite(serverOptions: () => StartServerOptions = () => ({})): WeappSuite {
  const suite = {} as WeappSuite
  beforeAll(async () => {
    assertBuiltForTestApi()
    suite.server = await startServer(serverOptions())
    suite.sim = createSimulator(routeBuildApiTo(suite.server.url))
  })

  afterEach(() => {
    const reported = suite.sim ? suite.sim.errors.splice(0) : []
    expect(reported).toEqual([])
  })

  afterAll(async () => {
    suite.sim?.close()
    await suite.server?.close()
  })
  return suite
}
