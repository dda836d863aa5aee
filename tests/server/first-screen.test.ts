/**
 * The pages the server sends with their first screen drawn (server/core/http/first-screen.ts), on a stand-in of the
 * H5 build: 首页 at `/` and a station's page — the markup, the CSS rules of the page's own chunk that the markup uses
 * (and no other), app.css inline instead of linked, preload hints for the page's chunks, and the API answers it was
 * drawn from, byte for byte with their ETags, so the app does not ask again. Revalidated with an ETag of its own.
 */
import type { App } from '@server/app'
import { STATION_PAGE_PATH } from '@/domain'
import { createAppPages } from '@server/core/http/first-screen'
import { escapeHtml, text } from '@server/core/http/taro-markup'
import { APP_CSS, SHELL_FILES, appPathOf, writeAppShell } from './support/app-shell'
import { buildTestApp, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

let app: App

beforeAll(async () => {
  app = buildTestApp({ h5Dir: writeAppShell() })
  await app.ready()
})

afterAll(() => app.close())

/** The answers inside the page, as the app reads them (src/first-screen.ts). */
function answersIn(html: string): Array<{ url: string; etag: string | null; data: unknown }> {
  const match = /<script type="application\/json" id="first-screen-data">(.*?)<\/script>/s.exec(html)
  if (!match) throw new Error('no answers in the page')
  return JSON.parse(match[1]) as Array<{ url: string; etag: string | null; data: unknown }>
}

const styleOf = (html: string) => /<style id="first-screen-style">(.*?)<\/style>/s.exec(html)?.[1] ?? ''

describe('a page with its first screen', () => {
  it('首页: the top of the page and the tab bar drawn, /api/home inside with its ETag, app.css inline', async () => {
    const page = await app.inject({ method: 'GET', url: '/' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['cache-control']).toBe('no-cache')
    const home = await app.inject({ method: 'GET', url: '/api/home' })
    const first = home.json<{ news: Array<{ title: string }> }>().news[0]
    // The ETag a phone meets (it takes gzip, and 首页's answer is gzipped): the app's refresh sends it back for a 304.
    const asPhone = await app.inject({ method: 'GET', url: '/api/home', headers: { 'accept-encoding': 'gzip' } })
    expect(asPhone.headers['content-encoding']).toBe('gzip')
    expect(page.body).toContain(`<span class="taro-text news-card__title">${escapeHtml(first.title)}</span>`)
    expect(page.body).toContain('<p class="weui-tabbar__label" style="color:#C8161D">首页</p>')
    expect(answersIn(page.body)).toEqual([{ url: '/api/home', etag: asPhone.headers.etag, data: home.json() }])
    const refresh = await app.inject({
      method: 'GET',
      url: '/api/home',
      headers: { 'accept-encoding': 'gzip', 'if-none-match': answersIn(page.body)[0].etag! }
    })
    expect(refresh.statusCode).toBe(304)
    expect(page.body).toContain(`<style>${APP_CSS}</style>`)
    expect(page.body).not.toContain(`href="${SHELL_FILES.appCss}"`)
    // Both chunks the router loads for 首页, hinted; the station page's are not.
    expect(page.body).toContain('<link rel="preload" href="/js/120.00000000.js" as="script">')
    expect(page.body).toContain(`<link rel="preload" href="${SHELL_FILES.homeCss}" as="style">`)
    expect(page.body).not.toContain(SHELL_FILES.stationJs)
    expect(styleOf(page.body)).toContain('.news-card__title{font-weight:600}')
    expect(styleOf(page.body)).not.toContain('home__competitions')
    // Compressed like every answer that is worth it.
    const compressed = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip' } })
    expect(compressed.headers['content-encoding']).toBe('gzip')
    // Unchanged, it costs a 304.
    const again = await app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': page.headers.etag as string } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })

  it('a station’s page: opened by its link, the rules its markup uses from its chunk’s CSS and nothing else', async () => {
    const { stations } = (await app.inject({ method: 'GET', url: '/api/stations' })).json<{ stations: Array<{ code: string; name: string }> }>()
    const station = stations[0]
    const page = await app.inject({ method: 'GET', url: `/${STATION_PAGE_PATH}?code=${station.code}` })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`<title>${station.name} · 密云工会</title>`)
    expect(page.body).toContain(`<link rel="preload" href="${SHELL_FILES.stationJs}" as="script">`)
    const css = styleOf(page.body)
    expect(css).toContain('.station-page__name{font-size:.9rem}')
    expect(css).toContain('.page-root--elder .station-page__name{font-size:1.1rem}')
    expect(css).toContain('@media (min-width:600px){.hours__row{padding:1rem}}')
    for (const absent of ['unused-inside', 'not-on-this-page', 'wide-only']) expect(css).not.toContain(absent)
    const api = await app.inject({ method: 'GET', url: `/api/stations/${station.code}` })
    const asPhone = await app.inject({ method: 'GET', url: `/api/stations/${station.code}`, headers: { 'accept-encoding': 'gzip' } })
    expect(answersIn(page.body)).toEqual([{ url: `/api/stations/${station.code}`, etag: asPhone.headers.etag, data: api.json() }])
    // Not a tab page: no tab bar, and the app is already where the address says.
    expect(page.body).not.toContain('<div class="first-screen__tabbar">')
    expect(page.body).not.toContain('history.replaceState')
  })

  it('the plain app for a page without a first screen, and for a code that is no station', async () => {
    for (const url of ['/pages/news/index', `/${STATION_PAGE_PATH}?code=ZZZZZZ`, `/${STATION_PAGE_PATH}`]) {
      const page = await app.inject({ method: 'GET', url })
      expect(page.statusCode).toBe(200)
      expect(page.body).not.toContain('id="first-screen"')
      expect(page.body).toContain(`<style>${APP_CSS}</style>`)
    }
  })

  it('a first screen that fails to draw costs only time: the plain app is sent, moved where it was going', async () => {
    const h5Dir = writeAppShell()
    const failing = buildTestApp({ h5Dir })
    const appPath = `/${STATION_PAGE_PATH}?code=T5U9KH`
    failing.get('/drawn-badly', (request, reply) => failing.webApp.sendPage(request, reply, () => Promise.reject(new Error('markup failed')), appPath))
    try {
      const page = await failing.inject({ method: 'GET', url: '/drawn-badly' })
      expect(page.statusCode).toBe(200)
      expect(page.body).not.toContain('id="first-screen"')
      expect(page.body).toContain('<div id="app"></div>')
      expect(appPathOf(page.body)).toBe(appPath)
    } finally {
      await failing.close()
    }
  })

  it('writes text and data so that nothing in them can end the page’s markup or script', () => {
    expect(text('x', '</span><script>alert(1)</script>').html).toBe('<span class="taro-text x">&lt;/span&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>')
    const pages = createAppPages(writeAppShell())
    const html = pages.page({
      page: STATION_PAGE_PATH,
      title: '</title><script>x</script>',
      markup: text('x', 'y'),
      answers: [{ url: '/api/x', body: JSON.stringify({ name: '</script><script>alert(1)</script><!--' }) }],
      appPath: '/p?code="</script>'
    })!
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>')
    // Every script the page has ends where it should: none of the data closes one early.
    expect(html.split('</script>').length).toBe(html.split(/<script[ >]/).length)
    expect(html).toContain('history.replaceState(history.state,\'\',"/p?code=\\"\\u003c/script>")')
    expect(answersIn(html)).toEqual([{ url: '/api/x', etag: null, data: { name: '</script><script>alert(1)</script><!--' } }])
  })
})
