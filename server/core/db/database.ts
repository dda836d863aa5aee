/**
 * The tables as Kysely sees them. Written to run unchanged on SQLite and PostgreSQL:
 * - timestamps are TEXT in UTC "Z" form (toUtcIso), so comparing them as text orders them as instants;
 * - booleans are INTEGER 0/1 (SQLite has no boolean type; PostgreSQL would hand back true/false otherwise);
 * - nested structures (article blocks, schedules, contacts...) are JSON in TEXT columns: they are always read and
 *   written whole, never queried inside.
 */
import type { Generated, Kysely } from 'kysely'

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
  /** 'draft' | 'published' | 'withdrawn' (NewsStatus); workers see published rows whose published_at has come. */
  status: Generated<string>
  version: Generated<number>
  updated_at: string | null
  /** Display name of the staffer who saved it last. */
  updated_by: string | null
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
  version: Generated<number>
  updated_at: string | null
  updated_by: string | null
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
  version: Generated<number>
  updated_at: string | null
  updated_by: string | null
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
  version: Generated<number>
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

export interface StaffTable {
  id: string
  /** Login name, lower case (normaliseStaffName). */
  name: string
  display_name: string
  /** JSON: StaffRole[] */
  roles: string
  /** scrypt$N$r$p$salt$hash (server/auth/passwords.ts) */
  password_hash: string
  disabled: Flag
  created_at: string
  updated_at: string
  last_login_at: string | null
}

export interface StaffSessionsTable {
  /** SHA-256 of the token, hex: a stolen database copy holds no usable token. */
  token_hash: string
  staff_id: string
  created_at: string
  last_used_at: string
  /** created_at + 12 h: the absolute end. */
  expires_at: string
}

export interface LoginFailuresTable {
  id: string
  /** "account:<name>" or "address:<ip>" */
  key: string
  at: string
}

export interface LoginLockoutsTable {
  key: string
  until: string
}

export interface AuditLogTable {
  id: string
  at: string
  staff_id: string
  staff_name: string
  action: string
  entity: string
  entity_id: string
  summary: string
  /** JSON, or null for a creation */
  before: string | null
  /** JSON, or null for a deletion */
  after: string | null
}

export interface MediaTable {
  id: string
  src: string
  width: number
  height: number
  original_bytes: number
  /** JSON: MediaAsset['variants'] */
  variants: string
  created_at: string
  created_by: string
}

export interface StationsTable {
  id: string
  /** STATION_CODE_PATTERN; printed on posters, never changes. */
  code: string
  name: string
  /** StationType */
  type: string
  town: string
  address: string
  /** GCJ-02 */
  latitude: number
  longitude: number
  phone: string | null
  /** JSON: Amenity[] */
  amenities: string
  /** JSON: OpeningHours */
  hours: string
  /** JSON: string[] (uploaded image srcs, first = cover) */
  photos: string
  summer_offer: string | null
  description: string | null
  /** NULL while open; the reason workers read while staff have closed it. */
  closed_reason: string | null
  sample: Flag
  sample_note: string | null
  created_at: string
  version: Generated<number>
  updated_at: string
  /** Display name of the staffer who saved it last; NULL for a seeded station nobody has saved. */
  updated_by: string | null
}

/** QR scans: a count per station, Beijing day (YYYY-MM-DD) and channel (ScanChannel); nothing about who scanned. */
export interface StationScansTable {
  station_id: string
  day: string
  channel: string
  count: number
}

export interface Database {
  news: NewsTable
  competitions: CompetitionsTable
  services: ServicesTable
  featured: FeaturedTable
  documents: DocumentsTable
  meta: MetaTable
  content_revision: ContentRevisionTable
  staff: StaffTable
  staff_sessions: StaffSessionsTable
  login_failures: LoginFailuresTable
  login_lockouts: LoginLockoutsTable
  audit_log: AuditLogTable
  media: MediaTable
  stations: StationsTable
  station_scans: StationScansTable
}

export type Db = Kysely<Database>

export const DOCUMENT_KEYS = { plan: 'plan', hotline: 'hotline', stationSettings: 'station_settings' } as const
