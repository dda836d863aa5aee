export interface Page<T> {
  items: T[]
  page: number
  pageSize: number
  total: number
  hasMore: boolean
}

export const PAGE_SIZE = 20
export const MAX_PAGE = 10_000

export function pageOffset(page: number, pageSize = PAGE_SIZE): number {
  return (page - 1) * pageSize
}

export function toPage<T>(items: T[], page: number, total: number, pageSize = PAGE_SIZE): Page<T> {
  return { items, page, pageSize, total, hasMore: pageOffset(page, pageSize) + items.length < total }
}

/**
 * Appends the next page to what is loaded, dropping items already present
 * (a new item published between two page loads shifts the offsets by one).
 */
export function appendPage<T extends { id: string }>(loaded: T[], next: T[]): T[] {
  const seen = new Set(loaded.map((item) => item.id))
  return loaded.concat(next.filter((item) => !seen.has(item.id)))
}
