/**
 * The sample service stations and the station settings (holiday calendar, 夏送清凉 period), written once per
 * database — also into a database first seeded by an earlier release, which seedIfEmpty() no longer touches. Its own
 * marker in `meta` ('stations_seeded_at') records that it ran, so a restart never brings back a station staff
 * deleted or undoes an edit. The marker is written in the same transaction as the rows: of two API instances starting
 * at once on one PostgreSQL database, the second waits for the first's marker, finds it, and writes nothing.
 */
import type { Station, StationSettings } from '@/domain'
import { DOCUMENT_KEYS, type Db } from '../core/db/database'
import { stationToRow } from './rows'
import { seedStationSettings, seedStations } from './seed-data'
import { transaction } from '../core/db/transaction'

export const STATIONS_SEEDED_MARKER = 'stations_seeded_at'

/** Returns true when it wrote the stations, false when this database had them before. */
export async function seedStationsOnce(
  db: Db,
  { stations = seedStations, settings = seedStationSettings, now = new Date() }: { stations?: Station[]; settings?: StationSettings; now?: Date } = {}
): Promise<boolean> {
  return transaction(db, async (trx) => {
    const marker = await trx
      .insertInto('meta')
      .values({ key: STATIONS_SEEDED_MARKER, value: now.toISOString() })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .executeTakeFirst()
    if (Number(marker.numInsertedOrUpdatedRows ?? 0) === 0) return false

    if (stations.length > 0) {
      // A station an operator added by hand before this release keeps its row; the seed never overwrites.
      await trx
        .insertInto('stations')
        .values(stations.map((station) => stationToRow(station, now)))
        .onConflict((conflict) => conflict.doNothing())
        .execute()
    }
    await trx
      .insertInto('documents')
      .values({ key: DOCUMENT_KEYS.stationSettings, body: JSON.stringify(settings), updated_at: now.toISOString() })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .execute()
    return true
  })
}
