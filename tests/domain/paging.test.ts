import { appendPage, pageOffset, toPage, PAGE_SIZE } from '@/domain/paging'

describe('paging', () => {
  it('serves 20 items a page', () => {
    expect(PAGE_SIZE).toBe(20)
    expect(pageOffset(1)).toBe(0)
    expect(pageOffset(3)).toBe(40)
  })
  it('says there is more only while items remain', () => {
    const items = Array.from({ length: 20 }, (_, i) => i)
    expect(toPage(items, 1, 26).hasMore).toBe(true)
    expect(toPage(items.slice(0, 6), 2, 26).hasMore).toBe(false)
    expect(toPage(items, 1, 20).hasMore).toBe(false)
    expect(toPage([], 1, 0)).toEqual({ items: [], page: 1, pageSize: 20, total: 0, hasMore: false })
  })
  it('appends the next page without repeating an item that shifted across the page boundary', () => {
    const loaded = [{ id: 'a' }, { id: 'b' }]
    expect(appendPage(loaded, [{ id: 'b' }, { id: 'c' }]).map((item) => item.id)).toEqual(['a', 'b', 'c'])
  })
})
