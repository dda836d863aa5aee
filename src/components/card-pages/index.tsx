/**
 * A filtered list of cards loaded a page at a time (the activities and competitions lists): the filter chips on top,
 * the first page as the server answers it and the later pages as the worker reaches the bottom, each page in its own
 * CustomWrapper, then the footer; 「暂无…」 with 清除筛选 when nothing is shown.
 */
import { Button, CustomWrapper, Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { memo, useMemo, type ReactNode } from 'react'
import type { Loaded } from '@/api/client'
import { useLaterPages } from '@/api/use-later-pages'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { useResource } from '@/api/use-resource'
import { PageState } from '@/components/page-state'
import type { Page } from '@/domain/paging'
import './index.scss'

interface CardPagesProps<T extends { id: string }, F> {
  /** The filter chips. */
  filters: ReactNode
  filter: F
  /** The filter's fields: a change in one loads the first page again. */
  filterKey: unknown[]
  /** Page n of the list under the filter. */
  fetchPage: (filter: F, page: number) => Promise<Loaded<Page<T>>>
  /** Which of a page's items to show, on the phone's clock; a module-level function, so the first block keeps its identity. */
  visible: (items: T[], filter: F) => T[]
  /** 「活动」, 「竞赛」 */
  what: string
  emptyText: string
  /** Whether a filter is set: the empty list then offers 清除筛选. */
  hasFilter: boolean
  onClear: () => void
  /** One card, keyed by the item's id. */
  card: (item: T) => ReactNode
}

/**
 * One loaded page of cards in its own CustomWrapper: appending page 3 updates only the new wrapper, so the cards of
 * pages 1–2 are not sent to the view again. Memoised on the page's array, which never changes once loaded.
 */
const PageBlock = memo(
  function PageBlock<T>({ items, card }: { items: T[]; card: (item: T) => ReactNode }) {
    return <CustomWrapper>{items.map(card)}</CustomWrapper>
  },
  (before, after) => before.items === after.items
) as <T>(props: { items: T[]; card: (item: T) => ReactNode }) => ReactNode

export function CardPages<T extends { id: string }, F>(props: CardPagesProps<T, F>) {
  const { filters, filter, filterKey, fetchPage, visible, what, emptyText, hasFilter, onClear, card } = props
  const { state, reload } = useResource(() => fetchPage(filter, 1), filterKey)

  const firstPage = state.status === 'ready' ? state.data : undefined
  const firstBlock = useMemo(() => (firstPage ? visible(firstPage.items, filter) : []), [firstPage, filter, visible])
  const { pages: more, loadMore } = useLaterPages(
    firstPage,
    (page) => fetchPage(filter, page),
    (items) => visible(items, filter)
  )

  useReachBottom(() => {
    void loadMore()
  })
  usePullDownReload(reload)

  return (
    <>
      <View className='card-pages__filters'>{filters}</View>
      <PageState state={state} onRetry={() => void reload()} what={what}>
        {() => {
          const shown = firstBlock.length + more.blocks.reduce((count, block) => count + block.length, 0)
          if (shown === 0 && !more.hasMore) {
            return (
              <View className='card-pages__empty'>
                <Text className='card-pages__empty-text'>{emptyText}</Text>
                {hasFilter && (
                  <Button className='card-pages__clear' onClick={onClear}>
                    清除筛选
                  </Button>
                )}
              </View>
            )
          }
          return (
            <View>
              {/*
                Only the page blocks live in this container: WeChat's setData then appends the new block alone.
                A sibling after them (the footer) would make Taro resend every child, earlier blocks included.
              */}
              <View className='card-pages__items'>
                <PageBlock items={firstBlock} card={card} />
                {more.blocks.map((block, index) => (
                  <PageBlock key={index + 2} items={block} card={card} />
                ))}
              </View>
              <View className='card-pages__footer'>
                {more.status === 'loading' && <Text>正在加载更多…</Text>}
                {more.status === 'error' && (
                  <View className='card-pages__more-error' role='button' onClick={() => void loadMore()}>
                    <Text>{more.error?.message ?? '加载失败'}，点此重试</Text>
                  </View>
                )}
                {more.status === 'idle' && !more.hasMore && <Text>没有更多了</Text>}
                {/* The tap is for a list too short to scroll, where reaching the bottom never fires. */}
                {more.status === 'idle' && more.hasMore && (
                  <View className='card-pages__more' role='button' onClick={() => void loadMore()}>
                    <Text>上拉加载更多</Text>
                  </View>
                )}
              </View>
            </View>
          )
        }}
      </PageState>
    </>
  )
}
