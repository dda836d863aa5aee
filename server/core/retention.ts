/**
 * Deleting what is no longer needed: each slice that keeps personal data or logs hands in a RetentionRule (the
 * sign-ups part deletes sign-ups SIGNUP_RETENTION_DAYS after their event; the outbox its old messages). The rules
 * run once a day in every API instance (a delete that finds nothing costs nothing, and two instances deleting the
 * same rows cannot conflict), and by hand with `npm run retention` (scripts/retention.ts).
 */
import type { FastifyInstance } from 'fastify'
import type { Db } from './db/database'
import './outbox/tables'

export interface RetentionRule {
  /** What it deletes, in Chinese, for the job's output: 「已发送或放弃 30 天以上的订阅消息」. */
  name: string
  /** Deletes what is due at `now`; returns how many rows it deleted. */
  run(db: Db, now: Date): Promise<number>
}

export interface RetentionResult {
  name: string
  deleted: number
}

export async function runRetention(db: Db, rules: readonly RetentionRule[], now: Date): Promise<RetentionResult[]> {
  const results: RetentionResult[] = []
  for (const rule of rules) results.push({ name: rule.name, deleted: await rule.run(db, now) })
  return results
}

export const OUTBOX_RETENTION_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

/** Messages done with (sent, given up, skipped) more than 30 days ago; pending ones stay whatever their age. */
export const outboxRetentionRule: RetentionRule = {
  name: `已处理满 ${OUTBOX_RETENTION_DAYS} 天的订阅消息记录`,
  async run(db, now) {
    const before = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * DAY_MS).toISOString()
    const result = await db.deleteFrom('outbox').where('status', 'in', ['sent', 'failed', 'skipped']).where('created_at', '<', before).executeTakeFirst()
    return Number(result.numDeletedRows)
  }
}

export const RETENTION_INTERVAL_MS = DAY_MS
/** The first run after a start: not at once, so a server restarting in a loop does not delete in a loop. */
const FIRST_RUN_DELAY_MS = 10 * 60_000

/** The daily run, from when the app is ready until it closes. */
export function startRetentionTimer(app: FastifyInstance, rules: readonly RetentionRule[]): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined
  const run = () => {
    running = runRetention(app.db, rules, app.now())
      .then((results) => {
        const deleted = results.filter((result) => result.deleted > 0)
        if (deleted.length > 0) app.log.info({ retention: deleted }, '已按保存期限删除过期数据')
      })
      .catch((error: unknown) => app.log.warn({ err: error }, '按保存期限删除过期数据失败'))
      .finally(() => {
        running = undefined
      })
  }
  let interval: NodeJS.Timeout | undefined
  const first = setTimeout(() => {
    run()
    interval = setInterval(run, RETENTION_INTERVAL_MS).unref()
  }, FIRST_RUN_DELAY_MS).unref()
  return {
    async stop() {
      clearTimeout(first)
      clearInterval(interval)
      await running
    }
  }
}
