import { CustomWrapper, Text, View } from '@tarojs/components'
import { memo, useCallback, useMemo, useState } from 'react'
import type { ArrangedStation } from '@/domain/station-geo'
import type { StationSummary } from '@/domain/stations'
import { StationCard } from './station-card'

/** Cards rendered at a time: the union has 210+ stations and the phones are cheap. */
export const STATIONS_PER_BLOCK = 20

type Item = ArrangedStation<StationSummary>

/**
 * The arranged list cut into blocks of 20, of which the first `count` are shown. The blocks keep their identity while
 * the list does, so showing one more block renders only the new one. The count starts again at one block only when
 * `resetKey` changes (the worker chose a filter, at the top of the page); a list that is merely new — refreshed by
 * pulling down, re-sorted by distance — keeps as many cards as were shown, so nothing vanishes under the thumb.
 */
export function useShownBlocks(items: Item[], resetKey: unknown): { blocks: Item[][]; hasMore: boolean; showMore: () => void } {
  const all = useMemo(() => {
    const blocks: Item[][] = []
    for (let start = 0; start < items.length; start += STATIONS_PER_BLOCK) blocks.push(items.slice(start, start + STATIONS_PER_BLOCK))
    return blocks
  }, [items])
  const [shown, setShown] = useState({ of: resetKey, count: 1 })
  const count = Math.max(1, Math.min(shown.of === resetKey ? shown.count : 1, all.length))
  const showMore = useCallback(() => {
    setShown((previous) => {
      const current = previous.of === resetKey ? previous.count : 1
      return { of: resetKey, count: Math.min(Math.max(1, current) + 1, all.length) }
    })
  }, [all, resetKey])
  return { blocks: all.slice(0, count), hasMore: count < all.length, showMore }
}

/**
 * One block of cards in its own CustomWrapper: WeChat's setData for a new block carries only its cards, not the
 * blocks above it.
 */
const StationBlock = memo(function StationBlock({ items }: { items: Item[] }) {
  return (
    <CustomWrapper>
      <View className='station-block'>
        {items.map((item) => (
          <StationCard key={item.station.code} item={item} />
        ))}
      </View>
    </CustomWrapper>
  )
})

/** Only the blocks live in this container, so appending one does not make Taro resend its siblings. */
export function StationBlocks({ blocks }: { blocks: Item[][] }) {
  return (
    <View className='station-blocks'>
      {blocks.map((block, index) => (
        <StationBlock key={index} items={block} />
      ))}
    </View>
  )
}

/**
 * Under the cards: 「上拉加载更多」 while there are more, or 「没有更多了」. It is a tap too, for a list too short to
 * scroll, where reaching the bottom never fires. `page` is the page's class: `${page}__footer`, `${page}__more`.
 */
export function MoreFooter({ page, hasMore, onMore }: { page: string; hasMore: boolean; onMore: () => void }) {
  return (
    <View className={`${page}__footer`}>
      {hasMore ? (
        <View key='more' className={`${page}__more`} role='button' onClick={onMore}>
          <Text>上拉加载更多</Text>
        </View>
      ) : (
        <Text key='end'>没有更多了</Text>
      )}
    </View>
  )
}
