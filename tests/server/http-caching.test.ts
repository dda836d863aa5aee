/**
 * What a client on a weak network relies on: revalidation with ETags (304, no body), no-cache so staff edits show at
 * once, and compressed bodies.
 */
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import type { App } from '@server/app'
import { seedContent } from '@server/seed-content'
import { FIXED_NOW, buildTestApp, getJson } from './support/test-app'

const API_PATHS = [
  '/api/home',
  '/api/news',
  '/api/news?category=%E5%85%B3%E7%88%B1%E6%9A%96%E5%BF%83',
  `/api/news/${seedContent.news[0].id}`,
  '/api/competitions',
  `/api/competitions/${seedContent.competitions[0].id}`,
  '/api/services',
  '/api/services/legal-aid',
  '/api/plan',
  '/api/health'
]

describe('HTTP caching', () => {
  let app: App
  beforeAll(async () => {
    app = buildTestApp()
    await app.ready()
  })
  afterAll(() => app.close())

  it.each(API_PATHS)('%s carries a strong ETag and Cache-Control: no-cache, and answers 304 with no body to If-None-Match', async (url) => {
    const first = await app.inject({ url })
    expect(first.statusCode).toBe(200)
    expect(first.headers['cache-control']).toBe('no-cache')
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)

    const again = await app.inject({ url, headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect(again.headers.etag).toBe(etag)
    expect(again.headers['cache-control']).toBe('no-cache')
  })

  it('gives the same answer the same ETag, and a different answer a different one', async () => {
    const a = await app.inject({ url: '/api/news?page=1' })
    const b = await app.inject({ url: '/api/news?page=1' })
    const c = await app.inject({ url: '/api/news?page=2' })
    expect(a.headers.etag).toBe(b.headers.etag)
    expect(c.headers.etag).not.toBe(a.headers.etag)
  })

  it('matches an ETag among several, or a weak one, as RFC 9110 asks of If-None-Match', async () => {
    const { headers } = await app.inject({ url: '/api/plan' })
    const etag = headers.etag as string
    expect((await app.inject({ url: '/api/plan', headers: { 'if-none-match': `"other", ${etag}` } })).statusCode).toBe(304)
    expect((await app.inject({ url: '/api/plan', headers: { 'if-none-match': `W/${etag}` } })).statusCode).toBe(304)
    expect((await app.inject({ url: '/api/plan', headers: { 'if-none-match': '"stale"' } })).statusCode).toBe(200)
  })

  it('sends a changed article with a new ETag on the very next request after a staff edit', async () => {
    const listBefore = await app.inject({ url: '/api/news' })
    const id = listBefore.json().items[0].id
    const before = await app.inject({ url: `/api/news/${id}` })

    await app.db.updateTable('news').set({ title: '更正后的标题' }).where('id', '=', id).execute()

    const after = await app.inject({ url: `/api/news/${id}`, headers: { 'if-none-match': before.headers.etag as string } })
    expect(after.statusCode).toBe(200)
    expect(after.json().title).toBe('更正后的标题')
    expect(after.headers.etag).not.toBe(before.headers.etag)

    const listAfter = await app.inject({ url: '/api/news', headers: { 'if-none-match': listBefore.headers.etag as string } })
    expect(listAfter.statusCode).toBe(200)
    expect(listAfter.headers.etag).not.toBe(listBefore.headers.etag)
  })

  it('does not give error answers an ETag, and marks them no-cache too', async () => {
    const missing = await app.inject({ url: '/api/news/no-such-article' })
    expect(missing.statusCode).toBe(404)
    expect(missing.headers.etag).toBeUndefined()
    expect(missing.headers['cache-control']).toBe('no-cache')
  })

  it('compresses large answers with gzip or brotli, and leaves small ones alone', async () => {
    const plain = await app.inject({ url: '/api/news' })
    const gzip = await app.inject({ url: '/api/news', headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gzip.headers.vary).toMatch(/accept-encoding/i)
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(plain.body)
    // The gzip bytes are another representation, with their own validator, and revalidate like the plain one.
    expect(gzip.headers.etag).not.toBe(plain.headers.etag)
    const again = await app.inject({
      url: '/api/news',
      headers: { 'accept-encoding': 'gzip, deflate, br', 'if-none-match': String(gzip.headers.etag) }
    })
    expect(again.statusCode).toBe(304)
    expect(again.rawPayload).toHaveLength(0)

    const brotli = await app.inject({ url: '/api/news', headers: { 'accept-encoding': 'br' } })
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(brotli.rawPayload).toString()).toBe(plain.body)

    const small = await app.inject({ url: '/api/health', headers: { 'accept-encoding': 'gzip' } })
    expect(small.headers['content-encoding']).toBeUndefined()
  })
})

describe('answers that depend on the clock', () => {
  it('moves a competition from 报名中 to 进行中 the millisecond after sign-up closes, cached or not', async () => {
    const competition = seedContent.competitions.find((item) => Date.parse(item.signupEndsAt) > Date.parse('2026-01-01'))!
    // First started at the seed's reference instant, so the sample competitions carry the dates written for it.
    let clock = FIXED_NOW
    const app = buildTestApp({ now: () => clock })
    try {
      await app.ready()
      clock = new Date(competition.signupEndsAt)
      const statusOf = async () => (await getJson(app, `/api/competitions/${competition.id}`)).body.status
      const signupIds = async () => (await getJson(app, '/api/competitions?status=signup')).body.items.map((item: { id: string }) => item.id)

      expect(await statusOf()).toBe('signup')
      expect(await signupIds()).toContain(competition.id)

      clock = new Date(clock.getTime() + 1)
      expect(await statusOf()).toBe('ongoing')
      expect(await signupIds()).not.toContain(competition.id)
    } finally {
      await app.close()
    }
  })

  it('publishes a scheduled article when its time comes, and not before', async () => {
    let clock = new Date('2026-11-24T10:00:00+08:00')
    const app = buildTestApp({ now: () => clock })
    try {
      await app.ready()
      const scheduled = { ...seedContent.news[0], id: 'scheduled-notice', pinned: false, publishedAt: '2026-11-25T09:00:00+08:00' }
      const { newsToRow } = await import('@server/news/rows')
      await app.db.insertInto('news').values(newsToRow(scheduled)).execute()

      expect((await getJson(app, '/api/news/scheduled-notice')).status).toBe(404)
      const totalBefore = (await getJson(app, '/api/news')).body.total

      clock = new Date('2026-11-25T09:00:00+08:00')
      expect((await getJson(app, '/api/news/scheduled-notice')).status).toBe(200)
      expect((await getJson(app, '/api/news')).body.total).toBe(totalBefore + 1)
    } finally {
      await app.close()
    }
  })
})

describe('304 on a real socket', () => {
  it('carries no body, no Content-Length and no Content-Type', async () => {
    const app = buildTestApp()
    try {
      await app.listen({ host: '127.0.0.1', port: 0 })
      const { port } = app.server.address() as AddressInfo
      const first = await fetch(`http://127.0.0.1:${port}/api/news`)
      const etag = first.headers.get('etag')!
      await first.arrayBuffer()
      const revalidated = await fetch(`http://127.0.0.1:${port}/api/news`, { headers: { 'if-none-match': etag } })
      expect(revalidated.status).toBe(304)
      expect(revalidated.headers.get('content-length')).toBeNull()
      expect(revalidated.headers.get('content-type')).toBeNull()
      expect(revalidated.headers.get('etag')).toBe(etag)
    } finally {
      await app.close()
    }
  })
})
