/**
 * The weapp build under test calls a fixed address (TARO_APP_API_BASE is fixed at build time): scripts/test.sh
 * builds dist/weapp with WEAPP_TEST_API_BASE and these tests run the real server there.
 */
import fs from 'node:fs'
import path from 'node:path'
import { WEAPP_DIST } from './simulator'

export const WEAPP_TEST_API_PORT = Number(process.env.WEAPP_TEST_API_PORT ?? 39123)
export const WEAPP_TEST_API_BASE = process.env.WEAPP_TEST_API_BASE ?? `http://127.0.0.1:${WEAPP_TEST_API_PORT}`

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
      `dist/weapp was not built for the test API (${WEAPP_TEST_API_BASE}). ` +
        `Run \`npm run test:weapp\`, or build with TARO_APP_API_BASE=${WEAPP_TEST_API_BASE} npx taro build --type weapp.`
    )
  }
}
