/**
 * Row helpers every slice's row mapping shares: how a boolean, an absent value and a version are stored.
 * Optional fields are left out of the domain object when the column is NULL, so the JSON the API sends has no
 * `"cover": null` the types do not allow.
 */
import { toUtcIso, type SignupDates, type Versioned } from '@/domain'

export const flag = (value: boolean): number => (value ? 1 : 0)
export const nullable = <T>(value: T | undefined): T | null => (value === undefined ? null : value)

/** An optional text left blank is no text: workers would otherwise see an empty line. */
export const textOrNull = (value: string | undefined | null): string | null => (value === undefined || value === null || value.trim() === '' ? null : value)

/** Adds `key: value` only when the column holds a value. */
export function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V }
}

/** The version columns every editable row carries (core/versioned/write.ts). */
export interface VersionColumns {
  version: number
  updated_at: string | null
  updated_by: string | null
}

export const VERSION_COLUMNS = ['version', 'updated_at', 'updated_by'] as const

/** A record never saved by staff may have no updated_at: its last change is then `unsavedAt` (e.g. when seeded). */
export function versionedFromRow(row: VersionColumns, unsavedAt: string): Versioned {
  return {
    version: row.version,
    updatedAt: row.updated_at ?? unsavedAt,
    ...optional('updatedBy', row.updated_by)
  }
}

/** The sample flag and its note as every content table stores them (sample 0/1, sample_note). */
export const sampleColumns = (record: { sample: boolean; sampleNote?: string }) => ({ sample: flag(record.sample), sample_note: nullable(record.sampleNote) })

/** The sample flag and its note of a record, from its row: the note only where there is one. */
export const sampleFromRow = (row: { sample: number; sample_note: string | null }) => ({ sample: row.sample === 1, ...optional('sampleNote', row.sample_note) })

/** A note on what is sample data means nothing once the record is no longer a sample: it goes with the flag. */
export function sampleOf(input: { sample: boolean; sampleNote: string | null }): { sample: boolean; sampleNote?: string } {
  return input.sample && input.sampleNote !== null ? { sample: true, sampleNote: input.sampleNote } : { sample: input.sample }
}

/** The sign-up window and the event's own dates as a table of dated events stores them (competitions, activities). */
export interface SignupDateColumns {
  signup_starts_at: string
  signup_ends_at: string
  event_starts_at: string
  event_ends_at: string
}

/** The dates the status functions read, from a row. */
export function signupDatesFromRow(row: SignupDateColumns): SignupDates {
  return {
    signupStartsAt: row.signup_starts_at,
    signupEndsAt: row.signup_ends_at,
    eventStartsAt: row.event_starts_at,
    eventEndsAt: row.event_ends_at
  }
}

/** A record's dates as stored: UTC text of one fixed length, so text comparison is time order. */
export function signupDateColumns(record: SignupDates): SignupDateColumns {
  return {
    signup_starts_at: toUtcIso(record.signupStartsAt),
    signup_ends_at: toUtcIso(record.signupEndsAt),
    event_starts_at: toUtcIso(record.eventStartsAt),
    event_ends_at: toUtcIso(record.eventEndsAt)
  }
}

/** Just the four dates of a record or an editor's input. */
export function signupDatesOf(record: SignupDates): SignupDates {
  return {
    signupStartsAt: record.signupStartsAt,
    signupEndsAt: record.signupEndsAt,
    eventStartsAt: record.eventStartsAt,
    eventEndsAt: record.eventEndsAt
  }
}
