import type { EventAvailability } from '../domain/signups'
import type { SignupEventType } from '../domain/signup-events'
import { get, type Loaded } from './client'

/**
 * The places of an activity or a competition (「剩余 12 个名额」). The server never caches it; a copy kept on the
 * phone is shown only offline, marked so.
 */
export function fetchAvailability(type: SignupEventType, id: string): Promise<Loaded<EventAvailability>> {
  return get<EventAvailability>(`/api/events/${type}/${encodeURIComponent(id)}/availability`)
}
