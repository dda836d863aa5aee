/**
 * Property: no request makes the API answer 5xx, and every refusal is `{ error: { code, message } }` with our own
 * code (never FST_…) and a Chinese message. Hostile values (odd and huge numbers, long strings, NUL, unicode,
 * __proto__/constructor keys, wrong types, deep and wide arrays) are generated for the path parameters, the query
 * and the JSON body of EVERY route the app declares (collected with an onRoute hook: a new route is fuzzed without
 * touching this file), shaped after each route's own schemas so they also reach the validators and the database,
 * as an anonymous caller and as a signed-in caller (an administrator; a worker for a worker's own /api/me routes).
 * Both databases.
 *
 * Bounded (RUNS_PER_ROUTE per route, callers mixed; FUZZ_RUNS to change) and seeded: the seed is printed, and
 * FUZZ_SEED=<seed> replays a run.
 */
import fc from 'fast-check'
import type { RouteOptions } from 'fastify'
import { FINITE_NUMBER_KEYWORD } from '@server/core/schemas/numbers'
import type { App } from '@server/app'
import { testDatabases } from './support/databases'
import { staffSession, type TestStaffer } from './support/staff'
import { signInWorker } from './support/workers'
import fs from 'node:fs'
import path from 'node:path'
import { buildTestApp, makeTempDir, removeTempDirs } from './support/test-app'

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_124)
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 12)

type Schema = Record<string, any>

const ODD_STRINGS = [
  '',
  ' ',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e400',
  '1e21',
  'NaN',
  '0x10',
  '-0',
  '1.0',
  ' 1',
  '9'.repeat(30),
  '2147483648',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '%E4',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '\u202e\u2066',
  '𠀀😀职工',
  '\ud800',
  'null',
  'true',
  '[]',
  '{}',
  '/media/uploads/../../x.jpg',
  '2026-02-30T09:00:00+08:00',
  '9999-12-31T23:59:59Z',
  '24:00',
  'x'.repeat(5000),
  '很'.repeat(3000)
]

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) }
)

const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'extra', ''), fc.string({ maxLength: 10 }))

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 1.5, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, 1e21, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true })
)

const { value: hostileJson } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
    // Wide: more items than any list may hold.
    fc.constantFrom(
      Array.from({ length: 1000 }, () => ''),
      Array.from({ length: 300 }, () => ({ type: 'paragraph', text: ' ' }))
    )
  )
}))

/** Values shaped after a schema: mostly right in form, hostile in content, sometimes wrong in form altogether. */
function shaped(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 8) return hostileJson
  let arbitrary: fc.Arbitrary<unknown>
  if (schema.const !== undefined) arbitrary = fc.constant(schema.const)
  else if (schema.enum) arbitrary = fc.constantFrom(...(schema.enum as unknown[]))
  else if (schema.anyOf) arbitrary = fc.oneof(...(schema.anyOf as Schema[]).map((branch) => shaped(branch, depth + 1)))
  else if (schema[FINITE_NUMBER_KEYWORD]) arbitrary = fc.oneof(hostileNumber, hostileString, fc.constant(null))
  else if (schema.properties) {
    const properties = schema.properties as Record<string, Schema>
    const record = fc.record(Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, shaped(child, depth + 1)])), {
      requiredKeys: Object.keys(properties).filter(() => true) as never[]
    })
    arbitrary = fc.oneof(
      { weight: 4, arbitrary: record },
      {
        weight: 1,
        arbitrary: fc.tuple(record, fc.dictionary(hostileKey, hostileJson, { maxKeys: 2 })).map(([known, extra]) => ({ ...extra, ...(known as object) }))
      },
      {
        weight: 1,
        arbitrary: fc.record(Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, shaped(child, depth + 1)])), { requiredKeys: [] })
      }
    )
  } else if (schema.items) arbitrary = fc.array(shaped(schema.items as Schema, depth + 1), { maxLength: 4 })
  else {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type]
    const options: fc.Arbitrary<unknown>[] = []
    if (types.includes('string')) options.push(hostileString)
    if (types.includes('boolean')) options.push(fc.boolean())
    if (types.includes('null')) options.push(fc.constant(null))
    if (types.includes('array') && schema.items) options.push(fc.array(shaped(schema.items, depth + 1), { maxLength: 4 }))
    arbitrary = options.length > 0 ? fc.oneof(...options) : hostileJson
  }
  return fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: hostileJson })
}

/** encodeURIComponent throws on a lone surrogate: that one is sent as the bytes of one (not UTF-8 at all). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return `${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`
  }
}

/** A query string: the schema's own parameters and strangers, each value a hostile string or a repeated one. */
function queryOf(schema: Schema | undefined): fc.Arbitrary<string> {
  const names = Object.keys((schema?.properties as object) ?? {})
  const name = names.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: hostileKey }) : hostileKey
  const pair = fc
    .tuple(name, hostileString, fc.boolean())
    .map(([key, value, raw]) => (raw ? `${key}=${value.replace(/[#&\s]/g, '')}` : `${encode(key)}=${encode(value)}`))
  return fc.array(pair, { maxLength: 3 }).map((pairs) => (pairs.length > 0 ? `?${pairs.join('&')}` : ''))
}

function pathOf(url: string): fc.Arbitrary<string> {
  const parts = url.split('/').map((segment) => {
    if (segment === '*') return fc.array(hostileString.map(encode), { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join('/'))
    if (!segment.startsWith(':')) return fc.constant(segment)
    return fc.oneof(
      hostileString.map((value) => encode(value).slice(0, 300)),
      fc.constantFrom('blueprint-15th', 'legal-aid', 'K7M2QX', 'a', '%2e%2e', '%', '%00')
    )
  })
  return fc.tuple(...parts).map((segments) => segments.join('/'))
}

interface Call {
  path: string
  query: string
  body: { json: unknown } | { raw: string } | undefined
}

function callsOf(route: RouteOptions): fc.Arbitrary<Call> {
  const schema = (route.schema ?? {}) as Schema
  const takesBody = route.method !== 'GET' && route.method !== 'HEAD' && route.method !== 'DELETE'
  const json = shaped(schema.body as Schema | undefined).map((value) => ({ json: value }))
  const raw = fc.constantFrom('{bad', '', '[1,', '{"a":1e400}', '{"__proto__":{"x":1}}', 'null', '"x"', '1e400').map((text) => ({ raw: text }))
  const body = takesBody ? fc.oneof({ weight: 5, arbitrary: json }, { weight: 1, arbitrary: raw }) : fc.constant(undefined)
  return fc.record({ path: pathOf(route.url), query: queryOf(schema.querystring as Schema | undefined), body })
}

const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]).filter((method) => method !== 'HEAD')

describe.each(testDatabases('fuzz'))('every route under hostile input ($name)', ({ setUp }) => {
  let app: App
  let tearDown: () => Promise<void>
  let admin: TestStaffer
  const routes: RouteOptions[] = []

  beforeAll(async () => {
    const database = await setUp()
    tearDown = database.tearDown
    // An H5 build to serve, as in production (without one, every app page is the designed 503 「网页版尚未构建」).
    const h5Dir = makeTempDir('miyun-fuzz-h5-')
    fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>密云工会</title>')
    app = buildTestApp({ env: database.env, h5Dir })
    app.addHook('onRoute', (route) => {
      routes.push(route)
    })
    await app.ready()
    admin = await staffSession(app, ['admin'])
    console.info(`fuzz-routes: seed ${SEED} (FUZZ_SEED=${SEED} replays this run)`)
  })
  afterAll(async () => {
    await app?.close()
    await tearDown?.()
    removeTempDirs()
  })

  it('zero 5xx, and every refusal is ours', async () => {
    const covered = new Set<string>()
    const statuses = new Map<number, number>()
    for (const route of routes) {
      for (const method of methodsOf(route)) {
        const name = `${method} ${route.url}`
        covered.add(name)
        // Logging out would end the caller's session for the routes after it: a session of its own each time.
        const ownSession = method === 'DELETE' && (route.url === '/api/staff/session' || route.url === '/api/me/session')
        const workerRoute = /^\/api\/me(\/|$)/.test(route.url)
        const signedIn = async () => {
          if (workerRoute) return (await signInWorker(app)).headers
          return (ownSession ? await staffSession(app, ['admin']) : admin).headers
        }
        // A PDF of every station takes a while to draw; a few are enough to show a valid query does not fail.
        const runs = route.url.endsWith('.pdf') ? 3 : RUNS_PER_ROUTE
        await fc.assert(
          fc.asyncProperty(callsOf({ ...route, method }), fc.boolean(), async (call, asAdmin) => {
            const headers: Record<string, string> = {}
            if (asAdmin) Object.assign(headers, await signedIn())
            let payload: string | undefined
            if (call.body && 'raw' in call.body) payload = call.body.raw
            else if (call.body) payload = JSON.stringify(call.body.json) ?? 'null'
            if (payload !== undefined) headers['content-type'] = 'application/json'
            const url = `${call.path}${call.query}`
            const response = await app.inject({ method: method as 'GET', url, headers, payload })
            statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
            const where = `${method} ${url} ${payload?.slice(0, 300) ?? ''} → ${response.statusCode} ${response.body.slice(0, 300)}`
            if (response.statusCode >= 500) throw new Error(`5xx: ${where}`)
            if (response.statusCode >= 400 && (response.headers['content-type'] ?? '').toString().startsWith('application/json')) {
              const error = response.json().error
              if (typeof error?.code !== 'string' || typeof error?.message !== 'string') throw new Error(`not our shape: ${where}`)
              if (/^FST_/.test(error.code)) throw new Error(`Fastify's own code: ${where}`)
              if (!/[\u4e00-\u9fff]/.test(error.message)) throw new Error(`not in Chinese: ${where}`)
            }
          }),
          { seed: SEED, numRuns: runs, endOnFailure: true }
        )
      }
    }
    console.info(`fuzz-routes: ${covered.size} routes, answers by status ${JSON.stringify(Object.fromEntries(statuses))}`)
    expect(covered.size).toBeGreaterThan(40)
    // The generated bodies are shaped after the schemas, so some get through to the handlers and the database.
    expect([...statuses.keys()].some((status) => status >= 200 && status < 300)).toBe(true)
  }, 240_000)
})
