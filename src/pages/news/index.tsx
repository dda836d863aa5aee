import { Input, ScrollView, Text, View } from '@tarojs/components'
import { useReachBottom, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { listNews } from '@/api/news'
import { useLaterPages, type LaterPages } from '@/api/use-later-pages'
import { useResource } from '@/api/use-resource'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { MAX_KEYWORD_LENGTH } from '@/domain/limits'
import { NEWS_CATEGORIES, type NewsCategory, type NewsSummary } from '@/domain/news'
import { routes } from '@/routes'
import { NewsPageBlock } from './news-page-block'
import './index.scss'

type MoreStatus = LaterPages<NewsSummary>['status']

export default function NewsPage() {
  const [category, setCategory] = useState<NewsCategory | undefined>(undefined)
  const [draft, setDraft] = useState('')
  const [keyword, setKeyword] = useState('')

  const { state, reload } = useResource(() => listNews({ category, q: keyword, page: 1 }), [category, keyword])
  const firstPage = state.status === 'ready' ? state.data : undefined

  const { pages, loadMore } = useLaterPages(firstPage, (page) => listNews({ category, q: keyword, page }))

  useReachBottom(() => {
    void loadMore()
  })

  usePullDownReload(reload)

  useShareAppMessage(() => ({ title: '密云工会 · 工会动态', path: routes.news() }))

  const search = (text: string) => {
    setDraft(text)
    setKeyword(text.trim())
  }
  const clearSearch = () => {
    setDraft('')
    setKeyword('')
  }

  return (
    <PageRoot className='news'>
      <View className='news__search'>
        <View className='news__search-box'>
          <Input
            className='news__search-input'
            value={draft}
            placeholder='搜索动态，如：工匠、法律援助'
            confirmType='search'
            maxlength={MAX_KEYWORD_LENGTH}
            onInput={(event) => setDraft(event.detail.value)}
            onConfirm={(event) => search(event.detail.value)}
            aria-label='搜索动态'
          />
          {(draft || keyword) && (
            <Text className='news__search-clear' onClick={clearSearch} aria-label='清除搜索'>
              ✕
            </Text>
          )}
        </View>
        <Text className='news__search-button' onClick={() => search(draft)}>
          搜索
        </Text>
      </View>

      <ScrollView className='news__tabs' scrollX enhanced showScrollbar={false}>
        <View className='news__tab-row' role='tablist'>
          <CategoryTab label='全部' selected={!category} onSelect={() => setCategory(undefined)} />
          {NEWS_CATEGORIES.map((name) => (
            <CategoryTab key={name} label={name} selected={category === name} onSelect={() => setCategory(name)} />
          ))}
        </View>
      </ScrollView>

      <PageState
        state={state}
        onRetry={() => void reload()}
        what='动态'
        isEmpty={(data) => data.items.length === 0}
        emptyText={keyword ? `未找到与“${keyword}”相关的动态` : '该栏目暂无动态'}
      >
        {(data) => (
          <View>
            {/*
              Only the page blocks live in this container: WeChat's setData then appends the new block alone.
              A changing sibling beside them (the footer) would make Taro resend every child, earlier blocks included.
            */}
            <View className='news__list'>
              <NewsPageBlock items={data.items} page={1} />
              {pages.blocks.map((items, index) => (
                <NewsPageBlock key={index} items={items} page={index + 2} />
              ))}
            </View>
            {/* The footer's own container: swapping its text resends this container, not the list above. */}
            <View className='news__footer-slot'>
              <ListFooter status={pages.status} hasMore={pages.hasMore} onLoadMore={() => void loadMore()} />
            </View>
          </View>
        )}
      </PageState>
    </PageRoot>
  )
}

function CategoryTab({ label, selected, onSelect }: { label: string; selected: boolean; onSelect: () => void }) {
  return (
    <View className={`news__tab${selected ? ' news__tab--selected' : ''}`} onClick={onSelect} role='tab' aria-selected={selected}>
      <Text>{label}</Text>
    </View>
  )
}

/**
 * Each variant has its own key, so React replaces the Text instead of removing its tap handler in place:
 * Taro 4.2 throws when a Text loses its last event handler (NervJS/taro#19453), blanking the page in WeChat.
 */
function ListFooter({ status, hasMore, onLoadMore }: { status: MoreStatus; hasMore: boolean; onLoadMore: () => void }) {
  if (status === 'loading') {
    return (
      <Text key='loading' className='news__footer'>
        加载中…
      </Text>
    )
  }
  if (status === 'error') {
    return (
      <Text key='error' className='news__footer news__footer--error' onClick={onLoadMore}>
        加载失败，点击重试
      </Text>
    )
  }
  if (!hasMore) {
    return (
      <Text key='end' className='news__footer'>
        没有更多了
      </Text>
    )
  }
  // Reaching the bottom loads the next page; the tap is for when the list is too short to scroll.
  return (
    <Text key='more' className='news__footer' onClick={onLoadMore}>
      上拉加载更多
    </Text>
  )
}
