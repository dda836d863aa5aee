/**
 * The tables as Kysely sees them (core's here; each slice declares its own, see Database below). Written to run unchanged on SQLite and PostgreSQL:
 * - timestamps are TEXT in UTC "Z" form (toUtcIso), so comparing them as text orders them as instants;
 * - booleans are INTEGER 0/1 (SQLite has no boolean type; PostgreSQL would hand back true/false otherwise);
 * - nested structures (article blocks, schedules, contacts...) are JSON in TEXT columns: they are always read and
 *   written whole, never queried inside.
 */
import type { Generated, Kysely } from 'kysely'

/** 0 or 1. */
export type Flag = number

/** Single documents edited as a whole: the plan page and the hotline. */
export interface DocumentsTable {
  key: string
  /** JSON */
  body: string
  updated_at: string
  version: Generated<number>
  /** Display name of the staffer who saved it last; NULL until a staffer has. */
  updated_by: Generated<string | null>
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
  /** scrypt$N$r$p$salt$hash (server/core/auth/passwords.ts) */
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

/**
 * The core's tables. Each domain slice adds its own by interface merging, next to its row mapping:
 *
 *   declare module '../core/db/database' {
 *     interface Database { news: NewsTable }
 *   }
 *
 * so the slice's folder holds everything about its tables, and core never imports a slice.
 */
export interface Database {
  documents: DocumentsTable
  meta: MetaTable
  content_revision: ContentRevisionTable
  staff: StaffTable
  staff_sessions: StaffSessionsTable
  login_failures: LoginFailuresTable
  login_lockouts: LoginLockoutsTable
  audit_log: AuditLogTable
}

export type Db = Kysely<Database>

export const DOCUMENT_KEYS = { plan: 'plan', hotline: 'hotline', stationSettings: 'station_settings' } as const

export type DocumentKey = (typeof DOCUMENT_KEYS)[keyof typeof DOCUMENT_KEYS]
