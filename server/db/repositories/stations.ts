/**
 * Service stations: what workers read (the directory, one station by its code, a scan counted), what staff edit
 * (stations, closing and reopening, the holiday calendar and 夏送清凉 period) and the scan counts staff read.
 *
 * Every staff change is written in one transaction with its audit record, and names the version the editor loaded:
 * the check is part of the update itself (`… where version = ?`, then the affected rows are counted), as in
 * staff-content.ts, so of two editors only the first save lands on SQLite and PostgreSQL alike.
 *
 * The station settings are a row in `documents` (key 'station_settings', written by the seed); the documents table
 * has no editor column, so the last editor's name is kept in meta under 'station_settings_updated_by'.
 *
 * Scans are counted with one upsert (`count = count + 1`), so two scans at the same instant both count. The
 * station_scans table has no revision trigger: a scan leaves every cached worker answer as it was.
 */
import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { beijingDate } from '../../../src/domain'
import { stationCodeFromBytes } from '../../../src/domain/station-codes'
import {
  SCAN_CHANNELS,
  type Amenity,
  type HolidayDate,
  type OpeningHours,
  type ScanChannel,
  type Station,
  type StationDirectory,
  type StationPage,
  type StationSummary,
  type StationType,
  type SummerCampaign
} from '../../../src/domain/stations'
import type {
  StaffStation,
  StaffStationSettings,
  StaffStationSummary,
  StationInput,
  StationScanDay,
  StationScans,
  StationSettings
} from '../../../src/domain/station-input'
import { recordAudit } from '../../audit'
import { DOCUMENT_KEYS, type Database, type Db, type StationsTable } from '../database'
import { newContentId, versionOf, type EditResult, type Editor } from './staff-content'
import { transaction } from '../transaction'

type Executor = Kysely<Database>

export const STATION_META_KEYS = { settingsUpdatedBy: 'station_settings_updated_by' } as const

/** How many Beijing days the staff scan figures cover, today included. */
export const SCAN_DAYS = 30

const ATTEMPTS = 5

// ——— rows ———

const flag = (value: boolean): number => (value ? 1 : 0)
const nullable = <T>(value: T | undefined): T | null => (value === undefined ? null : value)
/** An optional text left blank is no text: workers would otherwise see an empty 「夏送清凉」 line. */
const textOrNull = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value)
function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V }
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
    sample: row.sample === 1,
    ...optional('sampleNote', row.sample_note),
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

function versionedOf(row: StationRow) {
  return { version: row.version, updatedAt: row.updated_at, ...optional('updatedBy', row.updated_by) }
}

function staffStationFromRow(row: StationRow): StaffStation {
  return { ...stationFromRow(row), ...versionedOf(row) }
}

/** The columns an editor's input sets; id, code, closed_reason and the version columns are the server's. */
function inputColumns(input: StationInput) {
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
    ...inputColumns(station),
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

// ——— days ———

/** The last `SCAN_DAYS` Beijing days, newest (today) first. */
function recentDays(now: Date): string[] {
  return Array.from({ length: SCAN_DAYS }, (_, back) => beijingDate(now, -back))
}

// ——— settings ———

const EMPTY_SETTINGS: StationSettings = { holidays: [], summerCampaign: null }

function settingsBody(settings: StationSettings): string {
  // Stored by date, so every reader gets the calendar in order however it was typed in.
  const holidays = [...settings.holidays]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((holiday): HolidayDate => ({ date: holiday.date, kind: holiday.kind, name: holiday.name }))
  const campaign = settings.summerCampaign
  const summerCampaign: SummerCampaign | null =
    campaign === null ? null : { startsOn: campaign.startsOn, endsOn: campaign.endsOn, sample: campaign.sample }
  return JSON.stringify({ holidays, summerCampaign })
}

async function readSettings(executor: Executor): Promise<StaffStationSettings | undefined> {
  const row = await executor
    .selectFrom('documents')
    .select(['body', 'version', 'updated_at'])
    .where('key', '=', DOCUMENT_KEYS.stationSettings)
    .executeTakeFirst()
  if (!row) return undefined
  const updatedBy = await executor
    .selectFrom('meta')
    .select('value')
    .where('key', '=', STATION_META_KEYS.settingsUpdatedBy)
    .executeTakeFirst()
  const body = JSON.parse(row.body) as StationSettings
  return {
    holidays: body.holidays,
    summerCampaign: body.summerCampaign,
    version: row.version,
    updatedAt: row.updated_at,
    ...(updatedBy === undefined ? {} : { updatedBy: updatedBy.value })
  }
}

async function requireSettings(executor: Executor): Promise<StaffStationSettings> {
  const settings = await readSettings(executor)
  // Written with the seed stations in one transaction (server/db/seed-stations.ts): missing means a broken database.
  if (!settings) throw new Error(`documents 表缺少 ${DOCUMENT_KEYS.stationSettings}`)
  return settings
}

// ——— the repository ———

export function createStationsRepository(db: Db) {
  async function rows(executor: Executor = db) {
    return executor.selectFrom('stations').selectAll().execute()
  }

  async function byId(executor: Executor, id: string): Promise<StaffStation | undefined> {
    const row = await executor.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirst()
    return row && staffStationFromRow(row)
  }

  async function byCode(executor: Executor, code: string): Promise<Station | undefined> {
    const row = await executor.selectFrom('stations').selectAll().where('code', '=', code).executeTakeFirst()
    return row && stationFromRow(row)
  }

  async function publicSettings(): Promise<StationSettings> {
    const settings = await readSettings(db)
    return settings ? { holidays: settings.holidays, summerCampaign: settings.summerCampaign } : EMPTY_SETTINGS
  }

  /**
   * Applies one versioned change to a station and records it, or reports why it did not land. `change` gets the
   * stored station and returns the columns to set and the audit line.
   */
  async function edit(
    id: string,
    expectedVersion: number,
    editor: Editor,
    now: Date,
    action: string,
    change: (before: StaffStation) => { columns: Partial<Omit<StationsTable, 'id' | 'code' | 'version'>>; summary: (after: StaffStation) => string }
  ): Promise<EditResult<StaffStation>> {
    return transaction(db, async (trx): Promise<EditResult<StaffStation>> => {
      const before = await byId(trx, id)
      if (!before) return { status: 'not-found' }
      if (before.version !== expectedVersion) return { status: 'conflict', current: versionOf(before) }
      const { columns, summary } = change(before)
      const result = await trx
        .updateTable('stations')
        .set({ ...columns, version: expectedVersion + 1, updated_at: now.toISOString(), updated_by: editor.displayName })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) {
        // Another save landed between the read above and this update: the stored station is the one to report.
        const current = await byId(trx, id)
        return current ? { status: 'conflict', current: versionOf(current) } : { status: 'not-found' }
      }
      const after = (await byId(trx, id))!
      await recordAudit(trx, { staff: editor, action, entity: 'station', entityId: id, summary: summary(after), before, after, at: now })
      return { status: 'ok', value: after }
    })
  }

  /** Scans per station over the last SCAN_DAYS Beijing days. */
  async function recentScanTotals(now: Date): Promise<Map<string, number>> {
    const days = recentDays(now)
    const totals = await db
      .selectFrom('station_scans')
      .select(['station_id', sql<string | number>`sum(count)`.as('total')])
      .where('day', '>=', days[days.length - 1])
      .where('day', '<=', days[0])
      .groupBy('station_id')
      .execute()
    return new Map(totals.map((row) => [row.station_id, Number(row.total)]))
  }

  return {
    // ——— workers ———

    /** Every station, closed ones too (with their reason), the holiday calendar and the 夏送清凉 period. */
    async directory(): Promise<StationDirectory> {
      const [stationRows, settings] = await Promise.all([rows(), publicSettings()])
      const stations = stationRows.map((row) => stationSummaryOf(stationFromRow(row))).sort(compareStations)
      return { stations, ...settings }
    },

    /** One station by its code (already checked against STATION_CODE_PATTERN), with the calendar; undefined if none. */
    async page(code: string): Promise<StationPage | undefined> {
      const [station, settings] = await Promise.all([byCode(db, code), publicSettings()])
      return station && { station, ...settings }
    },

    findByCode: (code: string): Promise<Station | undefined> => byCode(db, code),

    /** Counts one scan for today's Beijing date; false when no station has the code (nothing is counted). */
    async countScan(code: string, channel: ScanChannel, now: Date): Promise<boolean> {
      const station = await db.selectFrom('stations').select('id').where('code', '=', code).executeTakeFirst()
      if (!station) return false
      await db
        .insertInto('station_scans')
        .values({ station_id: station.id, day: beijingDate(now), channel, count: 1 })
        .onConflict((conflict) =>
          conflict.columns(['station_id', 'day', 'channel']).doUpdateSet({ count: sql<number>`station_scans.count + 1` })
        )
        .execute()
      return true
    },

    // ——— staff ———

    /** Every station, closed and sample ones included, in the directory's order, with its scans of the last 30 days. */
    async listAll(now: Date = new Date()): Promise<StaffStationSummary[]> {
      const [stationRows, totals] = await Promise.all([rows(), recentScanTotals(now)])
      return stationRows
        .map((row) => ({ ...stationSummaryOf(stationFromRow(row)), ...versionedOf(row), scans30d: totals.get(row.id) ?? 0 }))
        .sort(compareStations)
    },

    findById: (id: string): Promise<StaffStation | undefined> => byId(db, id),

    /** A new station, open, with a fresh id and a fresh random code (never reused, never changed). */
    async create(input: StationInput, editor: Editor, now: Date): Promise<StaffStation> {
      const nowIso = now.toISOString()
      for (let attempt = 1; ; attempt++) {
        const id = newContentId(now)
        const code = newStationCode()
        const created = await transaction(db, async (trx) => {
          const inserted = await trx
            .insertInto('stations')
            .values({
              id,
              code,
              ...inputColumns(input),
              closed_reason: null,
              created_at: nowIso,
              version: 1,
              updated_at: nowIso,
              updated_by: editor.displayName
            })
            // Either the id or the code may be taken: no row, and the loop draws both again.
            .onConflict((conflict) => conflict.doNothing())
            .executeTakeFirst()
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return undefined
          const after = (await byId(trx, id))!
          await recordAudit(trx, {
            staff: editor,
            action: 'create',
            entity: 'station',
            entityId: id,
            summary: `新建服务站点「${after.name}」（${after.code}）`,
            before: null,
            after,
            at: now
          })
          return after
        })
        if (created) return created
        // 31^6 ≈ 887 million codes for a few hundred stations: a clash is rare, a few in a row practically impossible.
        if (attempt >= ATTEMPTS) throw new Error('could not find a free station id and code')
      }
    },

    /** Everything the editor shows; the code and whether it is closed stay as they are. */
    update(id: string, input: StationInput, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffStation>> {
      return edit(id, expectedVersion, editor, now, 'update', (before) => ({
        columns: inputColumns(input),
        summary: (after) =>
          before.sample && !after.sample ? `修改服务站点「${after.name}」：示例信息已换为实际信息` : `修改服务站点「${after.name}」`
      }))
    },

    close(id: string, reason: string, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffStation>> {
      return edit(id, expectedVersion, editor, now, 'close', () => ({
        columns: { closed_reason: reason.trim() },
        summary: (after) => `暂停开放服务站点「${after.name}」：${reason.trim()}`
      }))
    },

    reopen(id: string, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffStation>> {
      return edit(id, expectedVersion, editor, now, 'reopen', () => ({
        columns: { closed_reason: null },
        summary: (after) => `恢复开放服务站点「${after.name}」`
      }))
    },

    /** The last SCAN_DAYS Beijing days, newest first, zeros for days without scans; undefined for an unknown id. */
    async scans(id: string, now: Date): Promise<StationScans | undefined> {
      const station = await db.selectFrom('stations').select('id').where('id', '=', id).executeTakeFirst()
      if (!station) return undefined
      const days = recentDays(now)
      const counted = await db
        .selectFrom('station_scans')
        .select(['day', 'channel', 'count'])
        .where('station_id', '=', id)
        .where('day', '>=', days[days.length - 1])
        .where('day', '<=', days[0])
        .execute()
      const byDay = new Map<string, StationScanDay>(days.map((date) => [date, { date, wxacode: 0, wechatLink: 0, browser: 0 }]))
      const field: Record<ScanChannel, 'wxacode' | 'wechatLink' | 'browser'> = {
        wxacode: 'wxacode',
        'wechat-link': 'wechatLink',
        browser: 'browser'
      }
      let total = 0
      for (const row of counted) {
        const day = byDay.get(row.day)
        if (!day || !(SCAN_CHANNELS as readonly string[]).includes(row.channel)) continue
        day[field[row.channel as ScanChannel]] += Number(row.count)
        total += Number(row.count)
      }
      return { total, days: days.map((date) => byDay.get(date)!) }
    },

    settings: {
      get: () => requireSettings(db),

      async update(settings: StationSettings, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffStationSettings>> {
        return transaction(db, async (trx): Promise<EditResult<StaffStationSettings>> => {
          const before = await requireSettings(trx)
          if (before.version !== expectedVersion) return { status: 'conflict', current: versionOf(before) }
          const result = await trx
            .updateTable('documents')
            .set({ body: settingsBody(settings), version: expectedVersion + 1, updated_at: now.toISOString() })
            .where('key', '=', DOCUMENT_KEYS.stationSettings)
            .where('version', '=', expectedVersion)
            .executeTakeFirst()
          if (Number(result.numUpdatedRows) === 0) return { status: 'conflict', current: versionOf(await requireSettings(trx)) }
          await trx
            .insertInto('meta')
            .values({ key: STATION_META_KEYS.settingsUpdatedBy, value: editor.displayName })
            .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: editor.displayName }))
            .execute()
          const after = await requireSettings(trx)
          const campaign = after.summerCampaign
          await recordAudit(trx, {
            staff: editor,
            action: 'update',
            entity: 'station-settings',
            entityId: DOCUMENT_KEYS.stationSettings,
            summary: `修改服务站点设置：节假日 ${after.holidays.length} 天，${
              campaign ? `夏送清凉 ${campaign.startsOn} 至 ${campaign.endsOn}` : '未设夏送清凉时段'
            }`,
            before,
            after,
            at: now
          })
          return { status: 'ok', value: after }
        })
      }
    }
  }
}

/** A random code from the unambiguous alphabet (crypto bytes, rejection-sampled: every code equally likely). */
export function newStationCode(): string {
  for (;;) {
    const code = stationCodeFromBytes(randomBytes(16))
    if (code !== undefined) return code
  }
}

export type StationsRepository = ReturnType<typeof createStationsRepository>
