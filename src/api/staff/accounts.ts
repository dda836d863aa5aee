/**
 * Administrators' routes (docs/staff-api.md): staff accounts and the audit log. The server refuses these to anyone
 * without the admin role (403) whatever the page shows.
 */
import type { AccountChangeRequest, NewAccountRequest, StaffAccount } from '@/domain/accounts'
import type { AuditEntity, AuditEntry } from '@/domain/audit'
import type { Page } from '@/domain/paging'
import { staffRequest } from './request'

const accountPath = (id: string) => `/api/staff/accounts/${encodeURIComponent(id)}`

export function listAccounts(): Promise<StaffAccount[]> {
  return staffRequest<StaffAccount[]>('GET', '/api/staff/accounts')
}

export function createAccount(request: NewAccountRequest): Promise<StaffAccount> {
  return staffRequest<StaffAccount>('POST', '/api/staff/accounts', { body: request })
}

/** Roles, display name or 停用 / 启用; disabling ends the account's sessions at once. */
export function changeAccount(id: string, change: AccountChangeRequest): Promise<StaffAccount> {
  return staffRequest<StaffAccount>('PATCH', accountPath(id), { body: change })
}

/** Sets a new password; the account's sessions end. */
export function resetAccountPassword(id: string, password: string): Promise<void> {
  return staffRequest<void>('PUT', `${accountPath(id)}/password`, { body: { password } })
}

export interface AuditQuery {
  page?: number
  entity?: AuditEntity
  entityId?: string
}

/** One page (20) of the audit log, newest first. */
export function listAudit(query: AuditQuery = {}): Promise<Page<AuditEntry>> {
  return staffRequest<Page<AuditEntry>>('GET', '/api/staff/audit', {
    query: { page: query.page ?? 1, entity: query.entity, entityId: query.entityId }
  })
}
