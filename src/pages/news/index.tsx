import { Input, ScrollView, Text, View } from '@tarojs/components'
import { useReachBottom, useShareAppMessage } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { listNews } from '../../api/news'
import { useResource } from '../../api/use-resource'
import { usePullDownReload } from '../../api/use-pull-down-reload'
import { PageRoot } from '../../components/page-root'
import { PageState } from '../../components/page-state'
import { appendPage } from '../../domain/paging'
import { MAX_KEYWORD_LENGTH } from '../../domain/limits'
import { NEWS_CATEGORIES, type NewsCategory, type NewsSummary, type Page } from '../../domain/types'
import { routes } from '../../routes'
import { NewsPageBlock } from './news-page-block'
import './index.scss'

type MoreStatus = 'idle' | 'loading' | 'error'

/** Pages 2.. loaded below the first page. Tied to the first page they continue, so a new first page drops them. */
interface LaterPages {
  after: Page<NewsSummary> | undefined
  /** Each loaded page's new items, one block per page, so earlier blocks keep their identity when one is added. */
  blocks: NewsSummary[][]
  nextPage: number
  hasMore: boolean
  status: MoreStatus
}

const NO_LATER_PAGES: LaterPages = { after: undefined, blocks: [], nextPage: 2, hasMore: true, status: 'idle' }

export default function NewsPage() {
  const [category, setCategory] = useState<NewsCategory | undefined>(undefined)
  const [draft, setDraft] = useState('')
  const [keyword, setKeyword] = useState('')

  const { state, reload } = useResource(() => listNews({ category, q: keyword, page: 1 }), [category, keyword])
  const firstPage = state.status === 'ready' ? state.data : undefined

  const [later, setLater] = useState<LaterPages>(NO_LATER_PAGES)
  const current: LaterPages =
    firstPage && later.after === firstPage ? later : { ...NO_LATER_PAGES, after: firstPage, hasMore: firstPage?.hasMore ?? false }

  // Lifecycle callbacks read the latest values through refs: the page events may hold an older closure.
  const latest = useRef({ current, firstPage, category, keyword })
  latest.current = { current, firstPage, category, keyword }
  // Two reach-bottom events can arrive before the page re-renders; only one request may go out.
  const inFlight = useRef(false)

  const loadMore = useCallback(async () => {
    const { current: pages, firstPage: base, category: loadedCategory, keyword: loadedKeyword } = latest.current
    if (!base || !pages.hasMore || inFlight.current) return
    inFlight.current = true
    const page = pages.nextPage
    setLater({ ...pages, status: 'loading' })
    try {
      const loaded = await listNews({ category: loadedCategory, q: loadedKeyword, page })
      setLater((previous) => {
        // The filter changed or the list was refreshed meanwhile: this page belongs to a list no longer shown.
        if (previous.after !== base) return previous
        const shown = [base.items, ...previous.blocks].flat()
        const added = appendPage(shown, loaded.data.items).slice(shown.length)
        return {
          after: base,
          blocks: added.length ? [...previous.blocks, added] : previous.blocks,
          nextPage: page + 1,
          hasMore: loaded.data.hasMore,
          status: 'idle'
        }
      })
    } catch {
      // The loaded pages stay on screen; the footer offers the retry.
      setLater((previous) => (previous.after === base ? { ...previous, status: 'error' } : previous))
    } finally {
      inFlight.current = false
    }
  }, [])

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
              {current.blocks.map((items, index) => (
                <NewsPageBlock key={index} items={items} page={index + 2} />
              ))}
            </View>
            {/* The footer's own container: swapping its text resends this container, not the list above. */}
            <View className='news__footer-slot'>
              <ListFooter status={current.status} hasMore={current.hasMore} onLoadMore={() => void loadMore()} />
            </View>
          </View>
        )}
      </PageState>
    </PageRoot>
  )
}

function CategoryTab({ label, selected, onSelect }: { label: string; selected: boolean; onSelect: () => void }) {
  return (
    <View
      className={`news__tab${selected ? ' news__tab--selected' : ''}`}
      onClick={onSelect}
      role='tab'
      aria-selected={selected}
    >
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
