import { View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useEffect } from 'react'
import { getNews, peekNews } from '@/api/news'
import { notFoundError } from '@/api/client'
import { formatDate } from '@/domain/dates'
import { isContentId } from '@/domain/limits'
import type { NewsArticle } from '@/domain/news'
import { useResource } from '@/api/use-resource'
import { NewsArticleView } from '@/components/news-article'
import { NotFound } from '@/components/not-found'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { go } from '@/navigation'
import { routeParam, routes } from '@/routes'
import './index.scss'

export default function NewsDetailPage() {
  const id = routeParam(useRouter().params.id) ?? ''

  const { state, reload } = useResource(
    () => (isContentId(id) ? getNews(id) : Promise.reject(notFoundError('未找到该文章'))),
    [id],
    () => (isContentId(id) ? peekNews(id) : undefined)
  )
  const article = state.status === 'ready' ? state.data : undefined

  useEffect(() => {
    if (article) void Taro.setNavigationBarTitle({ title: article.category })
  }, [article])

  useEffect(() => {
    // The share menu is WeChat's; H5 shares through the browser.
    if (process.env.TARO_ENV === 'weapp') {
      // wx.showShareMenu takes `menus`, which Taro's types leave out; without it WeChat shows only 转发给朋友.
      const options: Taro.showShareMenu.Option & { menus: string[] } = {
        withShareTicket: true,
        menus: ['shareAppMessage', 'shareTimeline']
      }
      void Taro.showShareMenu(options)
    }
  }, [])

  // Shares open this same article: the friend's path and the timeline's query both carry its id.
  useShareAppMessage(() => ({ title: article?.title ?? '密云工会 · 工会动态', path: routes.newsDetail(id) }))
  useShareTimeline(() => ({ title: article?.title ?? '密云工会 · 工会动态', query: `id=${id}` }))

  if (state.status === 'error' && state.error.notFound) {
    // Nothing to retry: the link is wrong or the article was taken down. Offer the way back to the list.
    return (
      <PageRoot className='news-detail'>
        <NotFound title='未找到该文章' hint='链接可能有误，或文章已被删除。' actionText='返回工会动态' onAction={() => void go(routes.news())} />
      </PageRoot>
    )
  }

  return (
    <PageRoot className='news-detail'>
      <PageState state={state} onRetry={() => void reload()} what='文章'>
        {(data) => <Article article={data} />}
      </PageState>
    </PageRoot>
  )
}

function Article({ article }: { article: NewsArticle }) {
  return (
    <View className='news-detail__article'>
      <NewsArticleView
        title={article.title}
        category={article.category}
        date={formatDate(article.publishedAt)}
        sample={article.sample}
        sampleNote={article.sampleNote}
        blocks={article.blocks}
        source={article.source}
      />
    </View>
  )
}
