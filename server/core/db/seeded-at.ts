/** When the seed wrote the content: the last change of records nobody has saved since. */
import type { Executor } from '../versioned/write'

export const SEEDED_MARKER = 'seeded_at'

export async function seededAt(executor: Executor): Promise<string> {
  const row = await executor.selectFrom('meta').select('value').where('key', '=', SEEDED_MARKER).executeTakeFirst()
  // Written with the seed content in one transaction: without it there is no content to edit either.
  if (row === undefined) throw new Error(`meta 表缺少 ${SEEDED_MARKER}`)
  return row.value
}
