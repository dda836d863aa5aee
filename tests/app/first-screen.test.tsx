/**
 * The server's first screens (server/core/http/first-screen.ts) are the pages the app draws: for the same API answer
 * and the same moment, the markup the server sends for a station's page and for the top of 首页 is, element by
 * element, the markup the app's page renders (tags, classes, attributes, texts). A change to either page that the
 * other does not follow fails here — the server and the app cannot drift apart, and the hand-over stays invisible.
 */
import { screen, waitFor } from '@testing-library/react'
import HomePage from '@/pages/home'
import StationPageView from '@/packages/stations/station/index'
import type { HomeData, StationPage } from '@/domain'
import { homeMarkup } from '@server/home/first-screen'
import { stationPageMarkup } from '@server/stations/first-screen'
import { TEST_NOW } from '../support/clock'
import { apiJson } from './page-helpers'
import { renderPage } from './support/render-page'
import { stationDirectory, stationPage } from './stations-helpers'

/** An element as a worker's browser would see it: tag, attributes (classes as a set, style as parsed), children. */
interface Canonical {
  tag: string
  attributes: Record<string, string>
  children: Array<Canonical | string>
}

function canonical(element: Element): Canonical {
  const attributes: Record<string, string> = {}
  for (const { name, value } of Array.from(element.attributes)) {
    if (name === 'class') attributes.class = value.split(/\s+/).filter(Boolean).sort().join(' ')
    else if (name === 'style') attributes.style = (element as HTMLElement).style.cssText
    // A lazily loaded image names its file in data-src until it scrolls into view; the server names it in src.
    else if (name === 'data-src') attributes.src = value
    else attributes[name] = value
  }
  const children: Array<Canonical | string> = []
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === Node.ELEMENT_NODE) children.push(canonical(node as Element))
    else if (node.nodeType === Node.TEXT_NODE && node.textContent) {
      const last = children[children.length - 1]
      // React may write one text as several nodes; a browser shows them as one.
      if (typeof last === 'string') children[children.length - 1] = last + node.textContent
      else children.push(node.textContent)
    }
  }
  return { tag: element.tagName.toLowerCase(), attributes, children }
}

function parsed(html: string): Element {
  const template = document.createElement('template')
  template.innerHTML = html
  const root = template.content.firstElementChild
  if (!root) throw new Error('the first screen is empty')
  return root
}

describe('the server’s first screens are the pages the app draws', () => {
  it('a station’s page, for every station of the seed', async () => {
    const directory = await stationDirectory()
    expect(directory.stations.length).toBeGreaterThan(3)
    for (const { code } of directory.stations.slice(0, 12)) {
      const page: StationPage = await stationPage(code)
      const view = renderPage(<StationPageView />, { code })
      await screen.findByText(page.station.address)
      await waitFor(() => expect(view.container.querySelector('.page-state--ready')).not.toBeNull())
      const drawn = view.container.querySelector('.page-root')
      expect(drawn).not.toBeNull()
      expect(canonical(parsed(stationPageMarkup(page, TEST_NOW).html))).toEqual(canonical(drawn!))
      view.unmount()
    }
  })

  it('the top of 首页: featured cards, quick services and the latest news', async () => {
    const home = await apiJson<HomeData>('/api/home')
    expect(home.featured.length).toBeGreaterThan(1)
    expect(home.news.length).toBeGreaterThan(0)
    const view = renderPage(<HomePage />)
    await screen.findByText('职工服务热线', undefined, { timeout: 5000 })
    await waitFor(() => expect(view.container.querySelector('.page-state--ready')).not.toBeNull())
    const drawn = view.container.querySelector('.page-root')!.cloneNode(true) as Element
    const server = parsed(homeMarkup(home).html)
    // The first screen is the page's beginning; competitions, figures and the hotline follow with the app.
    const shownFirst = server.querySelector('.home__content')!.children.length
    const content = drawn.querySelector('.home__content')!
    expect(content.children.length).toBeGreaterThan(shownFirst)
    while (content.children.length > shownFirst) content.lastElementChild!.remove()
    expect(canonical(server)).toEqual(canonical(drawn))
  })
})
