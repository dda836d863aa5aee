/** Reading the audit log (writing is server/audit.ts, inside each change's transaction). */
import { PAGE_SIZE, pageOffset, toPage, type AuditEntity, type AuditEntry, type Page } from '@/domain'
import { auditEntryFromRow } from '../core/audit'
import type { Db } from '../core/db/database'

export interface AuditFilter {
  page: number
  entity?: AuditEntity
  entityId?: string
}

export function createAuditRepository(db: Db) {
  return {
    /** Newest first; the audit_log_at_idx and audit_log_entity_idx indexes serve both orders. */
    async list({ page, entity, entityId }: AuditFilter): Promise<Page<AuditEntry>> {
      let query = db.selectFrom('audit_log')
      if (entity !== undefined) query = query.where('entity', '=', entity)
      if (entityId !== undefined) query = query.where('entity_id', '=', entityId)
      const { total } = await query.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow()
      const rows = await query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(PAGE_SIZE).offset(pageOffset(page)).execute()
      return toPage(rows.map(auditEntryFromRow), page, Number(total))
    }
  }
}
