/**
 * Migration 0005 on a database an earlier release used: the plan's and the station settings' last editors and the
 * featured list's version, kept as loose meta keys, become version columns, and editors see the same versions.
 */
import { Migrator } from 'kysely'
import { loadConfig } from '@server/core/config'
import { createDb, dialectOf } from '@server/core/db/create-db'
import * as contentMigration from '@server/core/db/migrations/0001-content'
import { contentRevisionMigration } from '@server/core/db/migrations/0002-content-revision'
import * as staffMigration from '@server/core/db/migrations/0003-staff'
import { stationsMigration } from '@server/core/db/migrations/0004-stations'
import { seedIfEmpty } from '@server/seed'
import { seedStationsOnce } from '@server/stations/seed'
import { testDatabases, useTestDatabase } from './support/databases'
import { staffSession } from './support/staff'
import { FIXED_NOW, buildTestApp, getJson, makeTempDir, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const SEEDED = new Date('2026-10-01T09:00:00+08:00')

describe.each(testDatabases('miyun_versions'))('versions moved into columns on $name', ({ setUp }) => {
  const database = useTestDatabase(setUp)
  const dataDir = makeTempDir('miyun-versions-')

  it('keeps who saved the plan, the station settings and the featured list, and the list’s version', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...database.env })
    const db = createDb(config)
    const dialect = dialectOf(config)
    const before = {
      '0001-content': contentMigration,
      '0002-content-revision': contentRevisionMigration(dialect),
      '0003-staff': staffMigration,
      '0004-stations': stationsMigration(dialect)
    }
    expect((await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()).error).toBeUndefined()
    await seedIfEmpty(db, { now: SEEDED })
    await seedStationsOnce(db, { now: SEEDED })
    // What the earlier release wrote when 张三 saved the plan and the settings and 李四 the featured list (twice).
    const untyped = db as unknown as import('kysely').Kysely<any>
    await untyped.updateTable('documents').set({ version: 2 }).where('key', 'in', ['plan', 'station_settings']).execute()
    await untyped
      .insertInto('meta')
      .values([
        { key: 'plan_updated_by', value: '张三' },
        { key: 'station_settings_updated_by', value: '张三' },
        { key: 'featured_version', value: '3' },
        { key: 'featured_updated_at', value: '2026-11-01T02:00:00.000Z' },
        { key: 'featured_updated_by', value: '李四' }
      ])
      .execute()
    await db.destroy()

    const app = buildTestApp({ dataDir, env: database.env, now: () => FIXED_NOW })
    try {
      const editor = await staffSession(app, ['editor'])
      const plan = await getJson(app, '/api/staff/plan', editor.headers)
      expect(plan.body).toMatchObject({ version: 2, updatedBy: '张三' })
      const settings = await getJson(app, '/api/staff/station-settings', editor.headers)
      expect(settings.body).toMatchObject({ version: 2, updatedBy: '张三' })
      const featured = await getJson(app, '/api/staff/featured', editor.headers)
      expect(featured.body).toMatchObject({ version: 3, updatedAt: '2026-11-01T02:00:00.000Z', updatedBy: '李四' })
      const loose = await app.db.selectFrom('meta').select('key').where('key', 'like', '%updated%').execute()
      expect(loose).toEqual([])
      // And the moved version is the one a save must name.
      const saved = await app.inject({
        method: 'PUT',
        url: '/api/staff/featured',
        headers: editor.headers,
        payload: { version: 3, items: featured.body.items }
      })
      expect(saved.statusCode).toBe(200)
      expect(saved.json()).toMatchObject({ version: 4, updatedBy: editor.staff.displayName })
    } finally {
      await app.close()
    }
  })
})
