/** Limits the API enforces and the app respects before asking, so a bad link or input never costs a request. */
import { SERVICE_SLUGS, type ServiceSlug } from './services'

/** Ids of news items and competitions: short, lowercase, URL-safe. */
export const CONTENT_ID_PATTERN = '^[a-z0-9-]{1,64}$'
const contentId = new RegExp(CONTENT_ID_PATTERN)

export function isContentId(value: string | undefined): value is string {
  return value !== undefined && contentId.test(value)
}

/** The longest news search keyword, in characters. */
export const MAX_KEYWORD_LENGTH = 50

export function isServiceSlug(value: string | undefined): value is ServiceSlug {
  return (SERVICE_SLUGS as readonly string[]).includes(value ?? '')
}
