/**
 * Stations ⇄ rows (nested parts — amenities, hours, photos — are JSON text, read and written whole), and the order
 * stations are listed in.
 */
import type { Generated } from 'kysely'
import type { Amenity, OpeningHours, StaffStation, Station, StationInput, StationSummary, StationType } from '@/domain'
import type { Flag } from '../core/db/database'
import { flag, nullable, optional, sampleFromRow, textOrNull } from '../core/db/row-helpers'

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

declare module '../core/db/database' {
  interface Database {
    stations: StationsTable
    station_scans: StationScansTable
  }
}

type StationRow = Omit<StationsTable, 'version'> & { version: number }

export function stationFromRow(row: StationRow): Station {
  const photos = JSON.parse(row.photos) as string[]
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type as StationType,
    town: row.town,
    address: row.address,
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    amenities: JSON.parse(row.amenities) as Amenity[],
    hours: JSON.parse(row.hours) as OpeningHours,
    ...optional('closedReason', row.closed_reason),
    ...optional('cover', photos[0] ?? null),
    ...sampleFromRow(row),
    photos,
    ...optional('phone', row.phone),
    ...optional('summerOffer', row.summer_offer),
    ...optional('description', row.description)
  }
}

export function stationSummaryOf(station: Station): StationSummary {
  const { photos: _photos, phone: _phone, summerOffer: _summerOffer, description: _description, ...summary } = station
  return summary
}

export function versionedOf(row: StationRow) {
  return { version: row.version, updatedAt: row.updated_at, ...optional('updatedBy', row.updated_by) }
}

export function staffStationFromRow(row: StationRow): StaffStation {
  return { ...stationFromRow(row), ...versionedOf(row) }
}

/** The columns an editor's input sets; id, code, closed_reason and the version columns are the server's. */
export function stationInputColumns(input: StationInput) {
  return {
    name: input.name,
    type: input.type,
    town: input.town,
    address: input.address,
    latitude: input.latitude,
    longitude: input.longitude,
    phone: textOrNull(input.phone),
    amenities: JSON.stringify(input.amenities),
    hours: JSON.stringify(input.hours),
    photos: JSON.stringify(input.photos),
    summer_offer: textOrNull(input.summerOffer),
    description: textOrNull(input.description),
    sample: flag(input.sample),
    // A note on what is sample data means nothing once the station is no longer a sample: it goes with the flag.
    sample_note: input.sample ? textOrNull(input.sampleNote) : null
  }
}

/** A whole station as the seed writes it. */
export function stationToRow(station: Station, at: Date): Omit<StationsTable, 'version'> {
  return {
    id: station.id,
    code: station.code,
    ...stationInputColumns(station),
    sample_note: textOrNull(station.sampleNote),
    closed_reason: nullable(station.closedReason),
    created_at: at.toISOString(),
    updated_at: at.toISOString(),
    updated_by: null
  }
}

// ——— order ———

const collator = new Intl.Collator('zh-Hans-CN')

/**
 * By town, then name (pinyin order, as a Chinese reader expects), then code so equal names keep one order. Sorted
 * here rather than in SQL: SQLite compares bytes and PostgreSQL follows the database's collation, and the two would
 * disagree. Which stations are open is the phone's business (it knows the time and where the worker is).
 */
export function compareStations(a: StationSummary, b: StationSummary): number {
  return collator.compare(a.town, b.town) || collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
}
