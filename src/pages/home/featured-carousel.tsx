import { Image, ScrollView, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { mediaUrl } from '../../api/client'
import { SampleTag } from '../../components/sample-tag'
import type { FeaturedItem } from '../../domain/types'
import { go } from '../../navigation'
import { targetUrl } from '../../routes'

const AUTOPLAY_MS = 5000
/** After the worker swipes, autoplay waits this long before it moves the carousel again. */
const RESUME_AFTER_SWIPE_MS = 8000

/**
 * The featured items, one card a screen, swiped sideways and advancing by itself.
 * Built on ScrollView rather than Taro's Swiper: on H5 the Swiper brings the swiper.js library (~60 KB gzipped)
 * into the first page a worker loads; this needs nothing beyond the scroll view both platforms have.
 */
export function FeaturedCarousel({ items }: { items: FeaturedItem[] }) {
  const [active, setActive] = useState(0)
  /** The slide autoplay scrolls to, by element id: no measuring of the screen needed on either platform. */
  const [shownId, setShownId] = useState<string>()
  const pausedUntil = useRef(0)

  useEffect(() => {
    if (items.length < 2) return undefined
    const timer = setInterval(() => {
      if (Date.now() < pausedUntil.current) return
      setActive((current) => {
        const next = (current + 1) % items.length
        setShownId(slideId(items[next].id))
        return next
      })
    }, AUTOPLAY_MS)
    return () => clearInterval(timer)
  }, [items])

  return (
    <View className='featured'>
      <ScrollView
        className='featured__track'
        scrollX
        enhanced
        pagingEnabled
        showScrollbar={false}
        scrollWithAnimation
        scrollIntoView={shownId}
        onTouchStart={() => {
          pausedUntil.current = Date.now() + RESUME_AFTER_SWIPE_MS
        }}
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
            <View key={item.id} id={slideId(item.id)} className='featured__item' onClick={() => void go(targetUrl(item.target))} role='link'>
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
        <View className='featured__dots' aria-label={`第 ${active + 1} 项，共 ${items.length} 项`}>
          {items.map((item, index) => (
            <View key={item.id} className={`featured__dot${index === active ? ' featured__dot--active' : ''}`} />
          ))}
        </View>
      )}
    </View>
  )
}

function slideId(itemId: string): string {
  return `featured-${itemId}`
}
