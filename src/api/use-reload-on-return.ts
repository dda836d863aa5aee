import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import type { Resource } from './use-resource'

/**
 * Reloads a list when its page shows again (back from the editor that changed a row), so what was just saved shows
 * without a manual refresh. Not on the first show: the resource is loading then already.
 */
export function useReloadOnReturn(reload: Resource<unknown>['reload']): void {
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void reload()
    shownBefore.current = true
  })
}
