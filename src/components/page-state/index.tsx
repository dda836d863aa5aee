import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ResourceState } from '@/api/use-resource'
import { useFirstScreenHandOver } from '@/first-screen'
import { formatDateTime } from '@/domain/dates'
import './index.scss'

interface PageStateProps<T> {
  state: ResourceState<T>
  onRetry: () => void
  /** What is being loaded, for the messages: 「新闻」, 「竞赛」... */
  what: string
  isEmpty?: (data: T) => boolean
  emptyText?: string
  children: (data: T) => ReactNode
}

/**
 * The states every page shows instead of a blank screen or an endless spinner:
 * loading, error (what failed + 重试), empty, and content — marked when it is offline content.
 */
export function PageState<T>({ state, onRetry, what, isEmpty, emptyText, children }: PageStateProps<T>) {
  // H5: once the page has drawn what the server's first screen shows (or why it cannot), it takes over from it.
  useFirstScreenHandOver(state.status !== 'loading')
  if (state.status === 'loading') {
    return (
      <View className='page-state page-state--loading' aria-busy='true'>
        <View className='page-state__spinner' />
        <Text className='page-state__text'>正在加载{what}…</Text>
      </View>
    )
  }
  if (state.status === 'error') {
    return (
      <View className='page-state page-state--error' role='alert'>
        <Text className='page-state__title'>{what}加载失败</Text>
        <Text className='page-state__text'>{state.error.message}</Text>
        {!state.error.notFound && (
          <Button className='page-state__retry' onClick={onRetry}>
            重试
          </Button>
        )}
      </View>
    )
  }
  return (
    <View className='page-state page-state--ready'>
      {state.refreshError && (
        <View className='refresh-error' role='alert'>
          <Text>刷新失败：{state.refreshError.message}</Text>
        </View>
      )}
      {state.offline && <OfflineNotice savedAt={state.savedAt} refreshing={state.refreshing} onRetry={onRetry} />}
      {isEmpty?.(state.data) ? (
        <View className='page-state page-state--empty'>
          <Text className='page-state__text'>{emptyText ?? `暂无${what}`}</Text>
        </View>
      ) : (
        children(state.data)
      )}
    </View>
  )
}

export function OfflineNotice({ savedAt, refreshing, onRetry }: { savedAt?: number; refreshing?: boolean; onRetry?: () => void }) {
  const when = savedAt ? `（保存于 ${formatDateTime(new Date(savedAt).toISOString())}）` : ''
  return (
    <View className='offline-notice' role='status'>
      <Text className='offline-notice__text'>{savedAt ? `网络不可用，正在显示离线内容${when}` : '网络不可用，正在显示随应用提供的离线内容'}</Text>
      {/* Keyed: Taro 4.2 throws when a Text loses its tap handler in place (NervJS/taro#19453). */}
      {onRetry && refreshing && (
        <Text key='refreshing' className='offline-notice__retry offline-notice__retry--busy'>
          正在刷新…
        </Text>
      )}
      {onRetry && !refreshing && (
        <Text key='refresh' className='offline-notice__retry' onClick={onRetry}>
          刷新
        </Text>
      )}
    </View>
  )
}
