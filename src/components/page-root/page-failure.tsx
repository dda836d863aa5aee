import Taro from '@tarojs/taro'
import { Component, type ReactNode } from 'react'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { NotFound } from '../not-found'

/**
 * What a page that throws while rendering shows instead of a blank screen: that the page failed, in words a worker
 * reads (the error's own text and stack are for developers and stay in the console), and two ways out of it.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  render() {
    if (!this.state.failed) return this.props.children
    return (
      <NotFound
        title='页面出错了'
        hint='这个页面的内容没能显示出来，不是你的操作有误。可以返回上一页，或回到首页再试。'
        actionText='返回'
        // Opened from a shared card or a QR code there is no page to go back to: then 首页 is the way back.
        onAction={() => void Taro.navigateBack().catch(() => go(routes.home()))}
        secondary={{ text: '回到首页', onAction: () => void go(routes.home()) }}
      />
    )
  }
}
