/**
 * npm run size:parts — what each part of the H5 first load costs (a report, not a test).
 *
 * Builds the production H5 app with source maps into dist/h5-parts (`taro build --type h5 --mode parts`: the same
 * scripts, maps beside them), measures the first load as `npm run size` does (Chromium opens `/` on the real
 * server), and traces every byte of those scripts through the maps to the package or app folder it comes from.
 * "gz alone" is each part gzipped by itself: the parts' figures add up to a little more than the files' gzip.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { SourceMapConsumer, type RawSourceMap } from 'source-map'
import { h5FirstLoad } from './h5-first-load'

const ROOT = path.resolve(__dirname, '..')
const OUT = path.join(ROOT, 'dist/h5-parts')

/** Taro's packages that run in the page (the others are build tools). */
const TARO_RUNTIME = [
  'api',
  'components',
  'components-react',
  'plugin-framework-react',
  'plugin-platform-h5',
  'react',
  'router',
  'runtime',
  'shared',
  'taro',
  'taro-h5'
]

/**
 * A Taro package ships maps of its own, which webpack follows: their sources come out as `../src/bom/document.ts`,
 * without the package. Which package has that file is read from the packages' maps.
 */
function taroSources(): Map<string, string> {
  const owners = new Map<string, Set<string>>()
  const walk = (pkg: string, dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(pkg, full)
      else if (entry.name.endsWith('.js.map')) {
        const map = JSON.parse(fs.readFileSync(full, 'utf8')) as RawSourceMap
        for (const source of map.sources) {
          // Some maps point a level too high (`../../src/…` from dist/): the file is what follows `src/`.
          const at = source.indexOf('src/')
          if (at >= 0) owners.set(source.slice(at), (owners.get(source.slice(at)) ?? new Set()).add(pkg))
        }
      }
    }
  }
  for (const name of TARO_RUNTIME) {
    const dist = path.join(ROOT, 'node_modules/@tarojs', name, 'dist')
    if (fs.existsSync(dist)) walk(`@tarojs/${name}`, dist)
  }
  return new Map([...owners].map(([file, pkgs]) => [file, [...pkgs].sort().join(' or ')]))
}

/** The part a source belongs to: an npm package by name, the app by its folder under src/, else webpack's own. */
function partOf(source: string | null, taro: Map<string, string>): string {
  if (!source) return '(webpack runtime, glue)'
  const inModules = source.lastIndexOf('node_modules/')
  if (inModules >= 0) {
    const [scope, name] = source.slice(inModules + 'node_modules/'.length).split('/')
    return scope.startsWith('@') ? `${scope}/${name}` : scope
  }
  const inPackage = /^webpack:\/\/[^/]+\/(?:\.\.\/)+(src\/.*)$/.exec(source)
  if (inPackage) return taro.get(inPackage[1]) ?? '@tarojs/? (a Taro package)'
  const inApp = source.indexOf('src/')
  if (inApp >= 0) {
    const folders = source.slice(inApp).split('/')
    return folders.length > 3 ? `app: ${folders.slice(0, 3).join('/')}/` : `app: ${folders.slice(0, 2).join('/')}`
  }
  return '(webpack runtime, glue)'
}

/** Each part's share of one minified file: the generated text between one mapping and the next is its source's. */
function splitByPart(code: string, map: RawSourceMap, taro: Map<string, string>): Map<string, string[]> {
  const lines = code.split('\n')
  const parts = new Map<string, string[]>()
  const add = (part: string, text: string) => {
    if (!text) return
    const list = parts.get(part) ?? []
    list.push(text)
    parts.set(part, list)
  }
  // The consumer normalises paths (`miyun-union/../src` → `src`), which would lose app vs package: sources by index.
  const consumer = new SourceMapConsumer({ ...map, sourceRoot: '', sources: map.sources.map((_, index) => String(index)) })
  const mappings: { line: number; column: number; source: string | null }[] = []
  consumer.eachMapping((mapping) =>
    mappings.push({
      line: mapping.generatedLine,
      column: mapping.generatedColumn,
      source: mapping.source === null ? null : map.sources[Number(mapping.source)]
    })
  )
  mappings.sort((a, b) => a.line - b.line || a.column - b.column)
  let at = { line: 1, column: 0, source: null as string | null }
  const textBetween = (from: typeof at, to: { line: number; column: number }) => {
    let text = ''
    for (let line = from.line; line <= to.line; line += 1) {
      const content = lines[line - 1] ?? ''
      const start = line === from.line ? from.column : 0
      const end = line === to.line ? to.column : content.length + 1
      text += (content + '\n').slice(start, end)
    }
    return text
  }
  for (const mapping of mappings) {
    add(partOf(at.source, taro), textBetween(at, mapping))
    at = mapping
  }
  add(partOf(at.source, taro), textBetween(at, { line: lines.length, column: (lines.at(-1) ?? '').length }))
  return parts
}

async function main(): Promise<number> {
  console.log('密云工会 — what the H5 first load is made of\n')
  const build = spawnSync('npx', ['taro', 'build', '--type', 'h5', '--mode', 'parts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' }
  })
  if (build.status !== 0) {
    console.log('✗ the H5 build (--mode parts) failed')
    return 1
  }
  const { scripts } = await h5FirstLoad(OUT)
  const taro = taroSources()
  const parts = new Map<string, string[]>()
  let filesGzip = 0
  for (const script of scripts) {
    filesGzip += script.gzip
    const file = path.join(OUT, script.file)
    const mapFile = `${file}.map`
    if (!fs.existsSync(mapFile)) throw new Error(`no source map for ${script.file}`)
    const split = splitByPart(fs.readFileSync(file, 'utf8'), JSON.parse(fs.readFileSync(mapFile, 'utf8')) as RawSourceMap, taro)
    for (const [part, texts] of split) parts.set(part, [...(parts.get(part) ?? []), ...texts])
  }
  const rows = [...parts].map(([part, texts]) => {
    const text = texts.join('')
    return { part, bytes: Buffer.byteLength(text), gzip: zlib.gzipSync(text, { level: 9 }).length }
  })
  rows.sort((a, b) => b.gzip - a.gzip)
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  console.log(`  ${'part'.padEnd(44)}${'minified'.padStart(11)}${'gz alone'.padStart(11)}`)
  for (const row of rows) console.log(`  ${row.part.padEnd(44)}${kb(row.bytes).padStart(11)}${kb(row.gzip).padStart(11)}`)
  console.log(`\n  ${scripts.length} files, ${kb(filesGzip)} gz as served (${scripts.map((script) => script.file).join(', ')})`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
