import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Resource } from './use-resource'

/**
 * Pull-down refresh for a page showing one resource: reloads it and stops the spinner when done. A failure is
 * shown by PageState above the content that stays (no toast: on H5 the toast code alone is ~10 KB on first load).
 */
export function usePullDownReload(reload: Resource<unknown>['reload']): void {
  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })
}
