import type { ServiceSlug } from '../../domain/types'
import { routes } from '../../routes'

export interface QuickService {
  name: string
  /** One character drawn in a coloured round badge: no icon font or image to download. */
  glyph: string
  color: string
  url: string
}

const service = (name: string, glyph: string, color: string, slug: ServiceSlug): QuickService => ({
  name,
  glyph,
  color,
  url: routes.serviceDetail(slug)
})

/** The eight quick services of 首页, in the order the union lists them. */
export const QUICK_SERVICES: QuickService[] = [
  service('法律援助', '法', '#C8161D', 'legal-aid'),
  service('医疗互助', '医', '#1F5FA8', 'medical-mutual-aid'),
  service('夏送清凉', '凉', '#0E8A8A', 'summer-cooling'),
  service('困难帮扶', '帮', '#B26A00', 'hardship-help'),
  service('女职工课堂', '女', '#C2407A', 'women-classroom'),
  service('单身联谊', '谊', '#7A4FB5', 'singles-events'),
  service('健康讲堂', '健', '#2E7D32', 'health-classes'),
  { name: '服务阵地', glyph: '站', color: '#8A5A2B', url: routes.stations() }
]
