import { Image, Text, View } from '@tarojs/components'
import { mediaUrl } from '@/api/client'
import { NewsArticleView } from '@/components/news-article'
import { formatDate } from '@/domain/dates'
import type { NewsInput } from '@/domain/news-input'

/**
 * The article as workers will see it: the same NewsArticleView the 动态详情 page renders. Read-only. Image blocks
 * without an uploaded photo yet are left out, as they cannot be published.
 */
export function NewsPreview({ input, publishedAt }: { input: NewsInput; publishedAt?: string }) {
  const blocks = input.blocks.filter((block) => block.type !== 'image' || block.src)
  return (
    <View className='news-preview' aria-label='预览'>
      <Text className='news-preview__hint'>预览：职工看到的样子（只读）</Text>
      <View className='news-preview__card'>
        {input.cover && <Image className='news-preview__cover' src={mediaUrl(input.cover, 100) ?? ''} mode='aspectFill' />}
        <View className='news-preview__card-text'>
          <Text className='news-preview__card-title'>{input.title || '（未填写标题）'}</Text>
          <Text className='news-preview__card-summary'>{input.summary}</Text>
        </View>
      </View>
      <NewsArticleView
        title={input.title || '（未填写标题）'}
        category={input.category || '（未选栏目）'}
        date={publishedAt ? formatDate(publishedAt) : '发布当天的日期'}
        sample={input.sample}
        sampleNote={input.sampleNote ?? undefined}
        blocks={blocks}
      />
    </View>
  )
}
