/**
 * The union's services (法律援助, 医疗互助, 夏送清凉 …) as workers read them; what staff send and the rules over it
 * are in service-input.ts. No Taro import.
 */
import type { ContactPoint, SampleFlag } from './content'

export const SERVICE_SLUGS = [
  'legal-aid',
  'medical-mutual-aid',
  'summer-cooling',
  'hardship-help',
  'women-classroom',
  'singles-events',
  'health-classes'
] as const
export type ServiceSlug = (typeof SERVICE_SLUGS)[number]

export interface ServiceFigure {
  value: string
  unit: string
  label: string
}

export interface ServiceSummary extends SampleFlag {
  slug: ServiceSlug
  name: string
  tagline: string
  icon: string
}

export interface Service extends ServiceSummary {
  /** 是什么 */
  what: string[]
  /** 谁可以用 */
  who: string[]
  /** 怎么办 */
  how: string[]
  /** 找谁 */
  contacts: ContactPoint[]
  figures: ServiceFigure[]
}

export interface Badge {
  /** One Chinese character on a coloured disc: drawn from text, so no image or icon font to download. */
  character: string
  color: string
}

/** The one table of service badges: 首页's quick services and the 服务 pages draw the same ones. */
export const SERVICE_BADGES: Record<ServiceSlug, Badge> = {
  'legal-aid': { character: '法', color: '#C8161D' },
  'medical-mutual-aid': { character: '医', color: '#1F5FA8' },
  'summer-cooling': { character: '凉', color: '#0E8A8A' },
  'hardship-help': { character: '帮', color: '#B26A00' },
  'women-classroom': { character: '女', color: '#C2407A' },
  'singles-events': { character: '谊', color: '#7A4FB5' },
  'health-classes': { character: '健', color: '#2E7D32' }
}

export const STATIONS_BADGE: Badge = { character: '站', color: '#8A5A2B' }

export const FALLBACK_BADGE_COLOR = '#6B6461'

export interface QuickServiceItem {
  name: string
  badge: Badge
  /** A service's explainer, or the station directory. */
  target: ServiceSlug | 'stations'
}

const quick = (name: string, slug: ServiceSlug): QuickServiceItem => ({ name, badge: SERVICE_BADGES[slug], target: slug })

/**
 * The eight quick services of 首页, in the order the union lists them. 女职工课堂 / 单身联谊 / 健康讲堂 open their
 * explainer, which lists their kind's activities under it (SERVICE_ACTIVITY_KINDS) with the way into 职工活动.
 */
export const QUICK_SERVICES: QuickServiceItem[] = [
  quick('法律援助', 'legal-aid'),
  quick('医疗互助', 'medical-mutual-aid'),
  quick('夏送清凉', 'summer-cooling'),
  quick('困难帮扶', 'hardship-help'),
  quick('女职工课堂', 'women-classroom'),
  quick('单身联谊', 'singles-events'),
  quick('健康讲堂', 'health-classes'),
  { name: '服务阵地', badge: STATIONS_BADGE, target: 'stations' }
]
