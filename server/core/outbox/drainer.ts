/**
 * The drainer every API instance runs: `drainOutbox()` every OUTBOX_INTERVAL seconds (default 5; 0: this instance
 * does not drain, another does), from the moment the app is ready until it closes. One drain at a time per instance:
 * the next starts an interval after the last ended. Several instances over one database never send a message twice
 * (drain.ts claims rows for one drainer only).
 */
import type { FastifyInstance } from 'fastify'
import { drainOutbox, type OutboxRecipients, type OutboxTemplateIds } from './drain'

export interface OutboxDrainerOptions {
  /** 0: no drainer in this instance. */
  intervalMs: number
  recipients: OutboxRecipients
  templates: OutboxTemplateIds
}

export interface OutboxDrainer {
  /** Stops the timer and waits for a drain under way. */
  stop(): Promise<void>
}

export function startOutboxDrainer(app: FastifyInstance, { intervalMs, recipients, templates }: OutboxDrainerOptions): OutboxDrainer {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  async function drainOnce(): Promise<void> {
    try {
      const result = await drainOutbox({ db: app.db, sender: app.wechat, recipients, templates, now: app.now() })
      if (result.failed > 0 || result.retrying > 0) app.log.warn({ outbox: result }, '订阅消息未能全部发出')
    } catch (error) {
      // The database may be restarting: the next round tries again.
      app.log.warn({ err: error }, '订阅消息发送队列处理失败')
    }
  }

  function schedule(): void {
    if (stopped) return
    timer = setTimeout(() => {
      running = drainOnce().finally(() => {
        running = undefined
        schedule()
      })
    }, intervalMs)
    // A pending round never keeps the process alive.
    timer.unref()
  }

  if (intervalMs > 0) schedule()
  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    }
  }
}
