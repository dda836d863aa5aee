/** The outbox's tables (migration 0008), declared into core's Database as a slice declares its own. */
import type { Generated } from 'kysely'

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

export interface OutboxTable {
  id: string
  /** A worker id. */
  recipient: string
  /** A SubscribeTemplate key ('signup-result' …). */
  template: string
  /** Mini-program page the message opens, without personal data. */
  page: string
  /** JSON: Record<field key, text> */
  data: string
  status: Generated<OutboxStatus>
  attempts: Generated<number>
  next_attempt_at: string
  locked_until: string | null
  last_error: string | null
  created_at: string
  sent_at: string | null
}

export interface SubscriptionGrantsTable {
  worker_id: string
  template_id: string
  remaining: number
  updated_at: string
}

declare module '../db/database' {
  interface Database {
    outbox: OutboxTable
    subscription_grants: SubscriptionGrantsTable
  }
}
