import { CustomWrapper, View } from '@tarojs/components'
import { memo } from 'react'
import { NewsCard } from '@/components/news-card'
import type { NewsSummary } from '@/domain/news'

/**
 * One loaded page of the list (up to 20 items) in its own native custom component (CustomWrapper), memoised:
 * appending page N+1 renders only the new block, and WeChat's setData carries only its items, not pages 1..N.
 */
export const NewsPageBlock = memo(function NewsPageBlock({ items, page }: { items: NewsSummary[]; page: number }) {
  return (
    <CustomWrapper>
      <View className='news-page-block' data-page={page}>
        {items.map((item) => (
          <NewsCard key={item.id} item={item} />
        ))}
      </View>
    </CustomWrapper>
  )
})
