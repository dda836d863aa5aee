import { spawnSync } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

/**
 * A time zone is read once per process: runs a TypeScript snippet (tsx, from the repository root, so `./src/…`
 * imports resolve) in a child process whose clock is in `zone`, and returns the JSON it printed. Nothing may be
 * printed on stderr.
 */
export function printedInZone(zone: string, script: string): unknown {
  const run = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['-e', script], {
    cwd: ROOT,
    env: { ...process.env, TZ: zone },
    encoding: 'utf8'
  })
  expect(run.stderr).toBe('')
  return JSON.parse(run.stdout)
}
