/** News (动态) as workers read it; what staff send and the rules over it are in news-input.ts. No Taro import. */
import type { SampleFlag } from './content'
import type { IsoDateTime } from './dates'

export const NEWS_CATEGORIES = ['思想引领', '产改赋能', '关爱暖心', '强基固本', '通知公告'] as const
export type NewsCategory = (typeof NEWS_CATEGORIES)[number]

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
