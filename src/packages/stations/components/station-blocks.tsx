import { CustomWrapper, View } from '@tarojs/components'
import { memo, useCallback, useMemo, useState } from 'react'
import type { ArrangedStation } from '../../../domain/station-geo'
import type { StationSummary } from '../../../domain/stations'
import { StationCard } from './station-card'

/** Cards rendered at a time: the union has 210+ stations and the phones are cheap. */
export const STATIONS_PER_BLOCK = 20

type Item = ArrangedStation<StationSummary>

/**
 * The arranged list cut into blocks of 20, of which the first `count` are shown. The blocks keep their identity while
 * the list does, so showing one more block renders only the new one; a new list (location arrived, filter changed)
 * starts again at one block.
 */
export function useShownBlocks(items: Item[]): { blocks: Item[][]; hasMore: boolean; showMore: () => void } {
  const all = useMemo(() => {
    const blocks: Item[][] = []
    for (let start = 0; start < items.length; start += STATIONS_PER_BLOCK) blocks.push(items.slice(start, start + STATIONS_PER_BLOCK))
    return blocks
  }, [items])
  const [shown, setShown] = useState({ of: all, count: 1 })
  const count = shown.of === all ? shown.count : 1
  const showMore = useCallback(() => {
    setShown((previous) => {
      const current = previous.of === all ? previous.count : 1
      return { of: all, count: Math.min(current + 1, all.length) }
    })
  }, [all])
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
