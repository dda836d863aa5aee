/**
 * The device's copy of the last answers, for offline reading.
 * WeChat gives a mini-program 10 MB of storage and 1 MB a key, so the copy keeps the most recent entries only.
 */
import Taro from '@tarojs/taro'

/**
 * Bump the version when a content type changes shape: copies kept by an older app are then ignored instead of
 * rendered by code that expects the new shape.
 */
const CACHE_VERSION = 1
const PREFIX = `miyun:api:v${CACHE_VERSION}:`
const INDEX_KEY = `miyun:api-index:v${CACHE_VERSION}`
/** Every version's keys: 清除本地缓存 also removes copies an older app left behind. */
const ANY_VERSION = /^miyun:api(-index)?:/
export const MAX_CACHED_RESPONSES = 60

export interface CachedResponse<T> {
  data: T
  savedAt: number
  etag?: string
}

function readIndex(): string[] {
  try {
    const index = Taro.getStorageSync(INDEX_KEY)
    return Array.isArray(index) ? index : []
  } catch {
    return []
  }
}

export function readCache<T>(url: string): CachedResponse<T> | undefined {
  try {
    const entry = Taro.getStorageSync(PREFIX + url)
    return entry && typeof entry === 'object' && 'data' in entry ? (entry as CachedResponse<T>) : undefined
  } catch {
    return undefined
  }
}

export function writeCache<T>(url: string, data: T, etag?: string): void {
  try {
    const entry: CachedResponse<T> = { data, savedAt: Date.now(), etag }
    Taro.setStorageSync(PREFIX + url, entry)
    const index = [url, ...readIndex().filter((key) => key !== url)]
    index.slice(MAX_CACHED_RESPONSES).forEach((key) => Taro.removeStorageSync(PREFIX + key))
    Taro.setStorageSync(INDEX_KEY, index.slice(0, MAX_CACHED_RESPONSES))
  } catch {
    // Storage full or unavailable: reading still works online, so a failed save must not fail the request.
  }
}

/**
 * Removes every kept copy of content (我的 → 隐私 → 清除本地缓存), and nothing else: a staffer's session and unsaved
 * drafts live under their own keys and stay.
 */
export function clearCachedContent(): void {
  try {
    Taro.getStorageInfoSync()
      .keys.filter((key) => ANY_VERSION.test(key))
      .forEach((key) => Taro.removeStorageSync(key))
  } catch {
    // Storage unavailable: nothing is kept to clear.
  }
}
