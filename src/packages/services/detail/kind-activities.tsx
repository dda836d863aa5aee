import { Button, Text, View } from '@tarojs/components'
import { fetchActivities } from '@/api/activities'
import { useResource } from '@/api/use-resource'
import { ActivityCard } from '@/components/activity-card'
import { DetailSection } from '@/components/detail-section'
import { ACTIVITY_KIND_LABELS, type ActivityKind } from '@/domain/activities'
import { go } from '@/navigation'
import { routes } from '@/routes'

/** How many of the kind's activities the service page shows before 「查看全部」. */
const SHOWN = 3

/**
 * Under a service's explainer (女职工课堂, 单身联谊, 健康讲堂): that kind's activities, the coming ones first as the
 * activity list orders them, and the way into the whole list where a worker signs up.
 */
export function KindActivities({ kind }: { kind: ActivityKind }) {
  const { state, reload } = useResource(() => fetchActivities({ kind }, 1), [kind])
  const label = ACTIVITY_KIND_LABELS[kind]
  return (
    <DetailSection title='近期活动'>
      {state.status === 'loading' && <Text className='kind-activities__note'>正在加载活动…</Text>}
      {state.status === 'error' && (
        <View className='kind-activities__note' role='button' onClick={() => void reload()}>
          <Text>活动加载失败：{state.error.message}，点此重试</Text>
        </View>
      )}
      {state.status === 'ready' && state.data.items.length === 0 && (
        <Text className='kind-activities__note'>近期暂无{label}活动，新活动发布后可在这里报名</Text>
      )}
      {state.status === 'ready' && state.data.items.slice(0, SHOWN).map((activity) => <ActivityCard key={activity.id} activity={activity} />)}
      <Button className='kind-activities__all' onClick={() => void go(routes.activities({ kind }))}>
        查看全部{label}活动
      </Button>
    </DetailSection>
  )
}
