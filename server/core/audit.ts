/**
 * The audit log: every change staff make records who, when, what, and the record before and after. Written in the
 * same transaction as the change, so there is never a change without its record, nor a record of a change that was
 * rolled back.
 */
import { randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { AuditEntity, AuditEntry, StaffMe } from '@/domain'
import type { AuditLogTable, Database } from './db/database'

/** What the change was is the domain's AuditEntry (src/domain/audit.ts); who made it and when, as the server has them. */
export interface AuditRecord extends Pick<AuditEntry, 'action' | 'entity' | 'entityId' | 'summary' | 'before' | 'after'> {
  staff: Pick<StaffMe, 'id' | 'displayName'>
  at: Date
}

let sequence = 0

/**
 * Ids sort in the order this process wrote them, so two changes in the same millisecond (a save and its publish)
 * are listed newest first (`order by at desc, id desc`); the random tail keeps ids of several API instances apart.
 */
function auditId(at: Date): string {
  sequence = (sequence + 1) % 36 ** 4
  return `${at.getTime().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}-${randomBytes(6).toString('hex')}`
}

export async function recordAudit(db: Kysely<Database> | Transaction<Database>, record: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: auditId(record.at),
      at: record.at.toISOString(),
      staff_id: record.staff.id,
      staff_name: record.staff.displayName,
      action: record.action,
      entity: record.entity,
      entity_id: record.entityId,
      summary: record.summary,
      before: record.before === undefined || record.before === null ? null : JSON.stringify(record.before),
      after: record.after === undefined || record.after === null ? null : JSON.stringify(record.after)
    })
    .execute()
}

export function auditEntryFromRow(row: AuditLogTable): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    staffId: row.staff_id,
    staffName: row.staff_name,
    action: row.action,
    entity: row.entity as AuditEntity,
    entityId: row.entity_id,
    summary: row.summary,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after)
  }
}
