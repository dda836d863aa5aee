/**
 * News as staff write it: its states, what the editor sends, and the rules over what is sent. "Scheduled" is not
 * stored: it is a published article whose publication time is still to come (workers see it from then), derived
 * here from the dates like a competition's status. No Taro import.
 */
import { LIMITS, sampleProblems, type Versioned } from './content'
import { formatDateTime, isInstant, type IsoDateTime } from './dates'
import { isMediaPath } from './media'
import { NEWS_CATEGORIES, type Block, type NewsArticle, type NewsCategory, type NewsSummary } from './news'
import { checkText, collector, firstItems, type Check, type FieldProblem } from './validation'

export const NEWS_STATUSES = ['draft', 'published', 'withdrawn'] as const
export type NewsStatus = (typeof NEWS_STATUSES)[number]
export const NEWS_STATUS_LABELS: Record<NewsStatus, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤下' }

export interface StaffNewsSummary extends NewsSummary, Versioned {
  status: NewsStatus
}

export interface StaffNewsArticle extends NewsArticle, Versioned {
  status: NewsStatus
}

/** What the news editor sends: the article without id, dates and status (publishing is its own request). */
export interface NewsInput {
  title: string
  category: NewsCategory
  summary: string
  /** A /media/… path from an upload; null removes the cover. */
  cover: string | null
  pinned: boolean
  blocks: Block[]
  sample: boolean
  sampleNote: string | null
}

export interface NewsUpdate extends NewsInput {
  version: number
}

export interface PublishRequest {
  version: number
  /** Publish at this instant (scheduled) instead of now. */
  at?: IsoDateTime
}

export type ShownNewsStatus = NewsStatus | 'scheduled'

export interface NewsStatusShown {
  status: ShownNewsStatus
  /** 「草稿」 / 「已发布」 / 「定时发布 2026年11月25日 09:00」 / 「已撤下」 */
  label: string
}

export function shownNewsStatus(item: { status: NewsStatus; publishedAt: string }, now: number): NewsStatusShown {
  if (item.status === 'published' && Date.parse(item.publishedAt) > now) {
    return { status: 'scheduled', label: `定时发布 ${formatDateTime(item.publishedAt)}` }
  }
  return { status: item.status, label: NEWS_STATUS_LABELS[item.status] }
}

// ——— rules ———

export const BLOCK_LABELS: Record<Block['type'], string> = { heading: '小标题', paragraph: '段落', image: '图片', quote: '引用' }

export function blockProblems(blocks: Block[], check: Check): void {
  check('blocks', '正文至少需要一个段落或图片', blocks.length === 0)
  check('blocks', `正文最多 ${LIMITS.blocks} 块`, blocks.length > LIMITS.blocks)
  firstItems(blocks, LIMITS.blocks).forEach((block, index) => {
    const at = `blocks.${index}`
    const label = `第 ${index + 1} 块（${BLOCK_LABELS[block.type]}）`
    switch (block.type) {
      case 'heading':
        checkText(check, `${at}.text`, `${label}的文字`, block.text, { required: true, max: LIMITS.heading })
        break
      case 'paragraph':
        checkText(check, `${at}.text`, `${label}的文字`, block.text, { required: true, max: LIMITS.paragraph })
        break
      case 'quote':
        checkText(check, `${at}.text`, `${label}的文字`, block.text, { required: true, max: LIMITS.quote })
        if (block.cite !== undefined) checkText(check, `${at}.cite`, `${label}的出处`, block.cite, { max: LIMITS.cite })
        break
      case 'image':
        check(`${at}.src`, `${label}还没有上传图片`, !isMediaPath(block.src))
        if (block.caption !== undefined) checkText(check, `${at}.caption`, `${label}的说明`, block.caption, { max: LIMITS.caption })
        if (block.alt !== undefined) checkText(check, `${at}.alt`, `${label}的替代文字`, block.alt, { max: LIMITS.alt })
        break
    }
  })
}

export function newsInputProblems(input: NewsInput): FieldProblem[] {
  const { problems, check, text } = collector()
  text('title', '标题', input.title, { required: true, max: LIMITS.title })
  check('category', '请选择栏目', !(NEWS_CATEGORIES as readonly string[]).includes(input.category))
  text('summary', '摘要', input.summary, { required: true, max: LIMITS.summary })
  check('cover', '封面图片无效，请重新上传', input.cover !== null && !isMediaPath(input.cover))
  blockProblems(input.blocks, check)
  sampleProblems(input, check)
  return problems
}

export function publishTimeProblem(at: string | undefined): string | undefined {
  if (at === undefined) return undefined
  return isInstant(at) ? undefined : '发布时间格式无效'
}
