/**
 * The H5 app taking over a first screen the server drew (server/core/http/first-screen.ts).
 *
 * At start, the API answers the server drew it from (`#first-screen-data`) become the app's own first answers
 * (client.ts receiveAnswer): the page renders them at once and does not ask again. When the page has drawn its content
 * — the same markup, laid out by the same CSS — the server's layer is removed in the frame the app's page is shown,
 * keeping where the worker had scrolled to, and the layer's own styles with it. Without a first screen in the page,
 * both do nothing.
 */
import { useLayoutEffect } from 'react'
import { receiveAnswer } from './api/client'

interface ReceivedAnswer {
  url: string
  etag: string | null
  data: unknown
}

export function takeFirstScreenAnswers(): void {
  const element = typeof document === 'undefined' ? null : document.getElementById('first-screen-data')
  if (!element?.textContent) return
  try {
    for (const answer of JSON.parse(element.textContent) as ReceivedAnswer[]) receiveAnswer(answer.url, answer.data, answer.etag ?? undefined)
  } catch {
    // Unreadable: the page asks the server as it would without a first screen.
  }
  element.remove()
}

/** Frames to wait for Taro to show the page (it adds taro_page_show after mounting) before handing over anyway. */
const MAX_FRAMES = 30

export function handOverFirstScreen(): void {
  const layer = typeof document === 'undefined' ? null : document.getElementById('first-screen')
  if (!layer) return
  let frames = 0
  const handOver = () => {
    const page = document.querySelector<HTMLElement>('.taro_page.taro_page_show')
    if (!page && ++frames < MAX_FRAMES) {
      requestAnimationFrame(handOver)
      return
    }
    const scrolled = layer.querySelector('.first-screen__page')?.scrollTop ?? 0
    layer.remove()
    // Its rules (the layer's frame, copies of rules the app has loaded itself by now) go with it.
    document.getElementById('first-screen-style')?.remove()
    if (page && scrolled > 0) page.scrollTop = scrolled
  }
  requestAnimationFrame(handOver)
}

/**
 * For PageState: hands over once the page has settled (content, or an error saying why there is none). A layout
 * effect: it only asks for the next frame, and a passive one may itself wait for a frame first (Preact runs them
 * after the next paint), which kept the server's layer up a frame longer than needed.
 */
export function useFirstScreenHandOver(settled: boolean): void {
  useLayoutEffect(() => {
    if (settled) handOverFirstScreen()
  }, [settled])
}
