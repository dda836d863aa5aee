import { Button, ScrollView, Text, View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { getHome, peekHome } from '@/api/home'
import { useResource } from '@/api/use-resource'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { CompetitionCard } from '@/components/competition-card'
import { NewsCard } from '@/components/news-card'
import { PageRoot } from '@/components/page-root'
import { BadgeDisc } from '@/components/service-badge'
import { PageState } from '@/components/page-state'
import { SectionHeader } from '@/components/section-header'
import type { HomeData, Hotline } from '@/domain/home'
import { QUICK_SERVICES, type QuickServiceItem } from '@/domain/services'
import type { PlanFigure } from '@/domain/plan'
import { callHotline, go } from '@/navigation'
import { routes } from '@/routes'
import { FeaturedCarousel } from './featured-carousel'
import './index.scss'

const SHARE_TITLE = '密云工会 · 职工的“娘家”'

export default function HomePage() {
  const { state, reload } = useResource(getHome, [], peekHome)

  usePullDownReload(reload)
  // To a friend only: from 朋友圈 WeChat opens a page in 单页模式, without the tab bar and unable to open another
  // page, and 首页 is nothing but ways to other pages. News articles and the plan, which read whole, share there.
  useShareAppMessage(() => ({ title: SHARE_TITLE, path: routes.home() }))

  return (
    <PageRoot className='home'>
      <PageState state={state} onRetry={() => void reload()} what='首页内容'>
        {(data) => <HomeContent data={data} />}
      </PageState>
    </PageRoot>
  )
}

function HomeContent({ data }: { data: HomeData }) {
  return (
    <View className='home__content'>
      {data.featured.length > 0 && <FeaturedCarousel items={data.featured} />}
      <QuickServiceGrid />

      <SectionHeader title='最新动态' onAction={() => void go(routes.news())} />
      {data.news.length > 0 ? data.news.map((item) => <NewsCard key={item.id} item={item} />) : <Text className='home__empty'>暂无动态</Text>}

      <SectionHeader title='技能竞赛' actionText='全部竞赛' onAction={() => void go(routes.competitions())} />
      <View className='home__competitions'>
        {data.competitions.length > 0 ? (
          data.competitions.map((item) => <CompetitionCard key={item.id} competition={item} />)
        ) : (
          <Text className='home__empty'>暂无竞赛</Text>
        )}
      </View>

      {data.figures.length > 0 && <FigureStrip figures={data.figures} />}
      <HotlineCard hotline={data.hotline} />
    </View>
  )
}

/** A quick service's page: its explainer, or the station directory. */
const quickServiceUrl = ({ target }: QuickServiceItem) => (target === 'stations' ? routes.stations() : routes.serviceDetail(target))

function QuickServiceGrid() {
  return (
    <View className='quick-services' aria-label='便民服务'>
      {QUICK_SERVICES.map((service) => (
        <View
          key={service.name}
          className='quick-services__item'
          hoverClass='quick-services__item--pressed'
          onClick={() => void go(quickServiceUrl(service))}
          role='link'
        >
          <BadgeDisc badge={service.badge} />
          <Text className='quick-services__name'>{service.name}</Text>
        </View>
      ))}
    </View>
  )
}

function FigureStrip({ figures }: { figures: PlanFigure[] }) {
  return (
    <View className='figures'>
      <SectionHeader title='“十四五”成绩单' actionText='查看全部' onAction={() => void go(routes.plan())} />
      <ScrollView className='figures__scroll' scrollX enhanced showScrollbar={false}>
        <View className='figures__row'>
          {figures.map((figure) => (
            <View key={figure.key} className='figures__item' onClick={() => void go(routes.plan())} role='link'>
              <Text className='figures__value'>{figure.display}</Text>
              <Text className='figures__label'>{figure.label}</Text>
            </View>
          ))}
        </View>
      </ScrollView>
    </View>
  )
}

function HotlineCard({ hotline }: { hotline: Hotline }) {
  return (
    <View className='hotline'>
      <View className='hotline__text'>
        <Text className='hotline__name'>{hotline.name}</Text>
        <Text className='hotline__number'>{hotline.number}</Text>
        <Text className='hotline__description'>{hotline.description}</Text>
      </View>
      <Button className='hotline__call' onClick={() => callHotline(hotline.number)}>
        拨打
      </Button>
    </View>
  )
}
