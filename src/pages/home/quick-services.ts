import { SERVICE_BADGES, STATIONS_BADGE, type Badge } from '@/components/service-badge'
import type { ServiceSlug } from '@/domain/services'
import { routes } from '@/routes'

export interface QuickService {
  name: string
  badge: Badge
  url: string
}

const service = (name: string, slug: ServiceSlug): QuickService => ({
  name,
  badge: SERVICE_BADGES[slug],
  url: routes.serviceDetail(slug)
})

/**
 * The eight quick services of 首页, in the order the union lists them. 女职工课堂 / 单身联谊 / 健康讲堂 open their
 * explainer, which lists their kind's activities under it (SERVICE_ACTIVITY_KINDS) with the way into 职工活动.
 */
export const QUICK_SERVICES: QuickService[] = [
  service('法律援助', 'legal-aid'),
  service('医疗互助', 'medical-mutual-aid'),
  service('夏送清凉', 'summer-cooling'),
  service('困难帮扶', 'hardship-help'),
  service('女职工课堂', 'women-classroom'),
  service('单身联谊', 'singles-events'),
  service('健康讲堂', 'health-classes'),
  { name: '服务阵地', badge: STATIONS_BADGE, url: routes.stations() }
]
