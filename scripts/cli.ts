/**
 * What the command-line tools over the server's database (`npm run staff`, `npm run retention`) share: the database
 * the server would use, on the latest schema and closed afterwards, and how main()'s answer ends the process.
 */
import type { Config } from '@server/core/config'
import { createDb, dialectOf } from '@server/core/db/create-db'
import type { Db } from '@server/core/db/database'
import { migrateToLatest } from '@server/core/db/migrate'

export async function withDatabase<T>(config: Config, use: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(config)
  try {
    await migrateToLatest(db, dialectOf(config))
    return await use(db)
  } finally {
    await db.destroy()
  }
}

/** main() answers the exit code; whatever it throws is 「出错了：…」 and exit code 1. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`出错了：${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    }
  )
}
