import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { notFoundError } from '@/api/client'
import { STATUS_LABELS, type Competition, type CompetitionStatus } from '@/domain/competitions'
import { formatDateRange, formatDateTime } from '@/domain/dates'
import { isContentId } from '@/domain/limits'
import { fetchCompetition } from '@/api/competitions'
import { useResource } from '@/api/use-resource'
import { displayedStatus } from '@/components/competition-card'
import { ContactCard } from '@/components/contact-card'
import { DetailSection } from '@/components/detail-section'
import { EventHero } from '@/components/event-hero'
import { Fact } from '@/components/fact'
import { NotFound } from '@/components/not-found'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { SignupBar } from '@/components/signup-bar'
import { go } from '@/navigation'
import { routeParam, routes } from '@/routes'
import './index.scss'

function Results({ competition, status }: { competition: Competition; status: CompetitionStatus }) {
  if (competition.results.length === 0) {
    return <Text className='detail-section__note'>{status === 'ended' ? '获奖名单以区总工会公示为准' : '成绩将在赛后公布'}</Text>
  }
  return (
    <View className='results' role='table' aria-label='比赛成绩'>
      <View className='results__row results__row--head' role='row'>
        <View className='results__cell results__cell--rank' role='columnheader'>
          <Text>名次</Text>
        </View>
        <View className='results__cell' role='columnheader'>
          <Text>姓名</Text>
        </View>
        <View className='results__cell' role='columnheader'>
          <Text>单位</Text>
        </View>
        <View className='results__cell' role='columnheader'>
          <Text>奖项</Text>
        </View>
      </View>
      {competition.results.map((entry) => (
        <View className='results__row' role='row' key={`${entry.rank}-${entry.name}`}>
          <View className='results__cell results__cell--rank' role='cell'>
            <Text>{entry.rank}</Text>
          </View>
          <View className='results__cell' role='cell'>
            <Text>{entry.name}</Text>
          </View>
          <View className='results__cell' role='cell'>
            <Text>{entry.unit ?? '—'}</Text>
          </View>
          <View className='results__cell' role='cell'>
            <Text>{entry.award ?? '—'}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

function CompetitionDetail({ competition }: { competition: Competition }) {
  const status = displayedStatus(competition)
  const contact = competition.contact
  return (
    <View className='competition-detail'>
      <EventHero event={competition} badge={{ tone: status, label: STATUS_LABELS[status] }} tag={competition.trade} />

      <View className='competition-detail__facts'>
        <Fact label='报名时间' value={formatDateRange(competition.signupStartsAt, competition.signupEndsAt)} />
        <Fact label='比赛时间' value={formatDateRange(competition.eventStartsAt, competition.eventEndsAt)} />
        <Fact label='地点' value={competition.venue} />
        {/* The article gives no quotas: a record without one shows none rather than a guess. */}
        {competition.quota !== undefined && <Fact label='名额' value={`${competition.quota}人`} />}
        <Fact label='主办' value={competition.organizer} />
      </View>

      <DetailSection title='赛程安排'>
        <View className='timeline'>
          {competition.schedule.map((item) => (
            <View className='timeline__item' key={`${item.at}-${item.title}`}>
              <View className='timeline__dot' />
              <View className='timeline__content'>
                <Text className='timeline__time'>{formatDateTime(item.at)}</Text>
                <Text className='timeline__title'>{item.title}</Text>
              </View>
            </View>
          ))}
        </View>
      </DetailSection>

      <DetailSection title='比赛规则'>
        {competition.rules.map((rule, index) => (
          <View className='rule' key={rule}>
            <Text className='rule__number'>{index + 1}</Text>
            <Text className='rule__text'>{rule}</Text>
          </View>
        ))}
      </DetailSection>

      <DetailSection title='奖项设置'>
        {competition.awards.map((award) => (
          <View className='award' key={award.title}>
            <Text className='award__title'>{award.title}</Text>
            <Text className='award__text'>{award.description}</Text>
          </View>
        ))}
      </DetailSection>

      <DetailSection title='比赛成绩'>
        <Results competition={competition} status={status} />
      </DetailSection>

      {contact && (
        <DetailSection title='咨询联系'>
          <ContactCard contact={contact} />
        </DetailSection>
      )}

      <SignupBar type='competition' id={competition.id} dates={competition} />
    </View>
  )
}

export default function CompetitionDetailPage() {
  const router = useRouter()
  const id = routeParam(router.params.id) ?? ''
  // A link without a well-formed id is a broken link: say so without asking the server.
  const { state, reload } = useResource(() => (isContentId(id) ? fetchCompetition(id) : Promise.reject(notFoundError('未找到该竞赛'))), [id])

  useShareAppMessage(() => ({
    title: state.status === 'ready' ? state.data.title : '技能竞赛',
    path: routes.competitionDetail(id)
  }))

  const notFound = state.status === 'error' && state.error.notFound
  return (
    <PageRoot className='competition-detail-page'>
      {notFound ? (
        <NotFound title='未找到该竞赛' hint='它可能已被删除，或链接有误。' actionText='查看全部竞赛' onAction={() => void go(routes.competitions())} />
      ) : (
        <PageState state={state} onRetry={() => void reload()} what='竞赛详情'>
          {(competition) => <CompetitionDetail competition={competition} />}
        </PageState>
      )}
    </PageRoot>
  )
}
