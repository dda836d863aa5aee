/**
 * 首页: the featured items, where a tap on one goes, and what the home page loads at once; staff pick the featured
 * items through featured-input.ts. No Taro import.
 */
import type { CompetitionSummary } from './competitions'
import type { SampleFlag } from './content'
import type { NewsSummary } from './news'
import type { PlanFigure } from './plan'
import type { ServiceSlug } from './services'

export type RouteTarget =
  { page: 'newsDetail'; id: string } | { page: 'competitionDetail'; id: string } | { page: 'serviceDetail'; slug: ServiceSlug } | { page: 'plan' }

export interface FeaturedItem extends SampleFlag {
  id: string
  title: string
  subtitle?: string
  image?: string
  /** Where a tap goes, as a typed route target. */
  target: RouteTarget
}

export interface Hotline {
  number: string
  name: string
  description: string
}

export interface HomeData {
  featured: FeaturedItem[]
  news: NewsSummary[]
  competitions: CompetitionSummary[]
  figures: PlanFigure[]
  hotline: Hotline
}
