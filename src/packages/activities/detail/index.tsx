import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { fetchActivity } from '@/api/activities'
import { notFoundError } from '@/api/client'
import { useResource } from '@/api/use-resource'
import { activityBadge } from '@/components/activity-card'
import { ArticleBlocks } from '@/components/article-blocks'
import { ContactCard } from '@/components/contact-card'
import { DetailSection } from '@/components/detail-section'
import { EventHero } from '@/components/event-hero'
import { Fact } from '@/components/fact'
import { NotFound } from '@/components/not-found'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { SignupBar } from '@/components/signup-bar'
import { ACTIVITY_KIND_LABELS, type Activity } from '@/domain/activities'
import { formatDateRange, formatDateTime } from '@/domain/dates'
import { isContentId } from '@/domain/limits'
import { go } from '@/navigation'
import { routeParam, routes } from '@/routes'
import './index.scss'

/** Who may sign up and how it is decided, before the worker types anything. */
function Conditions({ activity }: { activity: Activity }) {
  return (
    <View className='activity-detail__conditions'>
      {activity.womenOnly && <Text className='activity-detail__condition'>仅限女职工报名</Text>}
      <Text className='activity-detail__condition'>
        {activity.reviewRequired ? '报名需审核：提交后由工作人员审核，结果会通知您' : '报名即确认：名额有余时提交即报名成功'}
      </Text>
    </View>
  )
}

function ActivityDetail({ activity }: { activity: Activity }) {
  const badge = activityBadge(activity)
  const stationCode = activity.stationCode
  return (
    <View className='activity-detail'>
      <EventHero event={activity} badge={badge} tag={ACTIVITY_KIND_LABELS[activity.kind]} />

      {activity.cancelled && (
        <View className='activity-detail__cancelled' role='alert'>
          <Text className='activity-detail__cancelled-title'>该活动已取消</Text>
          <Text className='activity-detail__cancelled-text'>原因：{activity.cancelled.reason}</Text>
          <Text className='activity-detail__cancelled-text'>取消时间：{formatDateTime(activity.cancelled.at)}</Text>
        </View>
      )}

      <View className='activity-detail__facts'>
        <Fact label='活动时间' value={formatDateRange(activity.eventStartsAt, activity.eventEndsAt)} />
        <Fact label='报名时间' value={formatDateRange(activity.signupStartsAt, activity.signupEndsAt)} />
        <Fact
          label='地点'
          value={activity.place}
          link={stationCode ? { text: '查看服务站点', onClick: () => void go(routes.station(stationCode)) } : undefined}
        />
        <Fact label='名额' value={`${activity.capacity}人`} />
        <Fact label='参加对象' value={activity.eligibility} />
        <Conditions activity={activity} />
      </View>

      {activity.blocks.length > 0 && (
        <DetailSection title='活动介绍'>
          <ArticleBlocks blocks={activity.blocks} />
        </DetailSection>
      )}

      {activity.contact && (
        <DetailSection title='咨询联系'>
          <ContactCard contact={activity.contact} />
        </DetailSection>
      )}

      <SignupBar type='activity' id={activity.id} dates={activity} cancelled={Boolean(activity.cancelled)} />
    </View>
  )
}

export default function ActivityDetailPage() {
  const router = useRouter()
  const id = routeParam(router.params.id) ?? ''
  // A link without a well-formed id is a broken link: say so without asking the server.
  const { state, reload } = useResource(() => (isContentId(id) ? fetchActivity(id) : Promise.reject(notFoundError('未找到该活动'))), [id])

  useShareAppMessage(() => ({
    title: state.status === 'ready' ? state.data.title : '职工活动',
    path: routes.activityDetail(id)
  }))

  const notFound = state.status === 'error' && state.error.notFound
  return (
    <PageRoot className='activity-detail-page'>
      {notFound ? (
        <NotFound title='未找到该活动' hint='它可能已被删除，或链接有误。' actionText='查看全部活动' onAction={() => void go(routes.activities())} />
      ) : (
        <PageState state={state} onRetry={() => void reload()} what='活动详情'>
          {(activity) => <ActivityDetail activity={activity} />}
        </PageState>
      )}
    </PageRoot>
  )
}
