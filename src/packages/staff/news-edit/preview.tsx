import { Image, Text, View } from '@tarojs/components'
import { mediaUrl } from '../../../api/client'
import { ArticleBlocks } from '../../../components/article-blocks'
import { SampleTag } from '../../../components/sample-tag'
import { formatDate } from '../../../domain/dates'
import type { NewsInput } from '../../../domain/staff'

/**
 * The article as workers will see it: the same ArticleBlocks the 动态详情 page renders, under the same title and
 * meta line. Read-only. Image blocks without an uploaded photo yet are left out, as they cannot be published.
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
      <View className='news-preview__article'>
        <Text className='news-preview__title'>{input.title || '（未填写标题）'}</Text>
        <View className='news-preview__meta'>
          <Text className='news-preview__category'>{input.category || '（未选栏目）'}</Text>
          <Text>{publishedAt ? formatDate(publishedAt) : '发布当天的日期'}</Text>
          {input.sample && <SampleTag note={input.sampleNote ?? undefined} />}
        </View>
        {input.sample && input.sampleNote && (
          <View className='news-preview__sample-note'>
            <Text>示例说明：{input.sampleNote}</Text>
          </View>
        )}
        <ArticleBlocks blocks={blocks} />
      </View>
    </View>
  )
}
