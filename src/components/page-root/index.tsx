import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useElderMode } from '@/state/elder-mode'
import { PageErrorBoundary } from './page-failure'
import './index.scss'

/**
 * The outermost view of every page: applies 长辈模式 (larger type) so every nested size scales with it, and shows
 * what failed, with a way back, when the page throws while rendering.
 */
export function PageRoot({ children, className }: { children: ReactNode; className?: string }) {
  const elder = useElderMode()
  return (
    <View className={`page-root${elder ? ' page-root--elder' : ''}${className ? ` ${className}` : ''}`} data-elder-mode={elder ? 'on' : 'off'}>
      <PageErrorBoundary>{children}</PageErrorBoundary>
    </View>
  )
}
