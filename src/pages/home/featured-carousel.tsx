import { Image, ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { mediaUrl } from '@/api/client'
import { SampleTag } from '@/components/sample-tag'
import type { FeaturedItem } from '@/domain/home'
import { go } from '@/navigation'
import { targetUrl } from '@/routes'

/**
 * The featured items, one card a screen, swiped sideways, with dots saying which one shows.
 *
 * Built on ScrollView rather than Taro's Swiper: on H5 the Swiper brings the swiper.js library (~60 KB gzipped)
 * into the first page a worker loads. It does not move by itself: content that moves on its own is hard to read for
 * older workers (WCAG 2.2.2), and on H5 scrolling a card into view also scrolls the page under the reader.
 */
export function FeaturedCarousel({ items }: { items: FeaturedItem[] }) {
  const [active, setActive] = useState(0)

  return (
    <View className='featured'>
      <ScrollView
        className='featured__track'
        scrollX
        enhanced
        pagingEnabled
        showScrollbar={false}
        onScroll={(event) => {
          // Slides are equally wide, so the position in the row says which one is showing.
          const { scrollLeft, scrollWidth } = event.detail
          if (scrollWidth <= 0) return
          const index = Math.round((scrollLeft / scrollWidth) * items.length)
          setActive(Math.max(0, Math.min(items.length - 1, index)))
        }}
      >
        <View className='featured__row'>
          {items.map((item) => (
            <View key={item.id} className='featured__item' onClick={() => void go(targetUrl(item.target))} role='link'>
              {item.image && <Image className='featured__image' src={mediaUrl(item.image) ?? ''} mode='aspectFill' />}
              <View className='featured__text'>
                <Text className='featured__title'>{item.title}</Text>
                {item.subtitle && <Text className='featured__subtitle'>{item.subtitle}</Text>}
                {item.sample && <SampleTag note={item.sampleNote} />}
              </View>
            </View>
          ))}
        </View>
      </ScrollView>
      {items.length > 1 && (
        <View className='featured__dots' aria-label={`第 ${active + 1} 项，共 ${items.length} 项，左右滑动查看`}>
          {items.map((item, index) => (
            <View key={item.id} className={`featured__dot${index === active ? ' featured__dot--active' : ''}`} />
          ))}
        </View>
      )}
    </View>
  )
}
