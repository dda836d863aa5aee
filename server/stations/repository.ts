/**
 * Service stations: what workers read (the directory, one station by its code, a scan counted), what staff edit
 * (stations, closing and reopening — each through the one versioned write path, core/versioned/write.ts — and the
 * shared settings, ./settings.ts) and the scan counts staff read.
 *
 * Scans are counted with one upsert (`count = count + 1`), so two scans at the same instant both count. The
 * station_scans table has no revision trigger: a scan leaves every cached worker answer as it was.
 */
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import {
  beijingDate,
  SCAN_CHANNELS,
  stationCodeFromBytes,
  type ScanChannel,
  type StaffStation,
  type StaffStationSummary,
  type Station,
  type StationDirectory,
  type StationInput,
  type StationPage,
  type StationScanDay,
  type StationScans
} from '@/domain'
import type { Db } from '../core/db/database'
import { firstVersion, insertUnlessTaken, updateWhereVersion, versionedCreate, versionedWrite } from '../core/versioned/write'
import type { Decision, EditResult, Editor, Executor, VersionedRecord } from '../core/versioned/write'
import { compareStations, stationFromRow, stationInputColumns, stationSummaryOf, staffStationFromRow, versionedOf, type StationsTable } from './rows'
import { createStationSettingsRepository } from './settings'

/** How many Beijing days the staff scan figures cover, today included. */
export const SCAN_DAYS = 30

/** The last `SCAN_DAYS` Beijing days, newest (today) first. */
function recentDays(now: Date): string[] {
  return Array.from({ length: SCAN_DAYS }, (_, back) => beijingDate(now, -back))
}

/** The columns a change sets; id, code and the version columns are the server's. */
type StationChange = Partial<Omit<StationsTable, 'id' | 'code' | 'version' | 'updated_at' | 'updated_by'>>

async function byId(executor: Executor, id: string): Promise<StaffStation | undefined> {
  const row = await executor.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirst()
  return row && staffStationFromRow(row)
}

const stationRecord: VersionedRecord<string, StaffStation, StationChange> = {
  entity: 'station',
  read: byId,
  write: (executor, id, columns, stamp) => updateWhereVersion(executor, 'stations', { column: 'id', value: id }, columns, stamp)
}

export function createStationsRepository(db: Db) {
  const settings = createStationSettingsRepository(db)

  async function rows(executor: Executor = db) {
    return executor.selectFrom('stations').selectAll().execute()
  }

  async function byCode(executor: Executor, code: string): Promise<Station | undefined> {
    const row = await executor.selectFrom('stations').selectAll().where('code', '=', code).executeTakeFirst()
    return row && stationFromRow(row)
  }

  /** Applies one versioned change to a station (core/versioned/write.ts); `decide` gets the stored station. */
  function edit(
    id: string,
    expectedVersion: number,
    editor: Editor,
    now: Date,
    decide: (before: StaffStation) => Decision<StaffStation, StationChange>
  ): Promise<EditResult<StaffStation>> {
    return versionedWrite(db, stationRecord, { key: id, expectedVersion, editor, now, decide })
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
      const [stationRows, calendar] = await Promise.all([rows(), settings.public()])
      const stations = stationRows.map((row) => stationSummaryOf(stationFromRow(row))).sort(compareStations)
      return { stations, ...calendar }
    },

    /** One station by its code (already checked against STATION_CODE_PATTERN), with the calendar; undefined if none. */
    async page(code: string): Promise<StationPage | undefined> {
      const [station, calendar] = await Promise.all([byCode(db, code), settings.public()])
      return station && { station, ...calendar }
    },

    findByCode: (code: string): Promise<Station | undefined> => byCode(db, code),

    /** Counts one scan for today's Beijing date; false when no station has the code (nothing is counted). */
    async countScan(code: string, channel: ScanChannel, now: Date): Promise<boolean> {
      const station = await db.selectFrom('stations').select('id').where('code', '=', code).executeTakeFirst()
      if (!station) return false
      await db
        .insertInto('station_scans')
        .values({ station_id: station.id, day: beijingDate(now), channel, count: 1 })
        .onConflict((conflict) => conflict.columns(['station_id', 'day', 'channel']).doUpdateSet({ count: sql<number>`station_scans.count + 1` }))
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
    create(input: StationInput, editor: Editor, now: Date): Promise<StaffStation> {
      const nowIso = now.toISOString()
      return versionedCreate(db, {
        entity: 'station',
        now,
        editor,
        // Either the id or the code may be taken: no row, and versionedCreate draws both again.
        insert: (trx, id) =>
          insertUnlessTaken(
            trx.insertInto('stations').values({
              id,
              // 31^6 ≈ 887 million codes for a few hundred stations: a clash is rare, a few in a row practically impossible.
              code: newStationCode(),
              ...stationInputColumns(input),
              closed_reason: null,
              created_at: nowIso,
              ...firstVersion(editor, now)
            })
          ),
        read: byId,
        summary: (after) => `新建服务站点「${after.name}」（${after.code}）`
      })
    },

    /** Everything the editor shows; the code and whether it is closed stay as they are. */
    update(id: string, input: StationInput, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffStation>> {
      return edit(id, expectedVersion, editor, now, (before) => ({
        change: stationInputColumns(input),
        action: 'update',
        summary: (after) => (before.sample && !after.sample ? `修改服务站点「${after.name}」：示例信息已换为实际信息` : `修改服务站点「${after.name}」`)
      }))
    },

    close(id: string, reason: string, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffStation>> {
      return edit(id, expectedVersion, editor, now, () => ({
        change: { closed_reason: reason.trim() },
        action: 'close',
        summary: (after) => `暂停开放服务站点「${after.name}」：${reason.trim()}`
      }))
    },

    reopen(id: string, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffStation>> {
      return edit(id, expectedVersion, editor, now, () => ({
        change: { closed_reason: null },
        action: 'reopen',
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

    settings
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
