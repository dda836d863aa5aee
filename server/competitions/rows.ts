/** Competitions ⇄ rows, and the competition an editor's input describes. */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import { toUtcIso, type Competition, type CompetitionInput, type CompetitionStatus, type CompetitionSummary, type Trade } from '@/domain'
import type { Flag } from '../core/db/database'
import { nullable, optional, sampleColumns, sampleFromRow, sampleOf, signupDateColumns, signupDatesFromRow, signupDatesOf } from '../core/db/row-helpers'

export interface CompetitionsTable {
  id: string
  title: string
  trade: string
  summary: string
  cover: string | null
  signup_starts_at: string
  signup_ends_at: string
  event_starts_at: string
  event_ends_at: string
  venue: string
  sample: Flag
  sample_note: string | null
  organizer: string
  quota: number | null
  /** JSON: ScheduleItem[] */
  schedule: string
  /** JSON: string[] */
  rules: string
  /** JSON: AwardTier[] */
  awards: string
  /** JSON: ResultEntry[] */
  results: string
  /** JSON: ContactPoint, or null */
  contact: string | null
  version: Generated<number>
  updated_at: string | null
  updated_by: string | null
}

declare module '../core/db/database' {
  interface Database {
    competitions: CompetitionsTable
  }
}

// ——— competitions ———

export const COMPETITION_SUMMARY_COLUMNS = [
  'id',
  'title',
  'trade',
  'summary',
  'cover',
  'signup_starts_at',
  'signup_ends_at',
  'event_starts_at',
  'event_ends_at',
  'venue',
  'sample',
  'sample_note'
] as const satisfies readonly (keyof CompetitionsTable)[]

export type CompetitionSummaryRow = Pick<CompetitionsTable, (typeof COMPETITION_SUMMARY_COLUMNS)[number]>

export function competitionToRow(competition: Omit<Competition, 'status'>): Insertable<CompetitionsTable> {
  return {
    id: competition.id,
    title: competition.title,
    trade: competition.trade,
    summary: competition.summary,
    cover: nullable(competition.cover),
    ...signupDateColumns(competition),
    venue: competition.venue,
    ...sampleColumns(competition),
    organizer: competition.organizer,
    quota: nullable(competition.quota),
    // Same UTC form as the top-level dates, so a client compares and formats every date of a record alike.
    schedule: JSON.stringify(competition.schedule.map((item) => ({ ...item, at: toUtcIso(item.at) }))),
    rules: JSON.stringify(competition.rules),
    awards: JSON.stringify(competition.awards),
    results: JSON.stringify(competition.results),
    contact: competition.contact ? JSON.stringify(competition.contact) : null
  }
}

/** `status` comes from the caller: it is derived from the dates at request time (competitionStatus), never stored. */
export function competitionSummaryFromRow(row: CompetitionSummaryRow, status: CompetitionStatus): CompetitionSummary {
  return {
    id: row.id,
    title: row.title,
    trade: row.trade as Trade,
    summary: row.summary,
    ...optional('cover', row.cover),
    ...signupDatesFromRow(row),
    venue: row.venue,
    status,
    ...sampleFromRow(row)
  }
}

export function competitionFromRow(row: Selectable<CompetitionsTable>, status: CompetitionStatus): Competition {
  return {
    ...competitionSummaryFromRow(row, status),
    organizer: row.organizer,
    ...optional('quota', row.quota),
    schedule: JSON.parse(row.schedule),
    rules: JSON.parse(row.rules),
    awards: JSON.parse(row.awards),
    results: JSON.parse(row.results),
    ...optional('contact', row.contact === null ? null : JSON.parse(row.contact))
  }
}

/** The competition an editor's input describes (status aside: it is derived, never stored). */
export function competitionFromInput(id: string, input: CompetitionInput): Omit<Competition, 'status'> {
  return {
    id,
    title: input.title,
    trade: input.trade,
    summary: input.summary,
    ...optional('cover', input.cover),
    ...signupDatesOf(input),
    venue: input.venue,
    organizer: input.organizer,
    ...optional('quota', input.quota),
    schedule: input.schedule,
    rules: input.rules,
    awards: input.awards,
    results: input.results,
    ...optional('contact', input.contact),
    ...sampleOf(input)
  }
}

/** The columns a save of the competition editor sets: all but the id, which never changes. */
export function competitionInputColumns(id: string, input: CompetitionInput): Updateable<CompetitionsTable> {
  const { id: _id, ...columns } = competitionToRow(competitionFromInput(id, input))
  return columns
}
