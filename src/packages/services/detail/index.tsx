import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { notFoundError } from '@/api/client'
import { isServiceSlug } from '@/domain/limits'
import { SERVICE_ACTIVITY_KINDS } from '@/domain/activities'
import type { Service, ServiceSlug } from '@/domain/services'
import { fetchService } from '@/api/services'
import { useResource } from '@/api/use-resource'
import { ContactCard } from '@/components/contact-card'
import { DetailSection } from '@/components/detail-section'
import { NotFound } from '@/components/not-found'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { SampleTag } from '@/components/sample-tag'
import { go } from '@/navigation'
import { ServiceBadge } from '@/components/service-badge'
import { routeParam, routes } from '@/routes'
import { KindActivities } from './kind-activities'
import './index.scss'

function Paragraphs({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((line) => (
        <Text className='service-section__paragraph' key={line}>
          {line}
        </Text>
      ))}
    </>
  )
}

function ServiceDetail({ service }: { service: Service }) {
  const activityKind = SERVICE_ACTIVITY_KINDS[service.slug]
  return (
    <View className='service-detail'>
      <View className='service-detail__hero'>
        <ServiceBadge slug={service.slug} name={service.name} large />
        <View className='service-detail__heading'>
          <View className='service-detail__name-row'>
            <Text className='service-detail__name'>{service.name}</Text>
            {service.sample && <SampleTag note={service.sampleNote} />}
          </View>
          <Text className='service-detail__tagline'>{service.tagline}</Text>
        </View>
      </View>
      {service.sample && service.sampleNote && <Text className='service-detail__sample-note'>示例说明：{service.sampleNote}</Text>}

      {service.figures.length > 0 && (
        <View className='figures' aria-label='服务成效'>
          {service.figures.map((figure) => (
            <View className='figure' key={figure.label}>
              <View className='figure__number'>
                <Text className='figure__value'>{figure.value}</Text>
                <Text className='figure__unit'>{figure.unit}</Text>
              </View>
              <Text className='figure__label'>{figure.label}</Text>
            </View>
          ))}
        </View>
      )}

      {activityKind && <KindActivities kind={activityKind} />}

      <DetailSection title='是什么'>
        <Paragraphs lines={service.what} />
      </DetailSection>
      <DetailSection title='谁可以用'>
        {service.who.map((line) => (
          <Text className='service-section__bullet' key={line}>
            {line}
          </Text>
        ))}
      </DetailSection>
      <DetailSection title='怎么办'>
        {service.how.map((step, index) => (
          <View className='step' key={step}>
            <Text className='step__number'>{index + 1}</Text>
            <Text className='step__text'>{step}</Text>
          </View>
        ))}
      </DetailSection>
      <DetailSection title='找谁'>
        {service.contacts.map((contact) => (
          <ContactCard key={`${contact.name}-${contact.phone}`} contact={contact} />
        ))}
      </DetailSection>
    </View>
  )
}

export default function ServiceDetailPage() {
  const router = useRouter()
  const slug = routeParam(router.params.slug) ?? ''
  // A link without a known slug is a broken link: say so without asking the server.
  const { state, reload } = useResource(() => (isServiceSlug(slug) ? fetchService(slug) : Promise.reject(notFoundError('未找到该服务'))), [slug])

  useShareAppMessage(() => ({
    title: state.status === 'ready' ? `${state.data.name} · 密云工会` : '密云工会 · 职工服务',
    path: routes.serviceDetail(slug as ServiceSlug)
  }))

  const notFound = state.status === 'error' && state.error.notFound
  return (
    <PageRoot className='service-detail-page'>
      {notFound ? (
        <NotFound title='未找到该服务' hint='它可能已调整，或链接有误。' actionText='查看全部服务' onAction={() => void go(routes.services())} />
      ) : (
        <PageState state={state} onRetry={() => void reload()} what='服务'>
          {(service) => <ServiceDetail service={service} />}
        </PageState>
      )}
    </PageRoot>
  )
}
