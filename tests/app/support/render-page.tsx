/**
 * Renders a page the way Taro opens it: with its route parameters, and with the page lifecycle events
 * (reach bottom, pull-down refresh, share) a worker's gestures fire.
 */
import { render } from '@testing-library/react'
import { act } from 'react'
import { Current, getPageInstance } from '@tarojs/runtime'
import type { ReactElement } from 'react'

const HOOKS_APP_ID = 'taro-app'

export function renderPage(page: ReactElement, params: Record<string, string> = {}) {
  Current.router = { params, path: '/test' } as typeof Current.router
  return render(page)
}

type Lifecycle = 'onReachBottom' | 'onPullDownRefresh' | 'onShareAppMessage' | 'onShareTimeline' | 'onShow'

function handlers(lifecycle: Lifecycle): Array<(...args: unknown[]) => unknown> {
  const instance = getPageInstance(HOOKS_APP_ID) as Record<string, unknown> | undefined
  // As Taro's React runtime reads them (getLifecycle): useDidShow / useDidHide register as componentDidShow / -Hide.
  const registered = instance?.[lifecycle.replace(/^on(Show|Hide)$/, 'componentDid$1')]
  if (!registered) return []
  return (Array.isArray(registered) ? registered : [registered]) as Array<(...args: unknown[]) => unknown>
}

/** Fires a page lifecycle event and returns what the handlers returned (e.g. the share content). */
export async function firePageEvent(lifecycle: Lifecycle, ...args: unknown[]): Promise<unknown[]> {
  const list = handlers(lifecycle)
  if (list.length === 0) throw new Error(`页面没有注册 ${lifecycle}`)
  let results: unknown[] = []
  await act(async () => {
    results = list.map((handler) => handler(...args))
  })
  return results
}
