/**
 * Migrations live in code (not read from a folder at run time), so they ship inside any bundle and run in order
 * by name. Kysely's Migrator takes a lock table, so several API instances starting at once on one PostgreSQL
 * database migrate it exactly once.
 */
import { Migrator, type Migration } from 'kysely'
import type { DbDialect } from './create-db'
import type { Db } from './database'
import * as content from './migrations/0001-content'
import { contentRevisionMigration } from './migrations/0002-content-revision'
import * as staff from './migrations/0003-staff'
import { stationsMigration } from './migrations/0004-stations'
import * as versions from './migrations/0005-versions'
import * as workers from './migrations/0006-workers'
import { activitiesMigration } from './migrations/0007-activities'
import * as outbox from './migrations/0008-outbox'
import * as signups from './migrations/0009-signups'

function migrations(dialect: DbDialect): Record<string, Migration> {
  return {
    '0001-content': content,
    '0002-content-revision': contentRevisionMigration(dialect),
    '0003-staff': staff,
    '0004-stations': stationsMigration(dialect),
    '0005-versions': versions,
    '0006-workers': workers,
    '0007-activities': activitiesMigration(dialect),
    '0008-outbox': outbox,
    '0009-signups': signups
  }
}

export async function migrateToLatest(db: Db, dialect: DbDialect): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')
    throw Object.assign(new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${String(error)}`), { cause: error })
  }
}
