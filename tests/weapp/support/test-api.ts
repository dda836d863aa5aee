/**
 * npm test builds dist/weapp once, as the development package (`npm run build:weapp` without TARO_APP_API_BASE: the
 * app calls http://localhost:3000), and leaves it for WeChat DevTools. These tests run that very package against a
 * real server on a free loopback port: the simulator's wx.request reaches the server there for the address the
 * build calls, as a hosts entry would (see wx-host.ts), and records the URL the app asked for.
 */
import fs from 'node:fs'
import path from 'node:path'
import { LOCAL_API_BASE_URL } from '../../../config/api-base-url'
import { WEAPP_DIST } from './simulator'

/** The API address the package under test calls (what `sim.host.requests` hold). */
export const WEAPP_TEST_API_BASE = LOCAL_API_BASE_URL

/** For createSimulator: the build's address answered by the test server. */
export const routeBuildApiTo = (serverUrl: string) => ({ hosts: { [WEAPP_TEST_API_BASE]: serverUrl } })

/** Fails with the command to run when dist/weapp was built for another API address. */
export function assertBuiltForTestApi(): void {
  if (!fs.existsSync(path.join(WEAPP_DIST, 'app.json'))) {
    throw new Error('dist/weapp is missing. Run `npm run test:weapp` (it builds the mini-program for this test first).')
  }
  // A string literal, or the start of a template literal (kept as one for targets that have them, see browserslist).
  const quoted = [`"${WEAPP_TEST_API_BASE}"`, `'${WEAPP_TEST_API_BASE}'`, `\`${WEAPP_TEST_API_BASE}\``, `\`${WEAPP_TEST_API_BASE}\${`]
  const built = (fs.readdirSync(WEAPP_DIST, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.js'))
    .some((name) => {
      const code = fs.readFileSync(path.join(WEAPP_DIST, name), 'utf8')
      return quoted.some((literal) => code.includes(literal))
    })
  if (!built) {
    throw new Error(
      `dist/weapp is not the development package (API ${WEAPP_TEST_API_BASE}): it was built with another TARO_APP_API_BASE. ` +
        'Run `npm run test:weapp`, which builds it.'
    )
  }
}
