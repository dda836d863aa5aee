/** TypeBox schemas of the audit log as administrators read it (/api/staff/audit). */
import { Type, type Static } from '@sinclair/typebox'
import { AUDIT_ENTITIES, type AuditEntry } from '@/domain'
import { PageSchema, StringEnum, closed } from '../core/schemas/common'
import type { AllTrue, Same } from '../core/schemas/common'
import { PageParam, oneOf } from '../core/schemas/params'

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  staffId: Type.String(),
  staffName: Type.String(),
  action: Type.String(),
  entity: StringEnum(AUDIT_ENTITIES),
  entityId: Type.String(),
  summary: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown()
})

export const AuditListQuery = Type.Object(
  {
    page: Type.Optional(PageParam),
    entity: Type.Optional(StringEnum(AUDIT_ENTITIES, { description: oneOf(AUDIT_ENTITIES) })),
    entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '应为 1 到 100 个字符的记录编号' }))
  },
  closed
)

export const AuditPageSchema = PageSchema(AuditEntrySchema)

// ——— Schema ⇄ domain type agreement, checked by `tsc` ———

export type AuditSchemasMatchDomainTypes = AllTrue<[Same<Static<typeof AuditEntrySchema>, AuditEntry>]>
