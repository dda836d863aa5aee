import { NEWS_CATEGORIES, PAGE_SIZE } from '../../src/domain'
import { seedContent } from '../../server/db/seed'
import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_SNAPSHOT_AT, buildOfflineSnapshot, offlineFiles } from '../../server/snapshot'
import { FIXED_NOW, buildTestApp, getJson } from './support/test-app'

describe('offline snapshot bundled with the app', () => {
  it('holds exactly what the API answers on a first start', async () => {
    const snapshot = await buildOfflineSnapshot(FIXED_NOW)
    const app = buildTestApp()
    try {
      expect(snapshot.home).toEqual((await getJson(app, '/api/home')).body)
      expect(snapshot.newsFirstPage).toEqual((await getJson(app, '/api/news?page=1')).body)
      expect(snapshot.services).toEqual((await getJson(app, '/api/services')).body)
      expect(snapshot.plan).toEqual((await getJson(app, '/api/plan')).body)
    } finally {
      await app.close()
    }
    expect(snapshot.newsFirstPage.items).toHaveLength(PAGE_SIZE)
    expect(snapshot.newsFirstPage.items.every((item) => NEWS_CATEGORIES.includes(item.category))).toBe(true)
    expect(snapshot.plan.figures).toHaveLength(seedContent.plan.figures.length)
  })

  it('is the same when taken twice at the same instant', async () => {
    expect(JSON.stringify(await buildOfflineSnapshot(FIXED_NOW))).toBe(JSON.stringify(await buildOfflineSnapshot(FIXED_NOW)))
  })

  it('is what the app ships: src/content/offline/ matches the seed (run `npm run snapshot` after editing the seed)', async () => {
    const expected = offlineFiles(await buildOfflineSnapshot(DEFAULT_SNAPSHOT_AT))
    const dir = path.join(__dirname, '../../src/content/offline')
    expect(fs.readdirSync(dir).sort()).toEqual(Object.keys(expected).sort())
    for (const [name, content] of Object.entries(expected)) {
      expect(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))).toEqual(content)
    }
  })
})
