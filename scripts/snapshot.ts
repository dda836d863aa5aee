/**
 * `npm run snapshot`: writes the content bundled with the app to src/content/offline/*.json.
 * Run it after changing the seed content. SNAPSHOT_AT (an ISO instant) fixes the clock the answers are taken at,
 * for a reproducible file; by default it is now.
 */
import fs from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from '../server/config'
import { buildOfflineSnapshot } from '../server/snapshot'

const OUTPUT_DIR = path.join(REPO_ROOT, 'src', 'content', 'offline')

async function main() {
  const at = process.env.SNAPSHOT_AT ? new Date(process.env.SNAPSHOT_AT) : new Date()
  if (Number.isNaN(at.getTime())) throw new Error(`SNAPSHOT_AT 不是有效的时间：${process.env.SNAPSHOT_AT}`)
  const snapshot = await buildOfflineSnapshot(at)
  const files: Record<string, unknown> = {
    'home.json': snapshot.home,
    'news-first-page.json': snapshot.newsFirstPage,
    'services.json': snapshot.services,
    'plan.json': snapshot.plan
  }
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
