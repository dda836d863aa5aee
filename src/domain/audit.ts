/** The audit log: every staff change, who made it and what it was before and after. No Taro import. */
import type { IsoDateTime } from './dates'

export const AUDIT_ENTITIES = [
  'news',
  'competition',
  'service',
  'plan',
  'featured',
  'staff',
  'media',
  'station',
  'station-settings',
  'activity',
  'signup'
] as const
export type AuditEntity = (typeof AUDIT_ENTITIES)[number]

export interface AuditEntry {
  id: string
  at: IsoDateTime
  staffId: string
  staffName: string
  /** e.g. create, update, publish, unpublish, disable, reset-password, upload */
  action: string
  entity: AuditEntity
  entityId: string
  /** One line in Chinese, e.g. 「发布动态《…》」 */
  summary: string
  before: unknown
  after: unknown
}
