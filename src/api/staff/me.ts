/** The logged-in staffer's own account: who they are now (roles may have changed since login) and their password. */
import type { PasswordChangeRequest, StaffMe } from '@/domain/accounts'
import { staffRequest } from './request'
import { updateSessionStaff } from './session'

/** Asks the server who this session belongs to, and keeps the answer with the session on the device. */
export async function fetchMe(): Promise<StaffMe> {
  const me = await staffRequest<StaffMe>('GET', '/api/staff/me')
  updateSessionStaff(me)
  return me
}

/** The staffer's other sessions end; this one stays. */
export function changeOwnPassword(request: PasswordChangeRequest): Promise<void> {
  return staffRequest<void>('PUT', '/api/staff/me/password', { body: request })
}
