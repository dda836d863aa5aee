/**
 * The H5 app and the media served next to the API: caching per kind of file, history fallback for deep links and
 * QR codes, and a plain answer when the H5 app has not been built.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { App } from '@server/app'
import { MEDIA_DIR } from '@server/core/http/web-app'
import { buildTestApp, makeTempDir, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const INDEX_HTML = '<!doctype html><html><head><title>密云工会</title></head><body><div id="app"></div></body></html>'

function fakeH5Build(): string {
  const h5Dir = makeTempDir('miyun-h5-')
  fs.mkdirSync(path.join(h5Dir, 'js'))
  fs.mkdirSync(path.join(h5Dir, 'css'))
  fs.mkdirSync(path.join(h5Dir, 'static'))
  fs.writeFileSync(path.join(h5Dir, 'index.html'), INDEX_HTML)
  fs.writeFileSync(path.join(h5Dir, 'js', 'app.1a2b3c4d.js'), 'console.log("app");'.repeat(100))
  fs.writeFileSync(path.join(h5Dir, 'css', 'app.1a2b3c4d.css'), 'body{color:#c00}')
  fs.writeFileSync(path.join(h5Dir, 'static', 'logo.png'), 'png')
  fs.writeFileSync(path.join(h5Dir, '.build-stamp'), 'hash')
  return h5Dir
}

describe('H5 app', () => {
  let app: App
  beforeAll(async () => {
    app = buildTestApp({ h5Dir: fakeH5Build() })
    await app.ready()
  })
  afterAll(() => app.close())

  it('serves index.html at an app path with no-cache, so a new build is picked up at once (/ is 首页 drawn: first-screen.test.ts)', async () => {
    const response = await app.inject({ url: '/pages/news/index' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.body).toBe(INDEX_HTML)
  })

  it('caches hashed scripts and styles for a year', async () => {
    for (const url of ['/js/app.1a2b3c4d.js', '/css/app.1a2b3c4d.css']) {
      const response = await app.inject({ url })
      expect(response.statusCode).toBe(200)
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    }
  })

  it('answers deep links and QR code URLs with index.html (browser history routing)', async () => {
    for (const url of ['/pages/news/index', '/packages/stations/detail/index?id=3', '/packages/news/detail/index?id=skill-contests-30']) {
      const response = await app.inject({ url })
      expect(response.statusCode).toBe(200)
      expect(response.body).toBe(INDEX_HTML)
      expect(response.headers['cache-control']).toBe('no-cache')
    }
  })

  it('answers a missing file with 404, not with the page', async () => {
    for (const url of ['/js/app.deadbeef.js', '/static/missing.png', '/.build-stamp', '/favicon.ico']) {
      const response = await app.inject({ url })
      expect(response.statusCode).toBe(404)
      expect(response.body).not.toContain('<html')
    }
  })

  it('serves the media with a week of caching', async () => {
    const file = fs.readdirSync(MEDIA_DIR).find((name) => !name.startsWith('.'))!
    const response = await app.inject({ url: `/media/${file}` })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('public, max-age=604800')
  })

  it('tells browsers not to guess types or frame the app, and lets media display but run nothing', async () => {
    const file = fs.readdirSync(MEDIA_DIR).find((name) => name.endsWith('.svg'))!
    for (const url of ['/', '/api/news', `/media/${file}`]) {
      const response = await app.inject({ url })
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
    }
    const media = await app.inject({ url: `/media/${file}` })
    expect(media.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/)
    expect((await app.inject({ url: '/' })).headers['content-security-policy']).toBeUndefined()
  })

  it('keeps API 404s as JSON', async () => {
    const response = await app.inject({ url: '/api/unknown' })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.message).toBe('未找到该接口')
  })
})

describe('without an H5 build', () => {
  it('answers 503 with a Chinese note saying how to build it, while the API works', async () => {
    const app = buildTestApp({ h5Dir: makeTempDir('miyun-empty-h5-') })
    try {
      for (const url of ['/', '/pages/home/index']) {
        const response = await app.inject({ url })
        expect(response.statusCode).toBe(503)
        expect(response.headers['content-type']).toMatch(/^text\/plain/)
        expect(response.body).toContain('npm run build:h5')
      }
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200)
    } finally {
      await app.close()
    }
  })
})
