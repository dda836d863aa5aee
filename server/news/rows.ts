/**
 * Domain records ⇄ table rows. The only place that knows how a field is stored (UTC text, 0/1, JSON).
 * Optional fields are left out of the domain object when the column is NULL, so the JSON the API sends has no
 * `"cover": null` the types do not allow.
 */
import {
  toUtcIso,
  type Competition,
  type CompetitionSummary,
  type CompetitionStatus,
  type FeaturedItem,
  type NewsArticle,
  type NewsCategory,
  type NewsSummary,
  type Service,
  type ServiceSlug,
  type ServiceSummary,
  type Trade
} from '../../src/domain'
import type { Insertable, Selectable, Updateable } from 'kysely'
import type { CompetitionInput, ServiceInput, Versioned } from '../../src/domain/staff'
import type { CompetitionsTable, FeaturedTable, NewsTable, ServicesTable } from '../core/db/database'
import { newsSearchText } from './search-text'

const flag = (value: boolean): number => (value ? 1 : 0)
const nullable = <T>(value: T | undefined): T | null => (value === undefined ? null : value)

/** Adds `key: value` only when the column holds a value. */
function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V }
}

// ——— news ———

export const NEWS_SUMMARY_COLUMNS = [
  'id',
  'title',
  'category',
  'summary',
  'cover',
  'published_at',
  'pinned',
  'sample',
  'sample_note'
] as const satisfies readonly (keyof NewsTable)[]

export type NewsSummaryRow = Pick<NewsTable, (typeof NEWS_SUMMARY_COLUMNS)[number]>

export function newsToRow(article: NewsArticle): Insertable<NewsTable> {
  return {
    id: article.id,
    title: article.title,
    category: article.category,
    summary: article.summary,
    cover: nullable(article.cover),
    published_at: toUtcIso(article.publishedAt),
    pinned: flag(article.pinned),
    sample: flag(article.sample),
    sample_note: nullable(article.sampleNote),
    blocks: JSON.stringify(article.blocks),
    source: nullable(article.source),
    search_text: newsSearchText(article)
  }
}

export function newsSummaryFromRow(row: NewsSummaryRow): NewsSummary {
  return {
    id: row.id,
    title: row.title,
    category: row.category as NewsCategory,
    summary: row.summary,
    ...optional('cover', row.cover),
    publishedAt: row.published_at,
    pinned: row.pinned === 1,
    sample: row.sample === 1,
    ...optional('sampleNote', row.sample_note)
  }
}

export function newsArticleFromRow(row: NewsSummaryRow & Pick<NewsTable, 'blocks' | 'source'>): NewsArticle {
  return {
    ...newsSummaryFromRow(row),
    blocks: JSON.parse(row.blocks),
    ...optional('source', row.source)
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
    signup_starts_at: toUtcIso(competition.signupStartsAt),
    signup_ends_at: toUtcIso(competition.signupEndsAt),
    event_starts_at: toUtcIso(competition.eventStartsAt),
    event_ends_at: toUtcIso(competition.eventEndsAt),
    venue: competition.venue,
    sample: flag(competition.sample),
    sample_note: nullable(competition.sampleNote),
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
    signupStartsAt: row.signup_starts_at,
    signupEndsAt: row.signup_ends_at,
    eventStartsAt: row.event_starts_at,
    eventEndsAt: row.event_ends_at,
    venue: row.venue,
    status,
    sample: row.sample === 1,
    ...optional('sampleNote', row.sample_note)
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

// ——— services ———

export const SERVICE_SUMMARY_COLUMNS = ['slug', 'name', 'tagline', 'icon', 'sample', 'sample_note'] as const satisfies readonly (keyof ServicesTable)[]

export type ServiceSummaryRow = Pick<ServicesTable, (typeof SERVICE_SUMMARY_COLUMNS)[number]>

export function serviceToRow(service: Service, position: number): Insertable<ServicesTable> {
  return {
    slug: service.slug,
    position,
    name: service.name,
    tagline: service.tagline,
    icon: service.icon,
    sample: flag(service.sample),
    sample_note: nullable(service.sampleNote),
    what: JSON.stringify(service.what),
    who: JSON.stringify(service.who),
    how: JSON.stringify(service.how),
    contacts: JSON.stringify(service.contacts),
    figures: JSON.stringify(service.figures)
  }
}

export function serviceSummaryFromRow(row: ServiceSummaryRow): ServiceSummary {
  return {
    slug: row.slug as ServiceSlug,
    name: row.name,
    tagline: row.tagline,
    icon: row.icon,
    sample: row.sample === 1,
    ...optional('sampleNote', row.sample_note)
  }
}

export function serviceFromRow(row: Selectable<ServicesTable>): Service {
  return {
    ...serviceSummaryFromRow(row),
    what: JSON.parse(row.what),
    who: JSON.parse(row.who),
    how: JSON.parse(row.how),
    contacts: JSON.parse(row.contacts),
    figures: JSON.parse(row.figures)
  }
}

// ——— featured ———

export function featuredToRow(item: FeaturedItem, position: number): FeaturedTable {
  return {
    id: item.id,
    position,
    title: item.title,
    subtitle: nullable(item.subtitle),
    image: nullable(item.image),
    target: JSON.stringify(item.target),
    sample: flag(item.sample),
    sample_note: nullable(item.sampleNote)
  }
}

export function featuredFromRow(row: FeaturedTable): FeaturedItem {
  return {
    id: row.id,
    title: row.title,
    ...optional('subtitle', row.subtitle),
    ...optional('image', row.image),
    target: JSON.parse(row.target),
    sample: row.sample === 1,
    ...optional('sampleNote', row.sample_note)
  }
}

// ——— staff side: versions, and what an editor sends ⇄ rows (server/db/repositories/staff-content.ts) ———

export type VersionColumns = Pick<Selectable<CompetitionsTable>, 'version' | 'updated_at' | 'updated_by'>

export const VERSION_COLUMNS = ['version', 'updated_at', 'updated_by'] as const satisfies readonly (keyof CompetitionsTable & keyof ServicesTable)[]

/** A record never saved by staff has no updated_at: its last change is `unsavedAt` (when the database was seeded). */
export function versionedFromRow(row: VersionColumns, unsavedAt: string): Versioned {
  return {
    version: row.version,
    updatedAt: row.updated_at ?? unsavedAt,
    ...optional('updatedBy', row.updated_by)
  }
}

/** A note on what is sample data means nothing once the record is no longer a sample: it goes with the flag. */
function sampleOf(input: { sample: boolean; sampleNote: string | null }): { sample: boolean; sampleNote?: string } {
  return input.sample && input.sampleNote !== null ? { sample: true, sampleNote: input.sampleNote } : { sample: input.sample }
}

/** The competition an editor's input describes (status aside: it is derived, never stored). */
export function competitionFromInput(id: string, input: CompetitionInput): Omit<Competition, 'status'> {
  return {
    id,
    title: input.title,
    trade: input.trade,
    summary: input.summary,
    ...optional('cover', input.cover),
    signupStartsAt: input.signupStartsAt,
    signupEndsAt: input.signupEndsAt,
    eventStartsAt: input.eventStartsAt,
    eventEndsAt: input.eventEndsAt,
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

/** The columns a save of the service editor sets; slug, icon and display order are fixed. */
export function serviceInputColumns(before: Service, input: ServiceInput): Updateable<ServicesTable> {
  const service: Service = {
    slug: before.slug,
    icon: before.icon,
    name: input.name,
    tagline: input.tagline,
    what: input.what,
    who: input.who,
    how: input.how,
    contacts: input.contacts,
    figures: input.figures,
    ...sampleOf(input)
  }
  const { slug: _slug, position: _position, icon: _icon, ...columns } = serviceToRow(service, 0)
  return columns
}

/** A featured item as an editor sends it, once it has its id. */
export function featuredItemFromInput(id: string, input: Omit<FeaturedItem, 'id'>): FeaturedItem {
  return {
    id,
    title: input.title,
    ...optional('subtitle', input.subtitle ?? null),
    ...optional('image', input.image ?? null),
    target: input.target,
    ...sampleOf({ sample: input.sample, sampleNote: input.sampleNote ?? null })
  }
}
