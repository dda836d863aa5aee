/**
 * Helpers the page tests share: what jsdom lacks, the Taro APIs that leave the page (navigation, the dialer),
 * and the real API's answers to compare the page against.
 */
import { configure } from '@testing-library/react'
import Taro from '@tarojs/taro'

// Page tests talk to a real server while other suites run in parallel: an answer can take over the default second.
configure({ asyncUtilTimeout: 5000 })

/**
 * jsdom has no IntersectionObserver, which Taro's H5 Image needs for lazyLoad. This one reports every image as
 * on screen, as a phone does for the images in view.
 */
class ImmediateIntersectionObserver {
  private readonly watched = new Set<Element>()
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    this.watched.add(target)
    const entry = { isIntersecting: true, target, intersectionRatio: 1 } as unknown as IntersectionObserverEntry
    // As a browser does: nothing is reported for a target no longer watched or no longer in the document (an image
    // whose page went away in between; Taro's Image would write to its removed <img>).
    queueMicrotask(() => {
      if (this.watched.has(target) && target.isConnected) this.callback([entry], this as unknown as IntersectionObserver)
    })
  }
  unobserve(target: Element) {
    this.watched.delete(target)
  }
  disconnect() {
    this.watched.clear()
  }
  takeRecords() {
    return []
  }
}
if (!('IntersectionObserver' in window)) {
  Object.assign(window, { IntersectionObserver: ImmediateIntersectionObserver })
}

/**
 * Records where the page navigates. The H5 router is not mounted in a page test, so the real navigation calls
 * are spied on and answered as the router would.
 */
export function spyNavigation() {
  const stack = jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([] as unknown as ReturnType<typeof Taro.getCurrentPages>)
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' })
  const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
  /** Puts the real navigation back, for a test that spies only around one part. */
  const restore = () => [stack, navigateTo, switchTab, redirectTo].forEach((spy) => spy.mockRestore())
  return { navigateTo, switchTab, redirectTo, restore }
}

/** Spies on the dialer; jsdom cannot follow the tel: link Taro's H5 makePhoneCall opens. */
export function spyPhoneCall() {
  return jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' })
}

/** The real API's answer, read directly, to check the page shows what the server says. */
export async function apiJson<T>(path: string): Promise<T> {
  // Pages live on the API's origin (jest.config.js), so the page's own origin is the API's.
  const response = await fetch(`${window.location.origin}${path}`)
  if (!response.ok) throw new Error(`${path} → ${response.status}`)
  return (await response.json()) as T
}

afterEach(() => {
  jest.restoreAllMocks()
})
