import { Image, Text, View } from '@tarojs/components'
import { memo } from 'react'
import { mediaUrl } from '@/api/client'
import { formatDate } from '@/domain/dates'
import type { NewsSummary } from '@/domain/news'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { SampleTag } from '../sample-tag'
import './index.scss'

/** One news item in a list; a tap opens the article. Memoised: list pages re-render often, items rarely change. */
export const NewsCard = memo(function NewsCard({ item }: { item: NewsSummary }) {
  return (
    <View className='news-card' hoverClass='news-card--pressed' onClick={() => void go(routes.newsDetail(item.id))} role='link' data-news-id={item.id}>
      <View className='news-card__body'>
        <View className='news-card__title-row'>
          {item.pinned && <Text className='news-card__pinned'>置顶</Text>}
          <Text className='news-card__title'>{item.title}</Text>
        </View>
        <Text className='news-card__summary'>{item.summary}</Text>
        <View className='news-card__meta'>
          <Text className='news-card__category'>{item.category}</Text>
          <Text className='news-card__date'>{formatDate(item.publishedAt)}</Text>
          {item.sample && <SampleTag note={item.sampleNote} />}
        </View>
      </View>
      {item.cover && <Image className='news-card__cover' src={mediaUrl(item.cover, 100) ?? ''} mode='aspectFill' lazyLoad />}
    </View>
  )
})
