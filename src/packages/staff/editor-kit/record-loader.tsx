import type { ReactNode } from 'react'
import type { Resource } from '@/api/use-resource'
import { NotFound } from '@/components/not-found'
import { PageState } from '@/components/page-state'

interface RecordLoaderProps<T> {
  resource: Resource<T>
  /** What is loading, for the messages: 「竞赛」, 「服务」… */
  what: string
  notFound: { title: string; actionText: string; onAction: () => void }
  children: (data: T) => ReactNode
}

/** Loading, error with 重试, 「未找到」 for a record that is not there, then the editor. */
export function RecordLoader<T>({ resource, what, notFound, children }: RecordLoaderProps<T>) {
  const { state, reload } = resource
  if (state.status === 'error' && state.error.notFound) {
    return <NotFound title={notFound.title} hint='它可能已被删除，或链接有误。' actionText={notFound.actionText} onAction={notFound.onAction} />
  }
  return (
    <PageState state={state} onRetry={() => void reload()} what={what}>
      {children}
    </PageState>
  )
}
