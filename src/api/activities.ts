import type { Activity, ActivityKind, ActivitySummary } from '../domain/activities'
import type { Page } from '../domain/paging'
import { get, type Loaded } from './client'

export interface ActivityFilter {
  kind?: ActivityKind
  /** Only those a worker can sign up for now (「可报名」). */
  open?: boolean
}

export function fetchActivities(filter: ActivityFilter, page: number): Promise<Loaded<Page<ActivitySummary>>> {
  return get<Page<ActivitySummary>>('/api/activities', { query: { kind: filter.kind, open: filter.open ? '1' : undefined, page } })
}

export function fetchActivity(id: string): Promise<Loaded<Activity>> {
  return get<Activity>(`/api/activities/${encodeURIComponent(id)}`)
}
