/**
 * Sending what the outbox holds. `drainOutbox()` claims the due messages, sends each, and records what happened:
 * - claimed in ONE statement (UPDATE … WHERE id IN (due rows) RETURNING): the row's `locked_until` moves past now and
 *   its `attempts` up by one, so another drainer — another API instance on the same database — does not see it as
 *   due. On PostgreSQL the inner SELECT is `FOR UPDATE SKIP LOCKED`: two instances claiming at the same moment take
 *   different rows instead of the same ones; SQLite has one writer at a time, so the statement is already alone.
 * - sent outside any transaction (a network call inside one would hold locks for seconds, and transaction() may run
 *   its work twice); the result is written only if the row is still this claim's (same attempts, still pending).
 * - a failure WeChat may get over (busy, a timeout) is tried again later with a growing pause, and given up after
 *   OUTBOX_MAX_ATTEMPTS; a refusal retrying cannot fix (43101: no subscription) is given up at once. The change the
 *   message reports was committed long before: nothing here can undo it.
 * - 'skipped' without calling WeChat: no template id configured, no WeChat credentials, a worker with no openid
 *   (a device identity on H5), or no grant left for the template.
 * A drainer that dies between sending and recording leaves the row claimed; after LEASE_MS another drainer sends it
 * again — the one case a message can arrive twice, and rarer than a lost one would be.
 */
import { subscribeMessageData, type SubscribeTemplate } from '@/domain'
import { WECHAT_TEMPLATE_SETTINGS, type WechatConfig } from '../config'
import type { Db } from '../db/database'
import { takesRowLocks, transaction } from '../db/transaction'
import type { SubscribeMessage, SubscribeOutcome } from '../wechat/subscribe-message'
import { grantsLeft, useGrant } from './grants'
import type { OutboxStatus, OutboxTable } from './tables'

/**
 * Who a worker is in WeChat. Core does not know workers: the workers slice provides this (its repository's
 * openidOf, which opens the sealed openid) and app.ts hands it in. null: no WeChat identity (a device on H5).
 */
export interface OutboxRecipients {
  openidOf(workerId: string): Promise<string | null>
}

/** What sends: the WeChat client (core/wechat), or nothing when WECHAT_APPID/WECHAT_APPSECRET are unset. */
export interface OutboxSender {
  sendSubscribeMessage(message: SubscribeMessage): Promise<SubscribeOutcome>
}

/** The template id of each kind of message (WECHAT_TEMPLATE_*); unset: those messages are skipped. */
export type OutboxTemplateIds = WechatConfig['templates']

export const OUTBOX_MAX_ATTEMPTS = 6
/** How long a claim holds a row: far longer than one send may take (WeChat's deadline plus a token fetch). */
export const LEASE_MS = 2 * 60_000
const BATCH = 20

/** The pause before attempt n + 1 after n failed: 30 s, 2 min, 8 min, 32 min, then 2 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempts - 1), 2 * 60 * 60_000)
}

export interface DrainOptions {
  db: Db
  sender: OutboxSender | undefined
  recipients: OutboxRecipients
  templates: OutboxTemplateIds
  now: Date
  /** Rows claimed at most (default 20). */
  batch?: number
}

export type DrainResult = Record<OutboxStatus | 'retrying', number>

type Claimed = Pick<OutboxTable, 'id' | 'recipient' | 'template' | 'page' | 'data'> & { attempts: number }

/** Claims due messages for this drainer alone (see the top of this file). */
export async function claimDue(db: Db, now: Date, batch = BATCH): Promise<Claimed[]> {
  const at = now.toISOString()
  const rowLocks = takesRowLocks(db)
  return db
    .updateTable('outbox')
    .set((eb) => ({ locked_until: new Date(now.getTime() + LEASE_MS).toISOString(), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', at)]))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(batch)
      return rowLocks ? due.forUpdate().skipLocked() : due
    })
    .returning(['id', 'recipient', 'template', 'page', 'data', 'attempts'])
    .execute()
}

/** What becomes of a claimed row, and the grant a send used (or WeChat said is not there: all of them). */
type Finish = { status: OutboxStatus; error?: string; grant?: { templateId: string; all: boolean } } | { status: 'retrying'; error: string; grant?: undefined }

export async function drainOutbox(options: DrainOptions): Promise<DrainResult> {
  const result: DrainResult = { pending: 0, sent: 0, failed: 0, skipped: 0, retrying: 0 }
  for (const row of await claimDue(options.db, options.now, options.batch)) {
    let finish: Finish
    try {
      finish = await sendOne(row, options)
    } catch (error) {
      // Not WeChat (it answers through the outcome): the database or the recipients' lookup. Tried again later.
      finish = { status: 'retrying', error: `发送前出错：${error instanceof Error ? error.message.slice(0, 200) : String(error)}` }
    }
    if (finish.status === 'retrying' && row.attempts >= OUTBOX_MAX_ATTEMPTS) {
      finish = { status: 'failed', error: `已尝试 ${row.attempts} 次，放弃：${finish.error}` }
    }
    await record(options.db, row, finish, options.now)
    result[finish.status] += 1
  }
  return result
}

async function sendOne(row: Claimed, { sender, recipients, templates, db }: DrainOptions): Promise<Finish> {
  const template = row.template as SubscribeTemplate
  const templateId = templates[template]
  if (!templateId) return { status: 'skipped', error: `未设置 ${WECHAT_TEMPLATE_SETTINGS[template] ?? '模板 ID'}，不发送此类消息` }
  if (!sender) return { status: 'skipped', error: '未设置 WECHAT_APPID 和 WECHAT_APPSECRET，不能发送订阅消息' }
  const openid = await recipients.openidOf(row.recipient)
  if (!openid) return { status: 'skipped', error: '该职工没有微信身份（网页端的设备身份），无法发送订阅消息' }
  if ((await grantsLeft(db, row.recipient, templateId)) < 1) return { status: 'skipped', error: '该职工未订阅此消息（或订阅次数已用完）' }
  const outcome = await sender.sendSubscribeMessage({ touser: openid, templateId, page: row.page, data: subscribeMessageData(JSON.parse(row.data)) })
  if (outcome.outcome === 'sent') return { status: 'sent', grant: { templateId, all: false } }
  if (outcome.outcome === 'refused') {
    return { status: 'failed', error: outcome.reason, grant: outcome.errcode === 43101 ? { templateId, all: true } : undefined }
  }
  return { status: 'retrying', error: outcome.reason }
}

/** Written only while the row is still this claim's: pending, with the attempts count the claim set; the grant with it. */
async function record(db: Db, row: Claimed, finish: Finish, now: Date): Promise<void> {
  const at = now.toISOString()
  const change =
    finish.status === 'retrying'
      ? { next_attempt_at: new Date(now.getTime() + retryDelayMs(row.attempts)).toISOString(), locked_until: null, last_error: finish.error }
      : { status: finish.status, locked_until: null, last_error: finish.error ?? null, sent_at: finish.status === 'sent' ? at : null }
  await transaction(db, async (trx) => {
    const updated = await trx
      .updateTable('outbox')
      .set(change)
      .where('id', '=', row.id)
      .where('attempts', '=', row.attempts)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    const { grant } = finish
    if (grant && updated.numUpdatedRows > 0n) await useGrant(trx, row.recipient, grant.templateId, now, { all: grant.all })
  })
}
