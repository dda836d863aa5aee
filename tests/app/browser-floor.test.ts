/**
 * The browsers the app promises (package.json "browserslist", which also sets Babel's and autoprefixer's targets) must
 * lay out what the stylesheets use. Flex `gap` spaces most rows and lists; iOS WebKit before 14.5 (the mini-program's
 * web view on iOS is the system's) and Chrome before 84 ignore it and the spacing collapses. README states the floor.
 */
import fs from 'fs'
import path from 'path'
import browserslist from 'browserslist'
import * as caniuse from 'caniuse-lite'

const ROOT = path.join(__dirname, '../..')

function scssFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return scssFiles(full)
    return entry.name.endsWith('.scss') ? [full] : []
  })
}

function unsupported(feature: string, targets: string[]): string[] {
  const stats = caniuse.feature(caniuse.features[feature]).stats
  return targets.filter((target) => {
    const [browser, version] = target.split(' ')
    return !stats[browser]?.[version]?.startsWith('y')
  })
}

describe('the browsers the app promises', () => {
  const declared: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).browserslist
  const targets = browserslist(declared)

  it('lay out flex gap, which the stylesheets use', () => {
    const usesGap = scssFiles(path.join(ROOT, 'src')).some((file) => /(^|[\s;{])(row-|column-)?gap\s*:/m.test(fs.readFileSync(file, 'utf8')))
    expect(usesGap).toBe(true)
    expect(targets.some((target) => target.startsWith('ios_saf'))).toBe(true)
    expect(unsupported('flexbox-gap', targets)).toEqual([])
  })

  it('are the floor README states', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    for (const query of declared) expect(readme).toContain(query)
  })
})
