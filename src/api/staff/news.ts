/**
 * The news editor's routes (docs/staff-api.md). Every call goes through staffRequest: the session token in the
 * header, nothing kept on the device, and a failure that rejects with an ApiError the page can show as it is.
 */
import type { VersionOnly } from '@/domain/content'
import type { NewsInput, NewsStatus, NewsUpdate, PublishRequest, StaffNewsArticle, StaffNewsSummary } from '@/domain/news-input'
import type { Page } from '@/domain/paging'
import { staffRequest } from './request'

const articlePath = (id: string) => `/api/staff/news/${encodeURIComponent(id)}`

/** One page (20) of every article whatever its status, the last edited first. */
export function listStaffNews(query: { page?: number; status?: NewsStatus } = {}): Promise<Page<StaffNewsSummary>> {
  return staffRequest<Page<StaffNewsSummary>>('GET', '/api/staff/news', { query: { page: query.page ?? 1, status: query.status } })
}

export function getStaffNews(id: string): Promise<StaffNewsArticle> {
  return staffRequest<StaffNewsArticle>('GET', articlePath(id))
}

/** A new article, saved as a draft: workers see nothing of it until it is published. */
export function createNews(input: NewsInput): Promise<StaffNewsArticle> {
  return staffRequest<StaffNewsArticle>('POST', '/api/staff/news', { body: input })
}

/** Saves the article as it is in the editor; its status and publication time stay as they are. */
export function updateNews(id: string, update: NewsUpdate): Promise<StaffNewsArticle> {
  return staffRequest<StaffNewsArticle>('PUT', articlePath(id), { body: update })
}

/** Publishes now, or at `request.at` (a scheduled publication). */
export function publishNews(id: string, request: PublishRequest): Promise<StaffNewsArticle> {
  return staffRequest<StaffNewsArticle>('POST', `${articlePath(id)}/publish`, { body: request })
}

/** Withdraws a published (or scheduled) article: workers no longer see it. */
export function unpublishNews(id: string, request: VersionOnly): Promise<StaffNewsArticle> {
  return staffRequest<StaffNewsArticle>('POST', `${articlePath(id)}/unpublish`, { body: request })
}
