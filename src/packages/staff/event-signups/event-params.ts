import type { EventRef } from '@/api/staff/signups'
import { isContentId } from '@/domain/limits'
import { SIGNUP_EVENT_TYPES, type SignupEventType } from '@/domain/signup-events'
import { routeParam } from '@/routes'

/** The event a staff page's URL names (`?type=activity&id=…`), or undefined for a URL no event can have. */
export function eventOfParams(params: Record<string, string | undefined>): EventRef | undefined {
  const type = routeParam(params.type)
  const id = routeParam(params.id)
  if (!SIGNUP_EVENT_TYPES.includes(type as SignupEventType) || !isContentId(id)) return undefined
  return { type: type as SignupEventType, id: id! }
}
