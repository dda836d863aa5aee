import { Text, View } from '@tarojs/components'
import { getStaffService } from '@/api/staff/content'
import { usePullDownReload } from '@/api/use-pull-down-reload'
import { useReloadOnReturn } from '@/api/use-reload-on-return'
import { PageState } from '@/components/page-state'
import { lastEditedLine } from '@/domain/content'
import type { StaffService } from '@/domain/service-input'
import { SERVICE_SLUGS } from '@/domain/services'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { StaffPage } from '../components/staff-page'
import { StaffRow } from '../components/staff-row'
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
  useReloadOnReturn(reload)

  return (
    <View>
      <Text className='staff-services__hint'>七项服务固定不变，可以修改每项服务页上的介绍、办理方式、联系方式和数字。</Text>
      <PageState state={state} onRetry={() => void reload()} what='服务'>
        {(services) => (
          <View>
            {services.map((service) => (
              <StaffRow
                key={service.slug}
                title={service.name}
                sample={service.sample ? service : undefined}
                lines={[service.tagline, lastEditedLine(service)]}
                onClick={() => void go(routes.staffServiceEdit(service.slug))}
                data={{ 'data-service-slug': service.slug }}
              />
            ))}
          </View>
        )}
      </PageState>
    </View>
  )
}
