import { Text, View } from '@tarojs/components'
import type { Block } from '@/domain/news'
import { ArticleBlocks } from '../article-blocks'
import { SampleTag } from '../sample-tag'
import './index.scss'

interface NewsArticleViewProps {
  title: string
  category: string
  /** The date line as shown, e.g. 「2026年11月24日」. */
  date: string
  sample: boolean
  sampleNote?: string
  blocks: Block[]
  source?: string
}

/** An article as workers read it: on 动态详情, and in the staff editor's preview, which must look the same. */
export function NewsArticleView({ title, category, date, sample, sampleNote, blocks, source }: NewsArticleViewProps) {
  return (
    <View className='news-article'>
      <Text className='news-article__title'>{title}</Text>
      <View className='news-article__meta'>
        <Text className='news-article__category'>{category}</Text>
        <Text className='news-article__date'>{date}</Text>
        {sample && <SampleTag note={sampleNote} />}
      </View>
      {sample && sampleNote && (
        <View className='news-article__sample-note'>
          <Text>示例说明：{sampleNote}</Text>
        </View>
      )}
      <ArticleBlocks blocks={blocks} />
      {source && (
        <View className='news-article__source'>
          <Text>来源：{source}</Text>
        </View>
      )}
    </View>
  )
}
