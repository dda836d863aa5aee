/**
 * The 首页推荐 editor's form: the ordered items, each with where a tap takes the worker, and how it becomes what
 * PUT /api/staff/featured takes. No Taro import.
 */
import type { FeaturedItemInput } from '@/api/staff/content'
import { LIMITS } from '@/domain/content'
import { featuredProblems, type StaffFeatured } from '@/domain/featured-input'
import type { FeaturedItem, RouteTarget } from '@/domain/home'
import type { ServiceSlug } from '@/domain/services'
import type { FieldProblem } from '@/domain/validation'

export const MAX_FEATURED = LIMITS.featured

export const TARGET_KINDS = ['newsDetail', 'competitionDetail', 'serviceDetail', 'plan'] as const
export type TargetKind = (typeof TARGET_KINDS)[number]
export const TARGET_LABELS: Record<TargetKind, string> = {
  newsDetail: '一篇动态',
  competitionDetail: '一项竞赛',
  serviceDetail: '一项服务',
  plan: '十四五成绩单页'
}

export interface FeaturedRow {
  /** Absent for an item added in this edit: the server gives it one. */
  id?: string
  title: string
  subtitle: string
  image: string | null
  kind: TargetKind
  /** The chosen target of each kind, kept while the staffer switches kinds. */
  newsId: string
  competitionId: string
  slug: ServiceSlug | ''
  sample: boolean
  sampleNote: string
}

export interface FeaturedForm {
  items: FeaturedRow[]
}

export function emptyRow(): FeaturedRow {
  return { title: '', subtitle: '', image: null, kind: 'newsDetail', newsId: '', competitionId: '', slug: '', sample: false, sampleNote: '' }
}

function rowOf(item: FeaturedItem): FeaturedRow {
  const target = item.target
  return {
    id: item.id,
    title: item.title,
    subtitle: item.subtitle ?? '',
    image: item.image ?? null,
    kind: target.page,
    newsId: target.page === 'newsDetail' ? target.id : '',
    competitionId: target.page === 'competitionDetail' ? target.id : '',
    slug: target.page === 'serviceDetail' ? target.slug : '',
    sample: item.sample,
    sampleNote: item.sampleNote ?? ''
  }
}

export function formOf(record: StaffFeatured | undefined): FeaturedForm {
  return { items: (record?.items ?? []).map(rowOf) }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

export function formOfDraft(draft: unknown, fallback: FeaturedForm): FeaturedForm {
  if (!isObject(draft) || !Array.isArray(draft.items)) return fallback
  return { items: draft.items.filter(isObject).map((row) => ({ ...emptyRow(), ...(row as Partial<FeaturedRow>) })) }
}

function targetOf(row: FeaturedRow): RouteTarget {
  switch (row.kind) {
    case 'newsDetail':
      return { page: 'newsDetail', id: row.newsId }
    case 'competitionDetail':
      return { page: 'competitionDetail', id: row.competitionId }
    case 'serviceDetail':
      // '' (nothing picked) is refused before sending, by targetProblems.
      return { page: 'serviceDetail', slug: row.slug as ServiceSlug }
    case 'plan':
      return { page: 'plan' }
  }
}

export function inputOf(form: FeaturedForm): FeaturedItemInput[] {
  return form.items.map((row) => ({
    ...(row.id ? { id: row.id } : {}),
    title: row.title,
    ...(row.subtitle.trim() ? { subtitle: row.subtitle } : {}),
    ...(row.image ? { image: row.image } : {}),
    target: targetOf(row),
    sample: row.sample,
    ...(row.sample && row.sampleNote.trim() ? { sampleNote: row.sampleNote } : {})
  }))
}

/** A target not picked yet: the server would refuse it as one that does not exist, which says less. */
function targetProblems(items: FeaturedItemInput[]): FieldProblem[] {
  const problems: FieldProblem[] = []
  items.forEach((item, index) => {
    const label = `推荐第 ${index + 1} 项`
    const target = item.target
    if (target.page === 'newsDetail' && !target.id) problems.push({ field: `items.${index}.target.id`, message: `${label}请选择要打开的动态` })
    if (target.page === 'competitionDetail' && !target.id) problems.push({ field: `items.${index}.target.id`, message: `${label}请选择要打开的竞赛` })
    if (target.page === 'serviceDetail' && !target.slug) problems.push({ field: `items.${index}.target.slug`, message: `${label}请选择要打开的服务` })
  })
  return problems
}

/** The shared validator (it does not look at ids, so new items are checked with an empty one), then the targets. */
export function problemsOf(items: FeaturedItemInput[]): FieldProblem[] {
  return [...featuredProblems(items.map((item) => ({ ...item, id: item.id ?? '' }))), ...targetProblems(items)]
}
