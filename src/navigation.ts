/**
 * Moving between pages. Callers pass a URL from the route table (src/routes.ts), never a hand-built string.
 */
import Taro from '@tarojs/taro'
import { isTabUrl } from './routes'

/** WeChat keeps at most 10 pages on the stack; past that navigateTo fails, so the current page is replaced. */
const MAX_PAGE_STACK = 10

/** A second tap within this time of the first, while its page is still opening, is the same tap. */
const DOUBLE_TAP_MS = 1000
let openingSince = 0

/** What a worker reads on a page opened from 朋友圈, where WeChat opens no other page. */
export const SINGLE_PAGE_HINT = '请点击下方「前往小程序」使用完整功能'

/**
 * 朋友圈 opens a shared page in 单页模式 (scene 1154): no tab bar, and every navigation fails. The bar WeChat shows at
 * the bottom (前往小程序) is the way into the whole app. WeChat only: written as one constant-condition branch so the
 * H5 build leaves the call (and Taro's getEnterOptionsSync) out of its first load.
 */
function inSinglePageMode(): boolean {
  try {
    return Taro.getEnterOptionsSync().scene === 1154
  } catch {
    return false
  }
}

export async function go(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp' && inSinglePageMode()) {
    void Taro.showToast({ title: SINGLE_PAGE_HINT, icon: 'none' })
    return
  }
  const now = Date.now()
  if (now - openingSince < DOUBLE_TAP_MS) return
  openingSince = now
  try {
    if (isTabUrl(url)) {
      await Taro.switchTab({ url: url.split('?')[0] })
    } else if (Taro.getCurrentPages().length >= MAX_PAGE_STACK) {
      await Taro.redirectTo({ url })
    } else {
      await Taro.navigateTo({ url })
    }
  } catch {
    // In WeChat a subpackage page is downloaded when first opened; on a weak network that can fail. Say so,
    // instead of a tap that silently does nothing. (H5 pages are already loaded with the app's chunks.)
    if (process.env.TARO_ENV === 'weapp') void Taro.showToast({ title: '页面打开失败，请检查网络后重试', icon: 'none' })
  } finally {
    openingSince = 0
  }
}

export function callHotline(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => {
    // Cancelled by the worker, or a device that cannot call: the number stays on screen to dial by hand.
  })
}
