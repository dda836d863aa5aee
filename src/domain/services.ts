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
