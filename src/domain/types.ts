/**
 * The one content model. The app renders these, the API serves these, the seed is written in these.
 * No Taro import here: the server compiles this file too.
 */

/** ISO-8601 instant with offset, e.g. "2026-12-01T09:00:00+08:00". Compared as instants, never as text. */
export type IsoDateTime = string

export const NEWS_CATEGORIES = ['思想引领', '产改赋能', '关爱暖心', '强基固本', '通知公告'] as const
export type NewsCategory = (typeof NEWS_CATEGORIES)[number]

export const TRADES = ['养蜂', '家政', '电工', '叉车', '餐饮', '院前急救'] as const
export type Trade = (typeof TRADES)[number]

/** Marks records (or parts of them) the article does not give: shown with a visible 「示例」 tag. */
export interface SampleFlag {
  sample: boolean
  /** What in this record is sample data, in Chinese, e.g. 「发布日期为示例」. Shown on detail pages. */
  sampleNote?: string
}

/** Structured article body. Never raw HTML. */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'image'; src: string; caption?: string; alt?: string }
  | { type: 'quote'; text: string; cite?: string }

export interface NewsSummary extends SampleFlag {
  id: string
  title: string
  category: NewsCategory
  summary: string
  cover?: string
  publishedAt: IsoDateTime
  pinned: boolean
}

export interface NewsArticle extends NewsSummary {
  blocks: Block[]
  source?: string
}

export const COMPETITION_STATUSES = ['upcoming', 'signup', 'ongoing', 'ended'] as const
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number]

export interface ScheduleItem {
  at: IsoDateTime
  title: string
}

export interface AwardTier {
  /** e.g. 「密云工匠」 or 「密云能手」 */
  title: string
  description: string
}

export interface ResultEntry {
  rank: string
  name: string
  unit?: string
  award?: string
}

export interface CompetitionSummary extends SampleFlag {
  id: string
  title: string
  trade: Trade
  summary: string
  cover?: string
  signupStartsAt: IsoDateTime
  signupEndsAt: IsoDateTime
  eventStartsAt: IsoDateTime
  eventEndsAt: IsoDateTime
  venue: string
  /** Derived from the dates by competitionStatus(); never stored. */
  status: CompetitionStatus
}

export interface Competition extends CompetitionSummary {
  organizer: string
  quota?: number
  schedule: ScheduleItem[]
  rules: string[]
  awards: AwardTier[]
  results: ResultEntry[]
  contact?: ContactPoint
}

export interface ContactPoint {
  name: string
  /** Absent when the contact is a place to go (e.g. 「所在单位工会」) rather than a number to call. */
  phone?: string
  hours?: string
}

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

/** One figure of the 十四五 record. value is the number as printed in the article (text, so 「近3500」 stays exact). */
export interface PlanFigure {
  key: string
  label: string
  /** Numeric part used to draw bars; the article's own wording is in display. */
  amount: number
  prefix?: string
  suffix?: string
  unit: string
  display: string
  icon: string
  group: string
}

export interface PlanSection {
  title: string
  lead: string
  points: string[]
}

export interface Plan {
  title: string
  subtitle: string
  summary: string
  figures: PlanFigure[]
  achievements: PlanSection[]
  tasks: PlanSection[]
  quote: { text: string; cite: string }
  source: string
}

export interface FeaturedItem extends SampleFlag {
  id: string
  title: string
  subtitle?: string
  image?: string
  /** Where a tap goes, as a typed route target. */
  target: RouteTarget
}

export type RouteTarget =
  | { page: 'newsDetail'; id: string }
  | { page: 'competitionDetail'; id: string }
  | { page: 'serviceDetail'; slug: ServiceSlug }
  | { page: 'plan' }

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

export interface Page<T> {
  items: T[]
  page: number
  pageSize: number
  total: number
  hasMore: boolean
}

export interface ApiErrorBody {
  error: { code: string; message: string }
}
