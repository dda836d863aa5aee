import { Button, CustomWrapper, Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { memo, useState } from 'react'
import { listAudit } from '@/api/staff/accounts'
import { useLaterPages } from '@/api/use-later-pages'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { FilterChips } from '@/components/filter-chips'
import { PageState } from '@/components/page-state'
import { AUDIT_ENTITIES, type AuditEntity, type AuditEntry } from '@/domain/audit'
import { formatDateTime } from '@/domain/dates'
import { StaffPage } from '../components/staff-page'
import { fresh, useStaffResource } from '../editor-kit/use-staff-resource'
import { shallowDiff } from './diff'
import './index.scss'

const ENTITY_LABELS: Record<AuditEntity, string> = {
  news: '动态',
  competition: '竞赛',
  service: '服务',
  plan: '十四五数据',
  featured: '首页推荐',
  staff: '账号',
  media: '图片',
  station: '服务站点',
  'station-settings': '站点设置',
  activity: '活动',
  signup: '报名'
}

export default function StaffAuditPage() {
  return (
    <StaffPage roles={['admin']} className='audit'>
      <AuditLog />
    </StaffPage>
  )
}

function AuditLog() {
  const [entity, setEntity] = useState<AuditEntity>()
  const { state, reload } = useStaffResource(() => listAudit({ entity, page: 1 }), [entity])
  const firstPage = state.status === 'ready' ? state.data : undefined
  const { pages: more, loadMore } = useLaterPages(firstPage, (page) => listAudit({ entity, page }).then(fresh))
  useReachBottom(() => {
    void loadMore()
  })
  usePullDownReload(reload)

  const filters: { entity?: AuditEntity; label: string }[] = [
    { label: '全部' },
    ...AUDIT_ENTITIES.map((each) => ({ entity: each, label: ENTITY_LABELS[each] }))
  ]

  return (
    <View>
      <View className='audit__filters'>
        <FilterChips
          title='类别'
          hideTitle
          options={filters.map((filter) => ({ value: filter.entity, label: filter.label }))}
          isActive={(each) => each === entity}
          onSelect={setEntity}
        />
      </View>
      <PageState
        state={state}
        onRetry={() => void reload()}
        what='操作记录'
        isEmpty={(page) => page.items.length === 0}
        emptyText={entity ? `还没有${ENTITY_LABELS[entity]}的操作记录` : '还没有操作记录'}
      >
        {(page) => (
          <View>
            <EntryBlock entries={page.items} />
            {more.blocks.map((block, index) => (
              <EntryBlock key={index + 2} entries={block} />
            ))}
            <View className='audit__footer'>
              {more.status === 'loading' && <Text>正在加载更多…</Text>}
              {more.status === 'error' && (
                <View role='alert'>
                  <Text>{more.error?.message ?? '加载失败'}</Text>
                  <Button className='audit__more' onClick={() => void loadMore()}>
                    重试
                  </Button>
                </View>
              )}
              {more.status === 'idle' && more.hasMore && (
                <Button className='audit__more' onClick={() => void loadMore()}>
                  加载更多
                </Button>
              )}
              {more.status === 'idle' && !more.hasMore && <Text>共 {page.total} 条，没有更多了</Text>}
            </View>
          </View>
        )}
      </PageState>
    </View>
  )
}

/** One loaded page in its own CustomWrapper, so appending the next page does not resend the earlier ones. */
const EntryBlock = memo(function EntryBlock({ entries }: { entries: AuditEntry[] }) {
  return (
    <CustomWrapper>
      {entries.map((entry) => (
        <EntryRow key={entry.id} entry={entry} />
      ))}
    </CustomWrapper>
  )
})

function EntryRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false)
  const changes = open ? shallowDiff(entry.before, entry.after) : []
  return (
    <View className={`audit-entry${open ? ' audit-entry--open' : ''}`} data-audit-id={entry.id}>
      <View
        className='audit-entry__head'
        hoverClass='audit-entry__head--pressed'
        role='button'
        aria-expanded={open ? 'true' : 'false'}
        onClick={() => setOpen(!open)}
      >
        <View className='audit-entry__meta'>
          <Text className='audit-entry__kind'>{ENTITY_LABELS[entry.entity] ?? entry.entity}</Text>
          <Text className='audit-entry__when'>{formatDateTime(entry.at)}</Text>
          <Text className='audit-entry__who'>{entry.staffName}</Text>
        </View>
        <Text className='audit-entry__summary'>{entry.summary}</Text>
        <Text className='audit-entry__toggle'>{open ? '收起改动' : '查看改动'}</Text>
      </View>
      {open && (
        <View className='audit-entry__changes' aria-label='改动'>
          {changes.length === 0 && <Text className='audit-entry__none'>没有字段变化</Text>}
          {changes.map((change) => (
            <View key={change.key || 'value'} className='audit-change' data-change-key={change.key}>
              <Text className='audit-change__label'>{change.label}</Text>
              <Text className='audit-change__before'>改前：{change.before}</Text>
              <Text className='audit-change__after'>改后：{change.after}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
