/**
 * `npm run snapshot`: writes the content bundled with the app to src/content/offline/*.json.
 * Run it after changing the seed content; tests/server/snapshot.test.ts fails until the files match the seed.
 * The answers are taken at DEFAULT_SNAPSHOT_AT (or SNAPSHOT_AT, an ISO instant), not at "now", so the files do not
 * change with the day they are made; the app derives competition statuses from the dates anyway.
 */
import fs from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from '../server/config'
import { DEFAULT_SNAPSHOT_AT, buildOfflineSnapshot, offlineFiles } from '../server/snapshot'

const OUTPUT_DIR = path.join(REPO_ROOT, 'src', 'content', 'offline')

async function main() {
  const at = process.env.SNAPSHOT_AT ? new Date(process.env.SNAPSHOT_AT) : DEFAULT_SNAPSHOT_AT
  if (Number.isNaN(at.getTime())) throw new Error(`SNAPSHOT_AT 不是有效的时间：${process.env.SNAPSHOT_AT}`)
  const snapshot = await buildOfflineSnapshot(at)
  const files = offlineFiles(snapshot)
  fs.mkdirSync(OUTPUT_DIR, { recursive: true })
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(OUTPUT_DIR, name), JSON.stringify(content, null, 2) + '\n')
    console.log(`已写入 ${path.relative(REPO_ROOT, path.join(OUTPUT_DIR, name))}`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
