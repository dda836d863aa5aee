/**
 * Stopping and starting again keeps the data: the database file lives in DATA_DIR, the seed runs on first start only.
 */
import fs from 'node:fs'
import path from 'node:path'
import { SQLITE_FILENAME } from '@server/core/db/create-db'
import { seedContent } from '@server/seed-content'
import { buildTestApp, getJson, makeTempDir, removeTempDirs } from './support/test-app'

describe('restarting', () => {
  afterAll(removeTempDirs)

  it('keeps the data and edits, and does not seed twice', async () => {
    const dataDir = makeTempDir()
    const id = seedContent.news[0].id

    const first = buildTestApp({ dataDir })
    await first.ready()
    expect(fs.existsSync(path.join(dataDir, SQLITE_FILENAME))).toBe(true)
    await first.db.updateTable('news').set({ title: '工作人员改过的标题' }).where('id', '=', id).execute()
    await first.db.deleteFrom('featured').where('id', '=', seedContent.featured[0].id).execute()
    await first.close()

    const second = buildTestApp({ dataDir })
    try {
      expect((await getJson(second, `/api/news/${id}`)).body.title).toBe('工作人员改过的标题')
      expect((await getJson(second, '/api/news')).body.total).toBe(seedContent.news.length)
      // A record staff deleted stays deleted: the seed does not bring it back.
      const featured = (await getJson(second, '/api/home')).body.featured.map((item: { id: string }) => item.id)
      expect(featured).not.toContain(seedContent.featured[0].id)
      expect(featured).toHaveLength(seedContent.featured.length - 1)
      const services = await second.db
        .selectFrom('services')
        .select(({ fn }) => fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
      expect(Number(services.count)).toBe(seedContent.services.length)
    } finally {
      await second.close()
    }
  })

  it('creates the data folder when it does not exist yet', async () => {
    const dataDir = path.join(makeTempDir(), 'nested', 'data')
    const app = buildTestApp({ dataDir })
    try {
      expect((await getJson(app, '/api/health')).status).toBe(200)
      expect(fs.existsSync(path.join(dataDir, SQLITE_FILENAME))).toBe(true)
    } finally {
      await app.close()
    }
  })

  it('keeps the database in WAL mode', async () => {
    const app = buildTestApp()
    try {
      await app.ready()
      const { sql } = await import('kysely')
      const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(app.db)
      expect(rows[0].journal_mode).toBe('wal')
    } finally {
      await app.close()
    }
  })
})
