import { Button, CustomWrapper, Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { memo, useEffect, useState } from 'react'
import type { ApiError, Loaded } from '@/api/client'
import { listStaffNews } from '@/api/staff/news'
import { useLaterPages } from '@/api/use-later-pages'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { useReloadOnReturn } from '@/api/use-reload-on-return'
import { useResource } from '@/api/use-resource'
import { FilterChips } from '@/components/filter-chips'
import { PageState } from '@/components/page-state'
import { lastEditedLine } from '@/domain/content'
import { shownNewsStatus, type NewsStatus, type ShownNewsStatus, type StaffNewsSummary } from '@/domain/news-input'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { StaffPage, toLogin } from '../components/staff-page'
import { StaffRow, type RowTag } from '../components/staff-row'
import './index.scss'

const TABS: { status: NewsStatus | undefined; label: string }[] = [
  { status: undefined, label: '全部' },
  { status: 'draft', label: '草稿' },
  { status: 'published', label: '已发布' },
  { status: 'withdrawn', label: '已撤下' }
]

/** Staff answers are never kept on the device, so every load is a fresh one. */
function fresh<T>(data: T): Loaded<T> {
  return { data, offline: false, source: 'network' }
}

const sessionEnded = (error: ApiError | undefined) => error?.status === 401

export default function StaffNewsListPage() {
  return (
    <StaffPage roles={['editor']} className='staff-news-list'>
      <NewsList />
    </StaffPage>
  )
}

function NewsList() {
  const [status, setStatus] = useState<NewsStatus>()
  const { state, reload } = useResource(() => listStaffNews({ status, page: 1 }).then(fresh), [status])
  const firstPage = state.status === 'ready' ? state.data : undefined
  const { pages: more, loadMore } = useLaterPages(firstPage, (page) => listStaffNews({ status, page }).then(fresh))

  useReachBottom(() => {
    void loadMore()
  })
  usePullDownReload(reload)
  useReloadOnReturn(reload)

  const ended = sessionEnded(state.status === 'error' ? state.error : undefined) || sessionEnded(more.error)
  useEffect(() => {
    if (ended) toLogin()
  }, [ended])

  return (
    <View>
      <View className='staff-news-list__head'>
        <FilterChips
          title='状态'
          hideTitle
          fill
          options={TABS.map((tab) => ({ value: tab.status, label: tab.label }))}
          isActive={(value) => value === status}
          onSelect={setStatus}
        />
        <Button className='staff-news-list__write' onClick={() => void go(routes.staffNewsEdit())}>
          写动态
        </Button>
      </View>

      {ended ? (
        <View className='staff-news-list__ended' role='alert'>
          <Text>登录已失效，请重新登录</Text>
          <Button className='staff-news-list__login' onClick={toLogin}>
            去登录
          </Button>
        </View>
      ) : (
        <PageState
          state={state}
          onRetry={() => void reload()}
          what='动态'
          isEmpty={(page) => page.items.length === 0}
          emptyText={status ? '没有这个状态的动态' : '还没有动态，点「写动态」发布第一篇'}
        >
          {(page) => (
            <View>
              <View className='staff-news-list__items'>
                <RowBlock items={page.items} />
                {more.blocks.map((block, index) => (
                  <RowBlock key={index + 2} items={block} />
                ))}
              </View>
              <View className='staff-news-list__footer'>
                {more.status === 'loading' && <Text>正在加载更多…</Text>}
                {more.status === 'error' && (
                  <View className='staff-news-list__more-error' role='alert'>
                    <Text>{more.error?.message ?? '加载失败'}</Text>
                    <Button className='staff-news-list__more' onClick={() => void loadMore()}>
                      重试
                    </Button>
                  </View>
                )}
                {more.status === 'idle' && more.hasMore && (
                  <Button className='staff-news-list__more' onClick={() => void loadMore()}>
                    加载更多
                  </Button>
                )}
                {more.status === 'idle' && !more.hasMore && <Text>共 {page.total} 篇，没有更多了</Text>}
              </View>
            </View>
          )}
        </PageState>
      )}
    </View>
  )
}

/** One loaded page of rows in its own CustomWrapper, so appending the next page does not resend the earlier ones. */
const RowBlock = memo(function RowBlock({ items }: { items: StaffNewsSummary[] }) {
  return (
    <CustomWrapper>
      {items.map((item) => (
        <NewsRow key={item.id} item={item} />
      ))}
    </CustomWrapper>
  )
})

const STATUS_TONES: Record<ShownNewsStatus, RowTag['tone']> = {
  draft: 'neutral',
  published: 'success',
  scheduled: 'info',
  withdrawn: 'warning'
}

function NewsRow({ item }: { item: StaffNewsSummary }) {
  const shown = shownNewsStatus(item, Date.now())
  return (
    <StaffRow
      title={item.title}
      mark={item.pinned ? '置顶' : undefined}
      tags={[
        { label: shown.label, tone: STATUS_TONES[shown.status] },
        { label: item.category, tone: 'neutral' }
      ]}
      sample={item.sample ? item : undefined}
      lines={[lastEditedLine(item)]}
      onClick={() => void go(routes.staffNewsEdit(item.id))}
      data={{ 'data-news-id': item.id }}
    />
  )
}
