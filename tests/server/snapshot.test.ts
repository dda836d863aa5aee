import { NEWS_CATEGORIES, PAGE_SIZE } from '@/domain'
import { seedContent } from '@server/seed-content'
import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_SNAPSHOT_AT, buildOfflineSnapshot, offlineFiles } from '@server/snapshot'
import { FIXED_NOW, buildTestApp, getJson } from './support/test-app'
import { TypeRegistry, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { readOfflineContent, sampleRecords } from '../../config/release-guard'
import { HomeDataSchema } from '@server/home/schema'
import { NewsPageSchema } from '@server/news/schema'
import { PlanSchema } from '@server/plan/schema'
import { ServiceListSchema } from '@server/services/schema'

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

  it("is what the app ships: the seed while it is sample content, otherwise a real server's answers in the API's shapes", async () => {
    const expected = offlineFiles(await buildOfflineSnapshot(DEFAULT_SNAPSHOT_AT))
    const dir = path.join(__dirname, '../../src/content/offline')
    expect(fs.readdirSync(dir).sort()).toEqual(Object.keys(expected).sort())
    const shipped = readOfflineContent(dir)
    if (sampleRecords(shipped).length > 0) {
      // The development bundle: exactly the seed (run `npm run snapshot` after editing the seed).
      for (const [name, content] of Object.entries(expected)) expect(shipped[name]).toEqual(content)
      return
    }
    // A release checkout: `npm run snapshot -- --from <server>` took the bundle from a server holding real content,
    // so it is not the seed; it must still be what the routes answer, or the app could not read it offline.
    // StringEnum is a plain JSON-Schema enum (Type.Unsafe) that Ajv checks in the routes; TypeBox's checker needs it named.
    if (!TypeRegistry.Has('Unsafe')) TypeRegistry.Set('Unsafe', (schema: { enum?: unknown[] }, value) => !schema.enum || schema.enum.includes(value))
    const schemas: Record<string, TSchema> = {
      'home.json': HomeDataSchema,
      'news-first-page.json': NewsPageSchema,
      'services.json': ServiceListSchema,
      'plan.json': PlanSchema
    }
    for (const [name, schema] of Object.entries(schemas)) {
      expect({ name, errors: [...Value.Errors(schema, shipped[name])].slice(0, 3).map((error) => `${error.path} ${error.message}`) }).toEqual({
        name,
        errors: []
      })
    }
  })
})
