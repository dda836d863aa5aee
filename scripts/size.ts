/**
 * npm run size — what users download, measured from the production builds (a report, not a test).
 *
 * WeChat (dist/weapp): the main package is every file not under a subpackage root listed in app.json; each
 * subpackage is its root's files. Counted as WeChat packs them (code, templates, styles, media; the .LICENSE.txt
 * files webpack writes are not uploaded) and cross-checked with miniprogram-ci's own code-quality figures.
 *
 * H5 (dist/h5): the JavaScript a phone fetches to render `/`, measured honestly: the real server serves dist/h5,
 * Chromium opens `/` at a phone viewport, and every JS file it fetched until the page settled is mapped back to its
 * file in dist/h5 and gzipped at level 9.
 *
 * Exits 1 only when a package is over WeChat's hard 2 MB limit (or a build is missing); targets are reported.
 */
import fs from 'node:fs'
import path from 'node:path'
import { checkCodeQuality } from '../tests/weapp/support/code-quality'
import { h5FirstLoad } from './h5-first-load'

const ROOT = path.resolve(__dirname, '..')
const WEAPP = path.join(ROOT, 'dist/weapp')
const H5 = path.join(ROOT, 'dist/h5')

const KB = 1024
const MAIN_TARGET = 450 * KB
const H5_TARGET_GZ = 120 * KB
const WECHAT_WARNING = 1.5 * KB * KB
const WECHAT_HARD_LIMIT = 2 * KB * KB

/** File types WeChat uploads in a code package (webpack's .LICENSE.txt and the like are left out). */
const PACKED = /\.(js|json|wxml|wxss|wxs|png|jpe?g|gif|svg|webp|bmp|ico|mp3|mp4|m4a|aac|wav|ogg|ttf|otf|woff2?|eot|cer|bin|glb|gltf)$/i

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length))
const lpad = (text: string, width: number) => ' '.repeat(Math.max(0, width - text.length)) + text

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(full) : [full]
  })
}

interface PackageSize {
  name: string
  bytes: number
  files: number
}

function weappPackages(): { packages: PackageSize[]; skipped: string[] } {
  const appJson = JSON.parse(fs.readFileSync(path.join(WEAPP, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((pkg) => pkg.root.replace(/\/?$/, '/'))
  const sizes = new Map<string, PackageSize>([['main', { name: 'main', bytes: 0, files: 0 }]])
  for (const root of roots) sizes.set(root, { name: root, bytes: 0, files: 0 })
  const skipped: string[] = []
  for (const file of walk(WEAPP)) {
    const relative = path.relative(WEAPP, file).split(path.sep).join('/')
    if (!PACKED.test(relative)) {
      skipped.push(relative)
      continue
    }
    const owner = sizes.get(roots.find((root) => relative.startsWith(root)) ?? 'main')!
    owner.bytes += fs.statSync(file).size
    owner.files += 1
  }
  return { packages: [...sizes.values()], skipped }
}

/** miniprogram-ci's figures for the same build (offline; see tests/weapp/support/code-quality.ts). */
async function miniprogramCiSizes(): Promise<Record<string, number> | undefined> {
  try {
    const results = await checkCodeQuality(WEAPP)
    return results.find((item) => item.name === 'PACKAGE_SIZE_LIMIT')?.detail as Record<string, number> | undefined
  } catch (error) {
    console.log(`  (miniprogram-ci check unavailable: ${(error as Error).message.split('\n')[0]})`)
    return undefined
  }
}

async function main(): Promise<number> {
  let exitCode = 0
  console.log('密云工会 — size report\n')

  if (!fs.existsSync(path.join(WEAPP, 'app.json'))) {
    console.log('✗ dist/weapp is missing: run `npm run build:weapp` first.')
    exitCode = 1
  } else {
    const { packages, skipped } = weappPackages()
    const ciSizes = await miniprogramCiSizes()
    console.log('WeChat mini-program (dist/weapp)')
    console.log(`  ${pad('package', 26)}${lpad('files', 6)}${lpad('bytes', 11)}${lpad('size', 11)}${lpad('miniprogram-ci', 16)}  status`)
    let total = 0
    for (const pkg of packages) {
      total += pkg.bytes
      const ciBytes = ciSizes?.[pkg.name === 'main' ? '__APP__' : pkg.name]
      let status = '✓'
      if (pkg.bytes > WECHAT_HARD_LIMIT) {
        status = '✗ over WeChat’s 2 MB limit'
        exitCode = 1
      } else if (pkg.bytes > WECHAT_WARNING) status = '⚠ over WeChat’s 1.5 MB warning line'
      else if (pkg.name === 'main' && pkg.bytes > MAIN_TARGET) status = `⚠ over the ${kb(MAIN_TARGET)} target`
      if (pkg.name === 'main') status += ` (target ≤ ${kb(MAIN_TARGET)})`
      console.log(
        `  ${pad(pkg.name === 'main' ? 'main (tab pages + runtime)' : pkg.name, 26)}${lpad(String(pkg.files), 6)}` +
          `${lpad(String(pkg.bytes), 11)}${lpad(kb(pkg.bytes), 11)}${lpad(ciBytes === undefined ? '—' : String(ciBytes), 16)}  ${status}`
      )
    }
    console.log(`  ${pad('total', 26)}${lpad('', 6)}${lpad(String(total), 11)}${lpad(kb(total), 11)}`)
    if (skipped.length) console.log(`  not packaged by WeChat: ${skipped.join(', ')}`)
    console.log()
  }

  if (!fs.existsSync(path.join(H5, 'index.html'))) {
    console.log('✗ dist/h5 is missing: run `npm run build:h5` first.')
    return 1
  }
  const { scripts, unmapped, referenced } = await h5FirstLoad(H5)
  console.log('H5 first load (JS Chromium fetched to render /, gzip -9)')
  console.log(`  index.html references: ${referenced.join(', ') || '(none)'}`)
  let raw = 0
  let gz = 0
  for (const script of scripts.sort((a, b) => b.gzip - a.gzip)) {
    raw += script.bytes
    gz += script.gzip
    console.log(`  ${pad(script.file, 34)}${lpad(kb(script.bytes), 11)}${lpad(kb(script.gzip), 11)} gz`)
  }
  for (const url of unmapped) console.log(`  (fetched, not a dist/h5 file: ${url})`)
  const status = gz <= H5_TARGET_GZ ? '✓' : `⚠ over the target`
  console.log(`  ${pad(`total (${scripts.length} files)`, 34)}${lpad(kb(raw), 11)}${lpad(kb(gz), 11)} gz  ${status} (target ≤ ${kb(H5_TARGET_GZ)} gz)`)
  return exitCode
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
