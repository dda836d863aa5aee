/** Activities ⇄ rows, and the activity an editor's input describes. */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { Activity, ActivityInput, ActivityKind, ActivityStatus, ActivitySummary } from '@/domain'
import type { Flag } from '../core/db/database'
import { flag, nullable, optional, sampleColumns, sampleFromRow, sampleOf, signupDateColumns, signupDatesFromRow, signupDatesOf } from '../core/db/row-helpers'

export interface ActivitiesTable {
  id: string
  kind: string
  title: string
  summary: string
  cover: string | null
  signup_starts_at: string
  signup_ends_at: string
  event_starts_at: string
  event_ends_at: string
  place: string
  station_code: string | null
  capacity: number
  eligibility: string
  women_only: Flag
  review_required: Flag
  /** Set when staff call it off, with the reason; both null otherwise. */
  cancelled_at: string | null
  cancel_reason: string | null
  /** JSON: Block[] */
  blocks: string
  /** JSON: ContactPoint, or null */
  contact: string | null
  sample: Flag
  sample_note: string | null
  version: Generated<number>
  updated_at: string | null
  updated_by: string | null
}

declare module '../core/db/database' {
  interface Database {
    activities: ActivitiesTable
  }
}

export const ACTIVITY_SUMMARY_COLUMNS = [
  'id',
  'kind',
  'title',
  'summary',
  'cover',
  'signup_starts_at',
  'signup_ends_at',
  'event_starts_at',
  'event_ends_at',
  'place',
  'station_code',
  'capacity',
  'women_only',
  'review_required',
  'cancelled_at',
  'cancel_reason',
  'sample',
  'sample_note'
] as const satisfies readonly (keyof ActivitiesTable)[]

export type ActivitySummaryRow = Pick<ActivitiesTable, (typeof ACTIVITY_SUMMARY_COLUMNS)[number]>

/** The columns of an activity; the cancellation is its own change (staff-repository.ts), so it is left out here. */
export function activityToRow(activity: Omit<Activity, 'status' | 'cancelled'>): Insertable<ActivitiesTable> {
  return {
    id: activity.id,
    kind: activity.kind,
    title: activity.title,
    summary: activity.summary,
    cover: nullable(activity.cover),
    ...signupDateColumns(activity),
    place: activity.place,
    station_code: nullable(activity.stationCode),
    capacity: activity.capacity,
    eligibility: activity.eligibility,
    women_only: flag(activity.womenOnly),
    review_required: flag(activity.reviewRequired),
    blocks: JSON.stringify(activity.blocks),
    contact: activity.contact ? JSON.stringify(activity.contact) : null,
    ...sampleColumns(activity)
  }
}

/** `status` comes from the caller: it is derived from the dates at request time (activityStatus), never stored. */
export function activitySummaryFromRow(row: ActivitySummaryRow, status: ActivityStatus): ActivitySummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as ActivityKind,
    summary: row.summary,
    ...optional('cover', row.cover),
    ...signupDatesFromRow(row),
    place: row.place,
    ...optional('stationCode', row.station_code),
    capacity: row.capacity,
    womenOnly: row.women_only === 1,
    reviewRequired: row.review_required === 1,
    ...optional('cancelled', row.cancelled_at === null ? null : { at: row.cancelled_at, reason: row.cancel_reason ?? '' }),
    status,
    ...sampleFromRow(row)
  }
}

export function activityFromRow(row: Selectable<ActivitiesTable>, status: ActivityStatus): Activity {
  return {
    ...activitySummaryFromRow(row, status),
    eligibility: row.eligibility,
    blocks: JSON.parse(row.blocks),
    ...optional('contact', row.contact === null ? null : JSON.parse(row.contact))
  }
}

/** The activity an editor's input describes (status and cancellation aside). */
export function activityFromInput(id: string, input: ActivityInput): Omit<Activity, 'status' | 'cancelled'> {
  return {
    id,
    title: input.title,
    kind: input.kind,
    summary: input.summary,
    ...optional('cover', input.cover),
    ...signupDatesOf(input),
    place: input.place,
    ...optional('stationCode', input.stationCode),
    capacity: input.capacity,
    eligibility: input.eligibility,
    womenOnly: input.womenOnly,
    reviewRequired: input.reviewRequired,
    blocks: input.blocks,
    ...optional('contact', input.contact),
    ...sampleOf(input)
  }
}

/** The columns a save of the activity editor sets: all but the id (never changes) and the cancellation (its own change). */
export function activityInputColumns(id: string, input: ActivityInput): Updateable<ActivitiesTable> {
  const { id: _id, ...columns } = activityToRow(activityFromInput(id, input))
  return columns
}
