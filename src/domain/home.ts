/** 首页: the featured items staff pick, where a tap on one goes, and what the home page loads at once. No Taro import. */
import { LIMITS, type SampleFlag, type Versioned } from './content'
import type { CompetitionSummary } from './competitions'
import { isMediaPath } from './media'
import type { NewsSummary } from './news'
import type { PlanFigure } from './plan'
import type { ServiceSlug } from './services'
import { collector, firstItems, type FieldProblem } from './validation'

export type RouteTarget =
  | { page: 'newsDetail'; id: string }
  | { page: 'competitionDetail'; id: string }
  | { page: 'serviceDetail'; slug: ServiceSlug }
  | { page: 'plan' }

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

export interface StaffFeatured extends Versioned {
  items: FeaturedItem[]
}
export interface FeaturedUpdate {
  items: FeaturedItem[]
  version: number
}

export function featuredProblems(items: FeaturedItem[]): FieldProblem[] {
  const { problems, check, text } = collector()
  check('items', `首页推荐最多 ${LIMITS.featured} 项`, items.length > LIMITS.featured)
  firstItems(items, LIMITS.featured).forEach((item, index) => {
    const [at, label] = [`items.${index}`, `推荐第 ${index + 1} 项`]
    text(`${at}.title`, `${label}的标题`, item.title, { required: true, max: LIMITS.title })
    if (item.subtitle !== undefined) text(`${at}.subtitle`, `${label}的副标题`, item.subtitle, { max: LIMITS.title })
    check(`${at}.image`, `${label}的图片无效，请重新上传`, item.image !== undefined && !isMediaPath(item.image))
    if (item.sampleNote !== undefined) text(`${at}.sampleNote`, `${label}的示例说明`, item.sampleNote, { max: LIMITS.sampleNote })
  })
  return problems
}
