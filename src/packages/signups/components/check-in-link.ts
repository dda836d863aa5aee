/**
 * What a check-in QR code carries: the event and the current code — `packages/signups/check-in/index?type=…&id=…&code=…`
 * (server/signups/staff-repository.ts CHECK_IN_PAGE), as a mini-program path or inside an H5 address. Nothing personal.
 */
import { isContentId } from '@/domain/limits'
import { isSignupEventType, type SignupEventType } from '@/domain/signup-events'

export interface CheckInLink {
  type: SignupEventType
  id: string
  code: string
}

export const CHECK_IN_CODE = /^\d{6}$/

export function checkInLinkOf(params: Partial<Record<'type' | 'id' | 'code', string>>): CheckInLink | undefined {
  const { type, id, code } = params
  if (!isSignupEventType(type) || !id || !isContentId(id) || !code || !CHECK_IN_CODE.test(code)) return undefined
  return { type, id, code }
}

/** The link in what a scan read (a path or a whole address); undefined when it is not a check-in code. */
export function parseCheckInLink(text: string): CheckInLink | undefined {
  const query = text.slice(text.lastIndexOf('?') + 1)
  if (query === text) return undefined
  const params: Record<string, string> = {}
  for (const part of query.split('&')) {
    const [key, value = ''] = part.split('=')
    try {
      params[decodeURIComponent(key)] = decodeURIComponent(value)
    } catch {
      return undefined
    }
  }
  return checkInLinkOf(params)
}
