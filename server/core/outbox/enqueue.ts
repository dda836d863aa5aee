/**
 * `enqueueMessage(trx, message)`: a message to a worker, written INSIDE the transaction of the change it reports —
 * committed with it, gone with it if it rolls back. Nothing is sent here: the drainer (drain.ts) sends it after the
 * commit, so WeChat being slow or down never holds up or undoes the change.
 */
import { randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { SubscribeTemplate } from '@/domain'
import type { Database } from '../db/database'
import './tables'

export interface OutboxMessage {
  /** The worker's id. */
  recipient: string
  template: SubscribeTemplate
  /** The page the message opens, e.g. 'packages/signups/mine/index' (an id at most, never personal data). */
  page: string
  /** The template's fields by key (thing1, time2 …): fitted to WeChat's limits when sent, never refused. */
  data: Record<string, string>
}

/** `now`: the change's own clock (app.now(), fixed in tests); the message is due from then. */
export async function enqueueMessage(executor: Kysely<Database> | Transaction<Database>, message: OutboxMessage, now: Date = new Date()): Promise<string> {
  const id = `${now.getTime().toString(36)}-${randomBytes(8).toString('hex')}`
  await executor
    .insertInto('outbox')
    .values({
      id,
      recipient: message.recipient,
      template: message.template,
      page: message.page,
      data: JSON.stringify(message.data),
      next_attempt_at: now.toISOString(),
      locked_until: null,
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null
    })
    .execute()
  return id
}
