import { Text, View } from '@tarojs/components'
import { fetchServices, peekServices } from '@/api/services'
import { useResource } from '@/api/use-resource'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { HOTLINE_NUMBER as HOTLINE } from '@/domain/hotline'
import type { ServiceSlug, ServiceSummary } from '@/domain/services'
import { callHotline, go } from '@/navigation'
import { routes } from '@/routes'
import { ServiceBadge } from '@/components/service-badge'
import './index.scss'

const MORE_ENTRIES = [
  { key: 'competitions', mark: '赛', title: '技能竞赛', text: '报名中、进行中的技能竞赛与获奖成绩', url: routes.competitions() },
  { key: 'plan', mark: '绩', title: '十四五成绩单 · 十五五蓝图', text: '五年成绩与未来五年的主要任务', url: routes.plan() },
  { key: 'stations', mark: '站', title: '服务阵地', text: '建成210余个工会服务阵地', url: routes.stations() }
]

function ServiceCard({ service }: { service: ServiceSummary }) {
  return (
    <View className='service-card' role='link' aria-label={service.name} onClick={() => void go(routes.serviceDetail(service.slug as ServiceSlug))}>
      <ServiceBadge slug={service.slug} name={service.name} />
      <View className='service-card__text'>
        <Text className='service-card__name'>{service.name}</Text>
        <Text className='service-card__tagline'>{service.tagline}</Text>
      </View>
    </View>
  )
}

export default function ServicesPage() {
  const { state, reload } = useResource(fetchServices, [], peekServices)

  usePullDownReload(reload)

  return (
    <PageRoot className='services-page'>
      <View className='services-page__hotline'>
        <View className='services-page__hotline-text'>
          <Text className='services-page__hotline-label'>职工服务热线</Text>
          <Text className='services-page__hotline-number'>{HOTLINE}</Text>
          <Text className='services-page__hotline-hint'>有问题，可拨打职工服务热线咨询</Text>
        </View>
        <View className='services-page__hotline-call' role='button' onClick={() => callHotline(HOTLINE)}>
          <Text>拨打</Text>
        </View>
      </View>

      <Text className='services-page__heading'>职工服务</Text>
      <PageState state={state} onRetry={() => void reload()} what='服务' isEmpty={(data) => data.items.length === 0} emptyText='暂无服务项目'>
        {(data) => (
          <View className='services-page__grid'>
            {data.items.map((service) => (
              <ServiceCard key={service.slug} service={service} />
            ))}
          </View>
        )}
      </PageState>

      <Text className='services-page__heading'>更多</Text>
      <View className='services-page__more'>
        {MORE_ENTRIES.map((entry) => (
          <View className='entry' key={entry.key} role='link' aria-label={entry.title} onClick={() => void go(entry.url)}>
            <Text className='entry__mark' aria-hidden='true'>
              {entry.mark}
            </Text>
            <View className='entry__text'>
              <Text className='entry__title'>{entry.title}</Text>
              <Text className='entry__desc'>{entry.text}</Text>
            </View>
            <Text className='entry__arrow' aria-hidden='true'>
              ›
            </Text>
          </View>
        ))}
      </View>
    </PageRoot>
  )
}
