/**
 * How staff see an article's state. "Scheduled" is not stored: it is a published article whose publication time is
 * still to come (workers see it from then), so it is derived here from the dates, like a competition's status.
 * No Taro import.
 */
import { formatDateTime } from './dates'
import { NEWS_STATUS_LABELS, type NewsStatus, type Versioned } from './staff'

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

/** 「王编辑 修改于 2026年11月24日 10:00」; a seeded article that no staffer saved says when it was last changed only. */
export function lastEditedLine(item: Versioned): string {
  return `${item.updatedBy ? `${item.updatedBy} ` : ''}修改于 ${formatDateTime(item.updatedAt)}`
}
