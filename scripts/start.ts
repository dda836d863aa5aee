/**
 * `npm start`: one command from a fresh clone to a running app.
 * Builds the H5 app first when dist/h5 is missing or was built from other sources, then starts the server
 * (server/main.ts: database created, migrated and seeded on first start).
 *
 * "Other sources" = a hash of everything the H5 build reads (src, config, babel and TypeScript config, package.json,
 * the lockfile and the build-time API address) differs from the hash written to dist/h5/.build-stamp after the last
 * good build.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ConfigError, REPO_ROOT, loadConfig } from '@server/core/config'

// package.json counts too: its browserslist decides what the build compiles to.
export const BUILD_INPUTS = ['src', 'config', 'babel.config.js', 'tsconfig.json', 'package.json', 'package-lock.json']
/** Build-time settings read by config/index.ts; a different value needs a different build. */
export const BUILD_ENV = ['TARO_APP_API_BASE']
export const STAMP_FILENAME = '.build-stamp'

function filesUnder(root: string, relative: string): string[] {
  const absolute = path.join(root, relative)
  if (!fs.existsSync(absolute)) return []
  if (fs.statSync(absolute).isFile()) return [relative]
  return fs
    .readdirSync(absolute, { withFileTypes: true })
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => filesUnder(root, path.join(relative, name)))
}

export function sourceHash(root: string = REPO_ROOT, env: Record<string, string | undefined> = process.env): string {
  const hash = createHash('sha256')
  for (const file of BUILD_INPUTS.flatMap((input) => filesUnder(root, input))) {
    // Name and content both count: a renamed page is a different app.
    hash
      .update(file.split(path.sep).join('/'))
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0')
  }
  for (const name of BUILD_ENV) hash.update(`${name}=${env[name] ?? ''}\0`)
  return hash.digest('hex')
}

export function isH5BuildCurrent(h5Dir: string, hash: string): boolean {
  if (!fs.existsSync(path.join(h5Dir, 'index.html'))) return false
  try {
    return fs.readFileSync(path.join(h5Dir, STAMP_FILENAME), 'utf8').trim() === hash
  } catch {
    return false
  }
}

function buildH5(): void {
  console.log('正在构建网页版（H5）……')
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' }
  })
  if (result.status !== 0) {
    console.error('网页版构建失败，请查看上面的输出。')
    process.exit(result.status ?? 1)
  }
}

async function main() {
  // Settings first: a wrong PORT is reported at once, not after a build.
  const config = loadConfig()
  const builtH5Dir = path.join(REPO_ROOT, 'dist', 'h5')
  if (path.resolve(config.h5Dir) !== builtH5Dir) {
    console.log(`使用 H5_DIR 中已构建的网页版：${config.h5Dir}（不自动构建）`)
  } else {
    const hash = sourceHash()
    if (isH5BuildCurrent(builtH5Dir, hash)) {
      console.log('网页版已是最新构建。')
    } else {
      buildH5()
      // Hash taken before the build: an edit made during the build leaves the stamp stale, so the next start rebuilds.
      fs.writeFileSync(path.join(builtH5Dir, STAMP_FILENAME), hash + '\n')
    }
  }
  const { startServer } = await import('@server/main')
  await startServer(config)
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof ConfigError ? error.message : error)
    process.exit(1)
  })
}
