/**
 * The audit log: every change staff make records who, when, what, and the record before and after. Written in the
 * same transaction as the change, so there is never a change without its record, nor a record of a change that was
 * rolled back.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { AuditEntity, AuditEntry, StaffMe } from '../src/domain/staff'
import type { AuditLogTable, Database } from './db/database'

export interface AuditRecord {
  staff: Pick<StaffMe, 'id' | 'displayName'>
  action: string
  entity: AuditEntity
  entityId: string
  /** One line in Chinese, e.g. 「发布动态《…》」 */
  summary: string
  before: unknown
  after: unknown
  at: Date
}

export async function recordAudit(db: Kysely<Database> | Transaction<Database>, record: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
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
