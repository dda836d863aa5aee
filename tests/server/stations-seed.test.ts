/**
 * The sample stations: written once — also into a database an earlier release seeded before the stations existed —
 * and never brought back after staff change them. On SQLite and PostgreSQL.
 */
import { Migrator } from 'kysely'
import type { StationDirectory } from '@/domain/stations'
import { loadConfig } from '@server/core/config'
import { createDb, dialectOf } from '@server/core/db/create-db'
import * as contentMigration from '@server/core/db/migrations/0001-content'
import { contentRevisionMigration } from '@server/core/db/migrations/0002-content-revision'
import * as staffMigration from '@server/core/db/migrations/0003-staff'
import { SEEDED_MARKER, seedIfEmpty } from '@server/seed'
import { STATIONS_SEEDED_MARKER } from '@server/stations/seed'
import { seedStationSettings, seedStations } from '@server/stations/seed-data'
import { testDatabases, useTestDatabase } from './support/databases'
import { inputOf } from './support/station-inputs'
import { staffSession } from './support/staff'
import { FIXED_NOW, buildTestApp, getJson, makeTempDir, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const databases = testDatabases('miyun_stations_seed')

/** An earlier release's schema: the migrations before the stations existed. */
const MIGRATIONS_BEFORE_STATIONS = (dialect: 'sqlite' | 'postgres') => ({
  '0001-content': contentMigration,
  '0002-content-revision': contentRevisionMigration(dialect),
  '0003-staff': staffMigration
})

describe.each(databases)('the sample stations on $name', ({ setUp }) => {
  const database = useTestDatabase(setUp)
  const dataDir = makeTempDir('miyun-stations-seed-')

  const start = (now: Date) => buildTestApp({ dataDir, env: database.env, now: () => now })

  it('arrive once in a database an earlier release seeded, and stay as staff left them after a restart', async () => {
    // The earlier release: its tables, its seed, no stations.
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...database.env })
    const db = createDb(config)
    const migrated = await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS_BEFORE_STATIONS(dialectOf(config)) } }).migrateToLatest()
    expect(migrated.error).toBeUndefined()
    expect(await seedIfEmpty(db, { now: new Date('2026-10-01T09:00:00+08:00') })).toBe(true)
    await db.destroy()

    // This release starts on it.
    const first = start(FIXED_NOW)
    await first.ready()
    const directory = await getJson<StationDirectory>(first, '/api/stations')
    expect(directory.body.stations.map((station) => station.id).sort()).toEqual(seedStations.map((station) => station.id).sort())
    expect(directory.body.holidays).toEqual(seedStationSettings.holidays)
    const markers = await first.db.selectFrom('meta').selectAll().where('key', 'in', [SEEDED_MARKER, STATIONS_SEEDED_MARKER]).execute()
    expect(Object.fromEntries(markers.map((row) => [row.key, row.value]))).toEqual({
      [SEEDED_MARKER]: new Date('2026-10-01T09:00:00+08:00').toISOString(),
      [STATIONS_SEEDED_MARKER]: FIXED_NOW.toISOString()
    })

    // Staff rename one station, close another; an operator deletes a third.
    const headers = (await staffSession(first, ['editor'])).headers
    const [renamed, closed, deleted] = [seedStations[0], seedStations[1], seedStations[2]]
    const rename = await first.inject({
      method: 'PUT',
      url: `/api/staff/stations/${renamed.id}`,
      headers,
      payload: { ...inputOf(renamed, { name: '鼓楼街道职工暖心驿站', sample: false }), version: 1 }
    })
    expect(rename.statusCode).toBe(200)
    const close = await first.inject({ method: 'POST', url: `/api/staff/stations/${closed.id}/close`, headers, payload: { reason: '设备检修', version: 1 } })
    expect(close.statusCode).toBe(200)
    await first.db.deleteFrom('stations').where('id', '=', deleted.id).execute()
    await first.close()

    // A restart (a day later) brings none of the seed back.
    const second = start(new Date(FIXED_NOW.getTime() + 24 * 60 * 60 * 1000))
    await second.ready()
    const after = await getJson<StationDirectory>(second, '/api/stations')
    expect(after.body.stations).toHaveLength(seedStations.length - 1)
    expect(after.body.stations.some((station) => station.id === deleted.id)).toBe(false)
    expect(after.body.stations.find((station) => station.id === renamed.id)).toMatchObject({ name: '鼓楼街道职工暖心驿站', sample: false })
    expect(after.body.stations.find((station) => station.id === closed.id)?.closedReason).toBe('设备检修')
    const marker = await second.db.selectFrom('meta').select('value').where('key', '=', STATIONS_SEEDED_MARKER).executeTakeFirst()
    expect(marker?.value).toBe(FIXED_NOW.toISOString())
    await second.close()
  })
})
