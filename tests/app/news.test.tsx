import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import NewsPage from '@/pages/news'
import type { NewsSummary, Page } from '@/domain'
import * as dates from '@/domain/dates'
import { routes } from '@/routes'
import { apiJson, spyNavigation } from './page-helpers'
import { firePageEvent, renderPage } from './support/render-page'
import { goOffline, goOnline, recordRequests, serverFailsWith } from './support/network'

const newsRequests = (urls: string[]) => urls.filter((url) => url.includes('/api/news'))

function shownTitles(): string[] {
  return Array.from(document.querySelectorAll('.news-card__title')).map((element) => element.textContent ?? '')
}

async function openNews() {
  const view = renderPage(<NewsPage />)
  await waitFor(() => expect(shownTitles()).toHaveLength(20), { timeout: 5000 })
  return view
}

function searchFor(text: string) {
  const input = screen.getByPlaceholderText(/搜索动态/)
  fireEvent.input(input, { target: { value: text } })
  fireEvent.click(screen.getByText('搜索'))
}

describe('动态', () => {
  beforeEach(() => {
    // Taro's H5 Input hands onConfirm on to the DOM input, which React (in development only) warns about.
    const error = console.error
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      const text = args.map(String).join(' ')
      if (!(text.includes('Unknown event handler property') && text.includes('onConfirm'))) error(...args)
    })
  })

  it('shows the newest 20 items and opens one', async () => {
    const first = await apiJson<Page<NewsSummary>>('/api/news?page=1')
    const { navigateTo } = spyNavigation()
    await openNews()
    expect(shownTitles()).toEqual(first.items.map((item) => item.title))
    expect(screen.getAllByText('置顶').length).toBeGreaterThan(0)

    fireEvent.click(screen.getByText(first.items[3].title))
    await waitFor(() => expect(navigateTo).toHaveBeenLastCalledWith({ url: routes.newsDetail(first.items[3].id) }))
  })

  it('filters by category tab', async () => {
    const care = await apiJson<Page<NewsSummary>>(`/api/news?category=${encodeURIComponent('关爱暖心')}`)
    await openNews()
    const requests = recordRequests()
    fireEvent.click(screen.getByRole('tab', { name: '关爱暖心' }))
    await waitFor(() => expect(shownTitles()).toEqual(care.items.map((item) => item.title)))
    expect(care.items.length).toBeGreaterThan(0)
    expect(care.items.every((item) => item.category === '关爱暖心')).toBe(true)
    expect(newsRequests(requests)[0]).toContain(`category=${encodeURIComponent('关爱暖心')}`)
    expect(screen.getByRole('tab', { selected: true })).toHaveTextContent('关爱暖心')

    fireEvent.click(screen.getByRole('tab', { name: '全部' }))
    await waitFor(() => expect(shownTitles()).toHaveLength(20))
  })

  it('appends the next page on reaching the bottom, keeping the first 20', async () => {
    const first = await apiJson<Page<NewsSummary>>('/api/news?page=1')
    const second = await apiJson<Page<NewsSummary>>('/api/news?page=2')
    expect(first.hasMore).toBe(true)
    await openNews()
    const requests = recordRequests()

    // Reaching the bottom again while page 2 is loading asks for nothing more.
    await firePageEvent('onReachBottom')
    await firePageEvent('onReachBottom')
    expect(screen.getByText('加载中…')).toBeInTheDocument()
    await waitFor(() => expect(shownTitles()).toHaveLength(20 + second.items.length))

    expect(newsRequests(requests)).toHaveLength(1)
    expect(newsRequests(requests)[0]).toContain('page=2')
    expect(shownTitles()).toEqual([...first.items, ...second.items].map((item) => item.title))
    // Each page is its own block inside its own custom wrapper, so adding page 2 leaves page 1's block alone.
    const blocks = document.querySelectorAll('taro-custom-wrapper-core')
    expect(blocks).toHaveLength(2)
    expect(blocks[0].querySelectorAll('.news-card')).toHaveLength(20)
    expect(blocks[1].querySelectorAll('.news-card')).toHaveLength(second.items.length)

    if (!second.hasMore) {
      expect(screen.getByText('没有更多了')).toBeInTheDocument()
      await firePageEvent('onReachBottom')
      expect(newsRequests(requests)).toHaveLength(1)
    }
  })

  it('renders only the new page when page 2 is appended, leaving page 1 untouched', async () => {
    const second = await apiJson<Page<NewsSummary>>('/api/news?page=2')
    await openNews()
    const firstBlock = document.querySelector('taro-custom-wrapper-core')
    const firstCard = firstBlock?.querySelector('.news-card')
    // Every card that renders formats its date once: counting the calls counts the cards rendered.
    const cardRenders = jest.spyOn(dates, 'formatDate')

    await firePageEvent('onReachBottom')
    await waitFor(() => expect(document.querySelectorAll('taro-custom-wrapper-core').length).toBe(2))
    expect(cardRenders).toHaveBeenCalledTimes(second.items.length)
    expect(document.querySelector('taro-custom-wrapper-core')).toBe(firstBlock)
    expect(firstBlock?.querySelector('.news-card')).toBe(firstCard)
  })

  it('offers a retry when the next page fails, keeping what is loaded', async () => {
    const second = await apiJson<Page<NewsSummary>>('/api/news?page=2')
    await openNews()
    serverFailsWith(503)
    await firePageEvent('onReachBottom')
    const retry = await screen.findByText('加载失败，点击重试')
    expect(shownTitles()).toHaveLength(20)

    goOnline()
    fireEvent.click(retry)
    await waitFor(() => expect(shownTitles()).toHaveLength(20 + second.items.length))
    expect(screen.queryByText('加载失败，点击重试')).not.toBeInTheDocument()
  })

  it('reloads page 1 on pull-down refresh', async () => {
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh')
    await openNews()
    await firePageEvent('onReachBottom')
    await waitFor(() => expect(shownTitles().length).toBeGreaterThan(20))

    const requests = recordRequests()
    await firePageEvent('onPullDownRefresh')
    await waitFor(() => expect(stop).toHaveBeenCalled())
    expect(newsRequests(requests)).toHaveLength(1)
    expect(newsRequests(requests)[0]).toContain('page=1')
    await waitFor(() => expect(shownTitles()).toHaveLength(20))
  })

  it('finds news by a Chinese keyword, says so when nothing matches, and clears', async () => {
    await openNews()
    searchFor('养蜂')
    await waitFor(() => expect(shownTitles()).toContain('2025年“工匠杯”养蜂技能大赛举办'))
    expect(shownTitles().length).toBeLessThan(20)

    searchFor('火星殖民计划')
    expect(await screen.findByText('未找到与“火星殖民计划”相关的动态')).toBeInTheDocument()
    expect(shownTitles()).toHaveLength(0)

    fireEvent.click(screen.getByLabelText('清除搜索'))
    await waitFor(() => expect(shownTitles()).toHaveLength(20))
    expect(screen.getByPlaceholderText(/搜索动态/)).toHaveValue('')
  })

  it('searches on the keyboard’s search key', async () => {
    await openNews()
    const input = screen.getByPlaceholderText(/搜索动态/)
    fireEvent.input(input, { target: { value: '厨王争霸赛' } })
    fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 })
    await waitFor(() => expect(shownTitles()).toEqual(['2025年密云区“工匠杯”餐饮业技能大赛暨第六届厨王争霸赛举办']))
  })

  it('shows an error with 重试 when a filtered list cannot load, and content after retry', async () => {
    await openNews()
    serverFailsWith(503)
    fireEvent.click(screen.getByRole('tab', { name: '通知公告' }))
    expect(await screen.findByText('服务器开小差了，请稍后重试')).toBeInTheDocument()
    expect(screen.getByText('动态加载失败')).toBeInTheDocument()

    goOnline()
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(shownTitles().length).toBeGreaterThan(0))
    expect(screen.queryByText('重试')).not.toBeInTheDocument()
  })

  it('shows the kept list, marked offline, when the network is down', async () => {
    const first = await openNews()
    const titles = shownTitles()
    first.unmount()

    goOffline()
    renderPage(<NewsPage />)
    expect(await screen.findByText(/正在显示离线内容/)).toBeInTheDocument()
    expect(shownTitles()).toEqual(titles)
  })

  it('shows the bundled first page on a very first start with no network', async () => {
    goOffline()
    renderPage(<NewsPage />)
    expect(await screen.findByText('网络不可用，正在显示随应用提供的离线内容')).toBeInTheDocument()
    expect(shownTitles().length).toBeGreaterThan(0)
  })
})
