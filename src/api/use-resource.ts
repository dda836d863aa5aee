/**
 * Loads one resource for a page and tracks the states a worker sees: loading, ready (maybe offline),
 * error with retry. Later loads (retry, pull-down refresh) keep the current content on screen.
 *
 * With `peek` (client.ts), what the phone already has shows at once: the answer that came with the page is shown and
 * not asked for again; a kept copy is shown while the page asks for a newer one in the background (its ETag makes an
 * unchanged answer a bodiless 304), and is marked offline only when that request fails.
 *
 * A 4xx to the request behind a kept copy is the server's real answer (the article was withdrawn, the station
 * removed): it replaces the copy, as it does in the request client. A reload the worker asked for (retry, pull-down)
 * keeps what is on screen whatever failed, and says why it is not newer.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, type Loaded, type Peeked } from './client'

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | {
      status: 'ready'
      data: T
      offline: boolean
      savedAt?: number
      refreshing: boolean
      /** The last refresh failed: the content on screen stays, and the page says why it is not newer. */
      refreshError?: ApiError
    }

export interface Resource<T> {
  state: ResourceState<T>
  /**
   * Loads again, keeping what is on screen. Never rejects: resolves with the error when the load failed, so a
   * pull-down refresh can stop its spinner and say what went wrong.
   */
  reload: () => Promise<ApiError | undefined>
}

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('invalid', '页面出错了，请重试')
}

/** first: nothing on screen; behindCopy: a kept copy is on screen; reload: the worker asked for newer content. */
type Run = 'first' | 'behindCopy' | 'reload'

function shown<T>({ loaded, fresh }: Peeked<T>): ResourceState<T> {
  return { status: 'ready', data: loaded.data, offline: loaded.offline, savedAt: loaded.savedAt, refreshing: !fresh }
}

export function useResource<T>(load: () => Promise<Loaded<T>>, deps: unknown[], peek?: () => Peeked<T> | undefined): Resource<T> {
  // What the first render shows: no spinner when the phone has the data.
  const [first] = useState(() => peek?.())
  const [state, setState] = useState<ResourceState<T>>(() => (first ? shown(first) : { status: 'loading' }))
  const peekRef = useRef(peek)
  peekRef.current = peek
  const started = useRef(false)
  const latestCall = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const run = useCallback(async (kind: Run): Promise<ApiError | undefined> => {
    const call = ++latestCall.current
    const keepContent = kind !== 'first'
    setState((previous) => (keepContent && previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' }))
    try {
      const loaded = await loadRef.current()
      if (call !== latestCall.current) return undefined
      setState({ status: 'ready', data: loaded.data, offline: loaded.offline, savedAt: loaded.savedAt, refreshing: false })
      return undefined
    } catch (error) {
      const apiError = toApiError(error)
      if (call !== latestCall.current) return apiError
      setState((previous) =>
        // A failed refresh keeps what is on screen; a first load, or a 4xx behind a kept copy, shows the error page.
        previous.status === 'ready' && keepContent && !(kind === 'behindCopy' && apiError.serversAnswer)
          ? { ...previous, refreshing: false, refreshError: apiError }
          : { status: 'error', error: apiError }
      )
      return apiError
    }
  }, [])

  useEffect(() => {
    const firstRun = !started.current
    started.current = true
    const seen = firstRun ? first : peekRef.current?.()
    if (!seen) {
      void run('first')
      return
    }
    if (!firstRun) {
      // A request still out for the previous deps must not overwrite what is shown for these.
      latestCall.current += 1
      setState(shown(seen))
    }
    if (!seen.fresh) void run('behindCopy')
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  const reload = useCallback(() => run('reload'), [run])
  return { state, reload }
}
