/**
 * Pages 2, 3 … of a list, loaded below its first page (which useResource loads) as the worker reaches the bottom.
 *
 * - Each loaded page is kept as its own block, so the blocks already shown keep their identity: a memoised block in
 *   its own CustomWrapper is then not sent to WeChat's view again when the next one is added.
 * - The blocks belong to the first page they continue: a new first page (another filter, a refresh) starts over,
 *   and an answer that arrives for a list no longer shown is dropped.
 * - One request at a time, even when two reach-bottom events arrive before the page re-renders.
 */
import { useCallback, useRef, useState } from 'react'
import { appendPage, type Page } from '../domain/paging'
import type { ApiError, Loaded } from './client'
import { toApiError } from './use-resource'

export interface LaterPages<T> {
  /** The new items of each page after the first, one block per page. */
  blocks: T[][]
  hasMore: boolean
  status: 'idle' | 'loading' | 'error'
  error?: ApiError
}

interface State<T> extends LaterPages<T> {
  after: Page<T> | undefined
  nextPage: number
}

export function useLaterPages<T extends { id: string }>(
  firstPage: Page<T> | undefined,
  fetchPage: (page: number) => Promise<Loaded<Page<T>>>,
  /** Which of a page's new items to show (e.g. the competitions whose status, on the phone's clock, still fits). */
  select: (items: T[]) => T[] = (items) => items
): { pages: LaterPages<T>; loadMore: () => Promise<void> } {
  const [state, setState] = useState<State<T>>({ after: undefined, blocks: [], nextPage: 2, hasMore: false, status: 'idle' })
  const pages: State<T> =
    firstPage && state.after === firstPage ? state : { after: firstPage, blocks: [], nextPage: 2, hasMore: firstPage?.hasMore ?? false, status: 'idle' }

  // Page events may hold an older closure: loadMore reads the latest values through this ref.
  const latest = useRef({ pages, fetchPage, select })
  latest.current = { pages, fetchPage, select }
  const inFlight = useRef(false)

  const loadMore = useCallback(async () => {
    const { pages: current, fetchPage: fetchLatest, select: selectLatest } = latest.current
    const base = current.after
    if (!base || !current.hasMore || inFlight.current) return
    inFlight.current = true
    const page = current.nextPage
    setState({ ...current, status: 'loading', error: undefined })
    try {
      const loaded = await fetchLatest(page)
      setState((previous) => {
        if (previous.after !== base) return previous
        // An item published between two loads shifts the offsets: never show one twice.
        const shown = [base.items, ...previous.blocks].flat()
        const added = selectLatest(appendPage(shown, loaded.data.items).slice(shown.length))
        return {
          after: base,
          blocks: added.length ? [...previous.blocks, added] : previous.blocks,
          nextPage: page + 1,
          hasMore: loaded.data.hasMore,
          status: 'idle'
        }
      })
    } catch (error) {
      // The loaded pages stay on screen; the footer offers the retry.
      setState((previous) => (previous.after === base ? { ...previous, status: 'error', error: toApiError(error) } : previous))
    } finally {
      inFlight.current = false
    }
  }, [])

  return { pages, loadMore }
}
