/** The pages of a worker list (news, competitions): PAGE_SIZE items from the page's offset, with the list's total. */
import { PAGE_SIZE, pageOffset, toPage, type Page } from '@/domain'

/**
 * `rows(limit, offset)` reads the page; a page that is neither full nor empty is the last one, so the total follows
 * without counting. Otherwise `count()` (a `countAll().as('total')` of the same filter) gives it.
 */
export async function listPage<T>(
  page: number,
  rows: (limit: number, offset: number) => Promise<T[]>,
  count: () => Promise<{ total: string | number | bigint }>
): Promise<Page<T>> {
  const offset = pageOffset(page)
  const items = await rows(PAGE_SIZE, offset)
  const total = items.length > 0 && items.length < PAGE_SIZE ? offset + items.length : Number((await count()).total)
  return toPage(items, page, total)
}
