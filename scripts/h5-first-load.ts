/**
 * The JavaScript a phone fetches to render `/` from an H5 build, measured honestly: the real server serves the build,
 * Chromium opens `/` at a phone viewport, and every JS file it fetched until the page settled is mapped back to its
 * file in the build and gzipped at level 9. Used by `npm run size` and `npm run size:parts`.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { launchChromium } from '../tests/e2e/browser'
import { startServer } from '../tests/e2e/server'

export interface Fetched {
  file: string
  bytes: number
  gzip: number
}

export async function h5FirstLoad(h5Dir: string): Promise<{ scripts: Fetched[]; unmapped: string[]; referenced: string[] }> {
  const html = fs.readFileSync(path.join(h5Dir, 'index.html'), 'utf8')
  const referenced = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1])
  // A fresh, seeded database in a temporary folder (removed on close), as on a first `npm start`.
  const server = await startServer({ h5Dir })
  const chromium = await launchChromium()
  try {
    const context = await chromium.newPhone()
    const page = await context.newPage()
    const scriptUrls = new Set<string>()
    page.on('response', (response) => {
      const request = response.request()
      const { pathname } = new URL(response.url())
      // A source map is fetched by the browser's developer tools (a `--mode parts` build has them), not by the page.
      if (pathname.endsWith('.map')) return
      if (request.resourceType() === 'script' || /\.m?js$/.test(pathname)) {
        scriptUrls.add(response.url())
      }
    })
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle', timeout: 60_000 })
    const unmapped: string[] = []
    const scripts: Fetched[] = []
    for (const url of scriptUrls) {
      const { origin, pathname } = new URL(url)
      const file = path.join(h5Dir, decodeURIComponent(pathname))
      if (origin !== server.url || !file.startsWith(h5Dir + path.sep) || !fs.existsSync(file)) {
        unmapped.push(url)
        continue
      }
      const content = fs.readFileSync(file)
      scripts.push({
        file: path.relative(h5Dir, file),
        bytes: content.length,
        gzip: zlib.gzipSync(content, { level: 9 }).length
      })
    }
    await context.close()
    return { scripts, unmapped, referenced }
  } finally {
    await chromium.close()
    await server.close()
  }
}
