/**
 * The BUILT package (dist/weapp) as WeChat receives it, beyond what it renders:
 * - sitemap.json: app.json points to it, and WeChat search may not index the staff pages nor 我的;
 * - the base library the project declares is at least what every API the code relies on needs;
 * - Chinese text in the JS is UTF-8, not \uXXXX escapes (twice the bytes).
 */
import fs from 'node:fs'
import path from 'node:path'
import { REPO_ROOT, WEAPP_DIST } from './support/simulator'

interface AppJson {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  sitemapLocation?: string
}
interface SitemapRule {
  action?: 'allow' | 'disallow'
  page: string
  params?: string[]
  priority?: number
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T

let app: AppJson
beforeAll(() => {
  if (!fs.existsSync(path.join(WEAPP_DIST, 'app.json'))) throw new Error('dist/weapp is missing: npm run test:weapp builds it')
  app = readJson<AppJson>(path.join(WEAPP_DIST, 'app.json'))
})

/** What WeChat decides for a page without parameters: rules by priority, then top to bottom; no rule = allowed. */
function indexable(rules: SitemapRule[], page: string): boolean {
  const ordered = rules.map((rule, index) => ({ rule, index })).sort((a, b) => (b.rule.priority ?? 0) - (a.rule.priority ?? 0) || a.index - b.index)
  const hit = ordered.find(({ rule }) => (rule.page === '*' || rule.page === page) && (rule.params ?? []).length === 0)
  return (hit?.rule.action ?? 'allow') === 'allow'
}

describe('sitemap.json in dist/weapp', () => {
  it('is in the package, where app.json says', () => {
    expect(app.sitemapLocation).toBe('sitemap.json')
    expect(fs.existsSync(path.join(WEAPP_DIST, app.sitemapLocation!))).toBe(true)
  })

  it('keeps every staff page, the sign-up pages and 我的 out of WeChat search, and lets the public pages in', () => {
    const { rules } = readJson<{ rules: SitemapRule[] }>(path.join(WEAPP_DIST, 'sitemap.json'))
    // "*" matches every page; it is no wildcard inside a path, so each staff page must be named.
    expect(rules.filter((rule) => rule.page !== '*' && rule.page.includes('*'))).toEqual([])
    const allPages = [...app.pages, ...app.subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))]
    const staffPages = allPages.filter((page) => page.startsWith('packages/staff/'))
    expect(staffPages.length).toBeGreaterThan(5)
    expect(staffPages.filter((page) => indexable(rules, page))).toEqual([])
    expect(indexable(rules, 'pages/me/index')).toBe(false)
    // A worker's own sign-ups (the form, 我的报名, check-in) are nobody else's search result.
    const signupPages = allPages.filter((page) => page.startsWith('packages/signups/'))
    expect(signupPages.length).toBe(3)
    expect(signupPages.filter((page) => indexable(rules, page))).toEqual([])
    const publicPages = allPages.filter((page) => !/^packages\/(staff|signups)\//.test(page) && page !== 'pages/me/index')
    expect(publicPages.filter((page) => !indexable(rules, page))).toEqual([])
    expect(publicPages).toEqual(expect.arrayContaining(['pages/home/index', 'packages/news/detail/index', 'packages/stations/station/index']))
  })
})

/**
 * The base library each API or setting the code relies on first appeared in (WeChat's documentation, 「基础库 x 开始支持」),
 * with how to find it in the source. The privacy entry is why the floor is 2.32.3: from it on WeChat itself asks the
 * worker's consent (the official popup) before getLocation / chooseMedia / chooseLocation, and reports a refusal.
 */
const MIN_BASE_LIBRARY: { what: string; version: string; usedIn: RegExp }[] = [
  {
    what: '用户隐私保护指引 + official privacy popup (getLocation, chooseMedia, chooseLocation)',
    version: '2.32.3',
    usedIn: /\b(getLocation|chooseMedia|chooseLocation)\b/
  },
  { what: 'wx.getWindowInfo', version: '2.20.1', usedIn: /\bgetWindowInfo\b/ },
  { what: 'wx.showShareMenu menus / onShareTimeline', version: '2.11.3', usedIn: /\buseShareTimeline\b|\bshareTimeline\b/ },
  { what: 'app.json lazyCodeLoading', version: '2.11.1', usedIn: /\blazyCodeLoading\b/ },
  { what: 'wx.openDocument showMenu', version: '2.11.0', usedIn: /\bshowMenu\b/ },
  { what: 'wx.chooseMedia', version: '2.10.0', usedIn: /\bchooseMedia\b/ },
  { what: 'wx.getEnterOptionsSync', version: '2.9.4', usedIn: /\bgetEnterOptionsSync\b/ }
]

const versionParts = (version: string) => version.split('.').map(Number)
function atLeast(version: string, floor: string): boolean {
  const [a, b] = [versionParts(version), versionParts(floor)]
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0)
  }
  return true
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'content' ? [] : sourceFiles(full)
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : []
  })
}

describe('the declared minimum base library (project.config.json libVersion)', () => {
  const { libVersion } = readJson<{ libVersion?: string }>(path.join(REPO_ROOT, 'project.config.json'))
  const source = sourceFiles(path.join(REPO_ROOT, 'src'))
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n')

  it('is declared', () => {
    expect(libVersion).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it.each(MIN_BASE_LIBRARY)('covers $what ($version)', ({ version, usedIn }) => {
    if (!usedIn.test(source)) return
    expect({ libVersion, coversVersion: atLeast(libVersion!, version) }).toEqual({ libVersion, coversVersion: true })
  })

  it('compares versions as numbers', () => {
    expect([atLeast('2.32.3', '2.32.3'), atLeast('2.32.3', '2.9.4'), atLeast('2.9.4', '2.32.3'), atLeast('3.0.0', '2.32.3')]).toEqual([true, true, false, true])
  })
})

describe('text in the built JS', () => {
  it('is UTF-8: Chinese strings appear as they are, not as \\uXXXX escapes', () => {
    const js = (fs.readdirSync(WEAPP_DIST, { recursive: true }) as string[]).filter((name) => name.endsWith('.js'))
    let literal = 0
    let escaped = 0
    for (const name of js) {
      const code = fs.readFileSync(path.join(WEAPP_DIST, name), 'utf8')
      literal += (code.match(/[\u4e00-\u9fff]/g) ?? []).length
      escaped += (code.match(/\\u[4-9][0-9a-fA-F]{3}/g) ?? []).length
    }
    expect(js.some((name) => fs.readFileSync(path.join(WEAPP_DIST, name), 'utf8').includes('职工服务热线'))).toBe(true)
    // A handful of escapes may be the source's own (a regex range such as [\u4e00-\u9fff]); the text is not.
    expect(literal).toBeGreaterThan(10_000)
    expect(escaped).toBeLessThan(20)
  })
})
