/**
 * The server's core stays horizontal: no file under server/core imports a domain slice (server/news, server/stations
 * …) or anything of the app but the src/domain barrel. A slice that core needs something from hands it in through an
 * interface core defines (the session store, the clock changes of cached answers, router error answers).
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(__dirname, '..', '..')
const SERVER = path.join(ROOT, 'server')
const CORE = path.join(SERVER, 'core')
const DOMAIN_BARREL = path.join(ROOT, 'src', 'domain')

/** Every module a source file names: imports, re-exports, import() and require(). */
function specifiersOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName)
}

/** What a core file at `file` may not import, with the reason; an empty list when it keeps to the rule. */
function boundaryBreaches(file: string, source: string): string[] {
  return specifiersOf(source).flatMap((specifier) => {
    if (!specifier.startsWith('.')) return []
    const target = path.resolve(path.dirname(file), specifier)
    if (target === CORE || target.startsWith(CORE + path.sep)) return []
    if (target === DOMAIN_BARREL) return []
    const where = path.relative(ROOT, target)
    return [`${path.relative(ROOT, file)} imports ${specifier} (${where}): core must not depend on it`]
  })
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : []
  })
}

describe('server/core', () => {
  it('imports no domain slice and nothing of src but the src/domain barrel', () => {
    const files = sourceFiles(CORE)
    expect(files.length).toBeGreaterThan(20)
    const breaches = files.flatMap((file) => boundaryBreaches(file, fs.readFileSync(file, 'utf8')))
    expect(breaches).toEqual([])
  })

  it('would be caught importing a slice, a domain module past the barrel or the app', () => {
    const file = path.join(CORE, 'auth', 'plugin.ts')
    const source = [
      "import { staffMeFromRow } from '../../accounts/repository'",
      "export { stationQrAnswer } from '../../stations/schema'",
      "import { beijing } from '../../../src/domain/dates'",
      "const app = require('../../app')",
      "const late = () => import('../../news/rows')",
      "import { HttpError } from '../errors'",
      "import { hasRole } from '../../../src/domain'",
      "import Fastify from 'fastify'"
    ].join('\n')
    expect(boundaryBreaches(file, source)).toEqual([
      'server/core/auth/plugin.ts imports ../../accounts/repository (server/accounts/repository): core must not depend on it',
      'server/core/auth/plugin.ts imports ../../stations/schema (server/stations/schema): core must not depend on it',
      'server/core/auth/plugin.ts imports ../../../src/domain/dates (src/domain/dates): core must not depend on it',
      'server/core/auth/plugin.ts imports ../../app (server/app): core must not depend on it',
      'server/core/auth/plugin.ts imports ../../news/rows (server/news/rows): core must not depend on it'
    ])
  })
})
