/**
 * Moving between pages. Callers pass a URL from the route table (src/routes.ts), never a hand-built string.
 */
import Taro from '@tarojs/taro'
import { isTabUrl } from './routes'

/** WeChat keeps at most 10 pages on the stack; past that navigateTo fails, so the current page is replaced. */
const MAX_PAGE_STACK = 10

export async function go(url: string): Promise<void> {
  if (isTabUrl(url)) {
    await Taro.switchTab({ url: url.split('?')[0] })
    return
  }
  const depth = Taro.getCurrentPages().length
  if (depth >= MAX_PAGE_STACK) {
    await Taro.redirectTo({ url })
    return
  }
  await Taro.navigateTo({ url })
}

/** Back to the previous page, or 首页 when this page was opened directly (a shared link, a QR code). */
export async function back(homeUrl: string): Promise<void> {
  if (Taro.getCurrentPages().length > 1) {
    await Taro.navigateBack()
    return
  }
  await Taro.switchTab({ url: homeUrl })
}

export function callHotline(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => {
    // Cancelled by the worker, or a device that cannot call: the number stays on screen to dial by hand.
  })
}
