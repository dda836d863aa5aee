/**
 * One-time subscribe-message grants. In WeChat, each 「允许」 in `Taro.requestSubscribeMessage`'s dialog lets the
 * mini-program send that worker ONE message of that template; the app reports what the worker accepted
 * (POST /api/me/subscriptions) and the count is kept here per worker and template id. Sending uses one; without one
 * the message is skipped without calling WeChat (it would answer 43101).
 */
import type { Kysely, Transaction } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../db/database'
import './tables'

type Executor = Kysely<Database> | Transaction<Database>

/** Grants kept per worker and template at most: more 「允许」 taps than messages an event can produce are not counted. */
export const MAX_GRANTS_PER_TEMPLATE = 20

/**
 * One more grant for each accepted template id the server knows (`known`: the configured template ids); others are
 * ignored (an old app version, a template since replaced). Returns the template ids counted.
 */
export async function recordGrants(executor: Executor, workerId: string, accepted: readonly string[], known: readonly string[], now: Date): Promise<string[]> {
  const counted = [...new Set(accepted)].filter((templateId) => known.includes(templateId))
  for (const templateId of counted) {
    await executor
      .insertInto('subscription_grants')
      .values({ worker_id: workerId, template_id: templateId, remaining: 1, updated_at: now.toISOString() })
      .onConflict((conflict) =>
        conflict.columns(['worker_id', 'template_id']).doUpdateSet({
          remaining: sql<number>`case when subscription_grants.remaining < ${MAX_GRANTS_PER_TEMPLATE} then subscription_grants.remaining + 1 else subscription_grants.remaining end`,
          updated_at: now.toISOString()
        })
      )
      .execute()
  }
  return counted
}

export async function grantsLeft(executor: Executor, workerId: string, templateId: string): Promise<number> {
  const row = await executor
    .selectFrom('subscription_grants')
    .select('remaining')
    .where('worker_id', '=', workerId)
    .where('template_id', '=', templateId)
    .executeTakeFirst()
  return row?.remaining ?? 0
}

/** A message went out: one grant used. WeChat said there is none (43101): none left, whatever we counted. */
export async function useGrant(executor: Executor, workerId: string, templateId: string, now: Date, { all = false } = {}): Promise<void> {
  await executor
    .updateTable('subscription_grants')
    .set({ remaining: all ? 0 : sql<number>`remaining - 1`, updated_at: now.toISOString() })
    .where('worker_id', '=', workerId)
    .where('template_id', '=', templateId)
    .where('remaining', '>', 0)
    .execute()
}
