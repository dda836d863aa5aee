/**
 * The tables as Kysely sees them. Written to run unchanged on SQLite and PostgreSQL:
 * - timestamps are TEXT in UTC "Z" form (toUtcIso), so comparing them as text orders them as instants;
 * - booleans are INTEGER 0/1 (SQLite has no boolean type; PostgreSQL would hand back true/false otherwise);
 * - nested structures (article blocks, schedules, contacts...) are JSON in TEXT columns: they are always read and
 *   written whole, never queried inside.
 */
import type { Kysely } from 'kysely'

/** 0 or 1. */
export type Flag = number

export interface NewsTable {
  id: string
  title: string
  category: string
  summary: string
  cover: string | null
  published_at: string
  pinned: Flag
  sample: Flag
  sample_note: string | null
  /** JSON: Block[] */
  blocks: string
  source: string | null
  /** Title, summary and body text, normalised for keyword search (see server/db/search-text.ts). */
  search_text: string
}

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
}

export interface ServicesTable {
  slug: string
  /** Display order (the index in SERVICE_SLUGS). */
  position: number
  name: string
  tagline: string
  icon: string
  sample: Flag
  sample_note: string | null
  /** JSON: string[] */
  what: string
  /** JSON: string[] */
  who: string
  /** JSON: string[] */
  how: string
  /** JSON: ContactPoint[] */
  contacts: string
  /** JSON: ServiceFigure[] */
  figures: string
}

export interface FeaturedTable {
  id: string
  position: number
  title: string
  subtitle: string | null
  image: string | null
  /** JSON: RouteTarget */
  target: string
  sample: Flag
  sample_note: string | null
}

/** Single documents edited as a whole: the plan page and the hotline. */
export interface DocumentsTable {
  key: string
  /** JSON */
  body: string
  updated_at: string
}

/** Facts about the database itself, e.g. when it was seeded. */
export interface MetaTable {
  key: string
  value: string
}

/** One row, moved forward by database triggers on any content change (migration 0002). */
export interface ContentRevisionTable {
  id: number
  revision: number
}

export interface Database {
  news: NewsTable
  competitions: CompetitionsTable
  services: ServicesTable
  featured: FeaturedTable
  documents: DocumentsTable
  meta: MetaTable
  content_revision: ContentRevisionTable
}

export type Db = Kysely<Database>

export const DOCUMENT_KEYS = { plan: 'plan', hotline: 'hotline' } as const
