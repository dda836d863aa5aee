/**
 * `npm run snapshot`: writes the content bundled with the app to src/content/offline/*.json.
 *
 * - Without arguments, from the seed (a fresh in-memory database): run it after changing the seed content;
 *   tests/server/snapshot.test.ts fails until the files match the seed. The answers are taken at
 *   DEFAULT_SNAPSHOT_AT (or SNAPSHOT_AT, an ISO instant), not at "now", so the files do not change with the day they
 *   are made; the app derives competition statuses from the dates anyway.
 * - `npm run snapshot -- --from https://api.example.cn`: from a running server, as workers would read it now — the
 *   step before `npm run build:weapp:release`, which refuses a bundle that still holds sample records.
 */
import fs from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from '@server/core/config'
import { DEFAULT_SNAPSHOT_AT, buildOfflineSnapshot, offlineFiles, type OfflineSnapshot } from '@server/snapshot'
import { sampleRecords } from '../config/release-guard'

const OUTPUT_DIR = path.join(REPO_ROOT, 'src', 'content', 'offline')

/** The server named by `--from <url>` / `--from=<url>`, or undefined for the seed. */
function serverFromArgs(args: string[]): string | undefined {
  const index = args.findIndex((arg) => arg === '--from' || arg.startsWith('--from='))
  if (index < 0) {
    if (args.length > 0) throw new Error(`不认识的参数：${args.join(' ')}。用法：npm run snapshot [-- --from https://api.example.cn]`)
    return undefined
  }
  const value = args[index].startsWith('--from=') ? args[index].slice('--from='.length) : args[index + 1]
  let url: URL
  try {
    url = new URL(value ?? '')
  } catch {
    throw new Error(`--from 需要服务器的完整地址，如 https://api.example.cn，收到：${value ?? '（空）'}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`--from 需要 http(s) 地址，收到：${value}`)
  return url.href.replace(/\/+$/, '')
}

/** The same four answers buildOfflineSnapshot takes from the routes, read over HTTP from a running server. */
async function snapshotFromServer(base: string): Promise<OfflineSnapshot> {
  const get = async <T>(route: string): Promise<T> => {
    const response = await fetch(`${base}${route}`, { headers: { accept: 'application/json' } })
    if (response.status !== 200) throw new Error(`${base}${route} 返回 ${response.status}：${(await response.text()).slice(0, 300)}`)
    return (await response.json()) as T
  }
  return {
    home: await get('/api/home'),
    newsFirstPage: await get('/api/news?page=1'),
    services: await get('/api/services'),
    plan: await get('/api/plan')
  }
}

async function main() {
  const server = serverFromArgs(process.argv.slice(2))
  let snapshot: OfflineSnapshot
  if (server) {
    snapshot = await snapshotFromServer(server)
  } else {
    const at = process.env.SNAPSHOT_AT ? new Date(process.env.SNAPSHOT_AT) : DEFAULT_SNAPSHOT_AT
    if (Number.isNaN(at.getTime())) throw new Error(`SNAPSHOT_AT 不是有效的时间：${process.env.SNAPSHOT_AT}`)
    snapshot = await buildOfflineSnapshot(at)
  }
  const files = offlineFiles(snapshot)
  fs.mkdirSync(OUTPUT_DIR, { recursive: true })
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(OUTPUT_DIR, name), JSON.stringify(content, null, 2) + '\n')
    console.log(`已写入 ${path.relative(REPO_ROOT, path.join(OUTPUT_DIR, name))}`)
  }
  const samples = sampleRecords(files).length
  console.log(
    samples > 0
      ? `其中仍有 ${samples} 条示例数据（sample: true）：npm run build:weapp:release 会拒绝构建，先在服务器上替换它们。`
      : '没有示例数据：可以运行 npm run build:weapp:release。'
  )
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
