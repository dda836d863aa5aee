import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { getStaffService } from '../../../api/staff/content'
import { usePullDownReload } from '../../../api/use-pull-down-reload'
import { PageState } from '../../../components/page-state'
import { SampleTag } from '../../../components/sample-tag'
import { lastEditedLine } from '../../../domain/content'
import type { StaffService } from '../../../domain/service-input'
import { SERVICE_SLUGS } from '../../../domain/services'
import { go } from '../../../navigation'
import { routes } from '../../../routes'
import { StaffPage } from '../components/staff-page'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import './index.scss'

/** The seven service pages are fixed; each is read as staff edit it, with its version and last editor. */
function loadServices(): Promise<StaffService[]> {
  return Promise.all(SERVICE_SLUGS.map((slug) => getStaffService(slug)))
}

export default function StaffServiceListPage() {
  return (
    <StaffPage roles={['editor']} className='staff-services'>
      <ServiceList />
    </StaffPage>
  )
}

function ServiceList() {
  const { state, reload } = useStaffResource(loadServices, [])
  usePullDownReload(reload)

  // Back from the editor: what was just saved shows without a manual refresh.
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void reload()
    shownBefore.current = true
  })

  return (
    <View>
      <Text className='staff-services__hint'>七项服务固定不变，可以修改每项服务页上的介绍、办理方式、联系方式和数字。</Text>
      <PageState state={state} onRetry={() => void reload()} what='服务'>
        {(services) => (
          <View>
            {services.map((service) => (
              <View
                key={service.slug}
                className='staff-service-row'
                hoverClass='staff-service-row--pressed'
                role='link'
                data-service-slug={service.slug}
                onClick={() => void go(routes.staffServiceEdit(service.slug))}
              >
                <View className='staff-service-row__title-line'>
                  <Text className='staff-service-row__name'>{service.name}</Text>
                  {service.sample && <SampleTag note={service.sampleNote} />}
                </View>
                <Text className='staff-service-row__tagline'>{service.tagline}</Text>
                <Text className='staff-service-row__edited'>{lastEditedLine(service)}</Text>
              </View>
            ))}
          </View>
        )}
      </PageState>
    </View>
  )
}
