import { fireEvent, screen, waitFor } from '@testing-library/react'
import NewsDetailPage from '@/packages/news/detail'
import type { Block, NewsArticle, NewsSummary, Page } from '@/domain'
import { formatDate } from '@/domain/dates'
import { routes } from '@/routes'
import { apiJson, spyNavigation } from './page-helpers'
import { firePageEvent, renderPage } from './support/render-page'
import { goOffline, goOnline, serverFailsWith } from './support/network'

/** The first article from the real API whose body has a block of the kind asked for. */
async function articleWith(kind: (block: Block) => boolean): Promise<NewsArticle> {
  const pages = [await apiJson<Page<NewsSummary>>('/api/news?page=1'), await apiJson<Page<NewsSummary>>('/api/news?page=2')]
  for (const summary of pages.flatMap((page) => page.items)) {
    const article = await apiJson<NewsArticle>(`/api/news/${summary.id}`)
    if (article.blocks.some(kind)) return article
  }
  throw new Error('no seed article has such a block')
}

/** Waits for the article to show; its title can also be an image caption, so the title line is asked for. */
async function articleShown(title: string) {
  await waitFor(() => expect(document.querySelector('.news-article__title')).toHaveTextContent(title), { timeout: 5000 })
}

const isHeading = (block: Block) => block.type === 'heading'
const isCaptionedImage = (block: Block) => block.type === 'image' && Boolean(block.caption)

async function anyArticle(): Promise<NewsArticle> {
  const first = await apiJson<Page<NewsSummary>>('/api/news?page=1')
  return apiJson<NewsArticle>(`/api/news/${first.items[0].id}`)
}

describe('动态详情', () => {
  it('renders the article’s headings and paragraphs, date, category and source', async () => {
    const article = await articleWith(isHeading)
    renderPage(<NewsDetailPage />, { id: article.id })
    await articleShown(article.title)

    const headings = article.blocks.flatMap((block) => (block.type === 'heading' ? [block.text] : []))
    expect(Array.from(document.querySelectorAll('.article-blocks__heading')).map((element) => element.textContent)).toEqual(headings)
    const paragraphs = article.blocks.flatMap((block) => (block.type === 'paragraph' ? [block.text] : []))
    expect(Array.from(document.querySelectorAll('.article-blocks__paragraph')).map((element) => element.textContent)).toEqual(paragraphs)
    expect(screen.getByText(formatDate(article.publishedAt))).toBeInTheDocument()
    expect(screen.getAllByText(article.category).length).toBeGreaterThan(0)
    expect(article.source).toBeTruthy()
    expect(screen.getByText(`来源：${article.source}`)).toBeInTheDocument()
  })

  it('renders images with their captions', async () => {
    const article = await articleWith(isCaptionedImage)
    renderPage(<NewsDetailPage />, { id: article.id })
    await articleShown(article.title)
    const image = article.blocks.find(isCaptionedImage) as Extract<Block, { type: 'image' }>
    const caption = screen.getAllByText(image.caption!).find((element) => element.classList.contains('article-blocks__caption'))
    expect(caption).toBeInTheDocument()
    const figure = caption!.closest('.article-blocks__figure')!
    await waitFor(() => expect(figure.querySelector('img')?.getAttribute('src')).toBe(image.src))
  })

  it('marks sample data with 「示例」 and says what is sample', async () => {
    const article = await anyArticle()
    expect(article.sample).toBe(true)
    renderPage(<NewsDetailPage />, { id: article.id })
    expect(await screen.findByText('示例', undefined, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.getByText(`示例说明：${article.sampleNote}`)).toBeInTheDocument()
  })

  it('shares the same article to a friend and to the timeline', async () => {
    const article = await anyArticle()
    renderPage(<NewsDetailPage />, { id: article.id })
    await articleShown(article.title)

    const [message] = (await firePageEvent('onShareAppMessage')) as Array<{ title: string; path: string }>
    expect(message).toEqual({ title: article.title, path: routes.newsDetail(article.id) })
    const [timeline] = (await firePageEvent('onShareTimeline')) as Array<{ title: string; query: string }>
    expect(timeline).toEqual({ title: article.title, query: `id=${article.id}` })
  })

  it('says when the article does not exist and leads back to 动态, without a retry', async () => {
    const { switchTab } = spyNavigation()
    renderPage(<NewsDetailPage />, { id: 'no-such-article' })
    expect(await screen.findByText('未找到该文章', undefined, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.queryByText('重试')).not.toBeInTheDocument()
    fireEvent.click(screen.getByText('返回工会动态'))
    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: routes.news() }))
  })

  it('treats a link without an id as not found', async () => {
    renderPage(<NewsDetailPage />, {})
    expect(await screen.findByText('未找到该文章')).toBeInTheDocument()
  })

  it('shows what failed with 重试 when the server fails, and the article after retry', async () => {
    const article = await anyArticle()
    serverFailsWith(503)
    renderPage(<NewsDetailPage />, { id: article.id })
    expect(await screen.findByText('服务器开小差了，请稍后重试')).toBeInTheDocument()
    expect(screen.getByText('文章加载失败')).toBeInTheDocument()

    goOnline()
    fireEvent.click(screen.getByText('重试'))
    await articleShown(article.title)
  })

  it('says the network is down on a first open offline, and retries when it is back', async () => {
    const article = await anyArticle()
    goOffline()
    renderPage(<NewsDetailPage />, { id: article.id })
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeInTheDocument()
    goOnline()
    fireEvent.click(screen.getByText('重试'))
    await articleShown(article.title)
  })

  it('shows an article read before, marked offline, when the network is down', async () => {
    const article = await anyArticle()
    const first = renderPage(<NewsDetailPage />, { id: article.id })
    await articleShown(article.title)
    first.unmount()

    goOffline()
    renderPage(<NewsDetailPage />, { id: article.id })
    expect(await screen.findByText(/正在显示离线内容/)).toBeInTheDocument()
    await articleShown(article.title)
  })

  it('an article read before that the server no longer has (withdrawn) says so instead of showing the old copy', async () => {
    const article = await anyArticle()
    const first = renderPage(<NewsDetailPage />, { id: article.id })
    await articleShown(article.title)
    first.unmount()

    serverFailsWith(404)
    renderPage(<NewsDetailPage />, { id: article.id })
    expect(await screen.findByText('未找到该文章')).toBeInTheDocument()
    expect(document.querySelector('.news-article__title')).toBeNull()
  })
})
