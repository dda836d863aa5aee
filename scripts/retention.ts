/**
 * `npm run retention`: every retention rule once, now, on the server's database (DATA_DIR or DATABASE_URL, as the
 * server reads them), printing what each deleted. The API instances run the same rules once a day by themselves;
 * this is for an administrator who wants it done now (before a backup, after lowering SIGNUP_RETENTION_DAYS).
 */
import { ConfigError, loadConfig, type Config } from '@server/core/config'
import { runRetention } from '@server/core/retention'
import { retentionRules } from '@server/retention-rules'
import { runMain, withDatabase } from './cli'

async function main(): Promise<number> {
  let config: Config
  try {
    config = loadConfig()
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`)
    return 2
  }
  return withDatabase(config, async (db) => {
    const results = await runRetention(db, retentionRules(config), new Date())
    for (const { name, deleted } of results) process.stdout.write(`${name}：删除 ${deleted} 条\n`)
    const total = results.reduce((sum, result) => sum + result.deleted, 0)
    process.stdout.write(`共删除 ${total} 条。\n`)
    return 0
  })
}

runMain(main)
