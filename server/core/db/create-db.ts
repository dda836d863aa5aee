/**
 * One Kysely instance over SQLite (the default: a file in DATA_DIR, nothing to install) or PostgreSQL (when
 * DATABASE_URL is set: many API instances sharing one database). Everything above this file is dialect-agnostic.
 */
import fs from 'node:fs'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase as KyselySqliteDatabase } from 'kysely'
import { Pool } from 'pg'
import type { Config } from '../config'
import type { Database, Db } from './database'

export const SQLITE_FILENAME = 'miyun.sqlite'

export type DbDialect = 'sqlite' | 'postgres'

export interface CreateDbOptions {
  /** SQLite only: use this file (or ':memory:') instead of DATA_DIR/miyun.sqlite. */
  sqliteFilename?: string
  /** PostgreSQL only: told when an idle pooled connection breaks (e.g. the database restarted). */
  onConnectionError?: (error: Error) => void
}

export function dialectOf(config: Pick<Config, 'databaseUrl'>): DbDialect {
  return config.databaseUrl ? 'postgres' : 'sqlite'
}

export function createDb(config: Pick<Config, 'dataDir' | 'databaseUrl'>, options: CreateDbOptions = {}): Db {
  if (config.databaseUrl) {
    const pool = new Pool({ connectionString: config.databaseUrl, max: 10 })
    // An idle connection the server drops (restart, failover, admin command) is an 'error' event on the pool; with no
    // listener Node would end the process. The pool discards that connection and opens a new one when needed.
    pool.on('error', (error) => options.onConnectionError?.(error))
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  }
  const filename = options.sqliteFilename ?? path.join(config.dataDir, SQLITE_FILENAME)
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(filename), { recursive: true })
  const sqlite = new SqliteDatabase(filename)
  // WAL: readers never wait for the writer, and a crash cannot corrupt the file.
  sqlite.pragma('journal_mode = WAL')
  // FULL: every commit is synced to disk before it returns. A worker is told 报名成功 (or a staffer's change is
  // saved) only after the commit is on disk, so not even a power cut right after the answer loses it. NORMAL would
  // survive application crashes only. In WAL mode FULL costs one fsync of the log per commit, not of the database.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  // A second process (a migration, a backup) holding the write lock makes us wait instead of failing at once.
  sqlite.pragma('busy_timeout = 5000')
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
}

/** Distinct SQL texts are few (values are parameters), so this bound is only a guard against runaway growth. */
const MAX_CACHED_STATEMENTS = 500

/**
 * Kysely calls prepare() for every query, and better-sqlite3 compiles the SQL each time: for the small indexed
 * reads this API makes, compiling costs more than running. Keeping compiled statements by SQL text is safe here:
 * Kysely uses SQLite's single connection one query at a time, and SQLite re-prepares a statement by itself after
 * a schema change.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql)
      if (!statement) {
        statement = sqlite.prepare(sql)
        if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear()
        statements.set(sql, statement)
      }
      return statement
    }
  }
}
