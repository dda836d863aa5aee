import { QUICK_SERVICES as SERVICES, type Badge } from '@/domain/services'
import { routes } from '@/routes'

export interface QuickService {
  name: string
  badge: Badge
  url: string
}

/** 首页's eight quick services (src/domain/services.ts, which the server's first screen draws too), each with its page. */
export const QUICK_SERVICES: QuickService[] = SERVICES.map(({ name, badge, target }) => ({
  name,
  badge,
  url: target === 'stations' ? routes.stations() : routes.serviceDetail(target)
}))
