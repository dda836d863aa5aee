/**
 * The request schemas of every route the app registers (collected as they are declared, so a new route is covered
 * without touching this file) keep to the house rules:
 * - every string in a body or query has a bound (maxLength, an enum or a const), every array a maxItems
 *   (server/core/schemas/caps.ts);
 * - no number is a bare `type: number|integer`, which Ajv's coercion lets through as Infinity: numbers go through
 *   FiniteInteger/FiniteNumber (server/core/schemas/numbers.ts).
 * Path parameters are bounded by the router (maxParamLength), so their strings need no maxLength of their own.
 * And the error body of the biggest bodies a route accepts is small, whatever is wrong with them.
 */
import type { RouteOptions } from 'fastify'
import { FINITE_NUMBER_KEYWORD } from '@server/core/schemas/numbers'
import type { App } from '@server/app'
import { useEditorApp } from './support/staff'
import { buildTestApp } from './support/test-app'

type Schema = Record<string, unknown>

interface Finding {
  route: string
  path: string
  problem: string
}

const typesOf = (schema: Schema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type as string])

/** Every node of a JSON schema, with its path from the part's root. */
function* nodesOf(schema: unknown, path: string): Generator<{ node: Schema; path: string }> {
  if (!schema || typeof schema !== 'object') return
  const node = schema as Schema
  yield { node, path }
  for (const [key, child] of Object.entries((node.properties as Record<string, unknown>) ?? {})) yield* nodesOf(child, `${path}.${key}`)
  if (node.items) yield* nodesOf(node.items, `${path}[]`)
  if (node.additionalProperties && typeof node.additionalProperties === 'object') yield* nodesOf(node.additionalProperties, `${path}{}`)
  for (const combinator of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const [index, branch] of ((node[combinator] as unknown[]) ?? []).entries()) yield* nodesOf(branch, `${path}<${index}>`)
  }
}

function findings(route: string, part: 'body' | 'querystring' | 'params', schema: unknown): Finding[] {
  const found: Finding[] = []
  for (const { node, path } of nodesOf(schema, part)) {
    const types = typesOf(node)
    if (types.includes('number') || types.includes('integer')) {
      found.push({ route, path, problem: `a bare ${types.join('/')}: use FiniteInteger or FiniteNumber` })
    }
    const boundedString = node.maxLength !== undefined || node.enum !== undefined || node.const !== undefined
    if (types.includes('string') && part !== 'params' && !boundedString) found.push({ route, path, problem: 'a string without maxLength, enum or const' })
    if (types.includes('array') && node.maxItems === undefined) found.push({ route, path, problem: 'an array without maxItems' })
    if (node[FINITE_NUMBER_KEYWORD] && node.type !== undefined) found.push({ route, path, problem: 'a finite number with a type Ajv would coerce first' })
  }
  return found
}

describe('request schemas of every route', () => {
  let app: App
  const routes: RouteOptions[] = []

  beforeAll(async () => {
    app = buildTestApp()
    // Before ready(): the app's plugins declare their routes while it gets ready.
    app.addHook('onRoute', (route) => {
      routes.push(route)
    })
    await app.ready()
  })
  afterAll(() => app.close())

  it('sees the whole API', () => {
    const api = routes.filter((route) => route.url.startsWith('/api/'))
    expect(api.length).toBeGreaterThan(40)
    expect(api.some((route) => route.url === '/api/staff/stations/:id' && route.method === 'PUT')).toBe(true)
  })

  it('bound every string and array, and take numbers only through the finite-number keyword', () => {
    const all = routes.flatMap((route) => {
      const schema = (route.schema ?? {}) as Record<string, unknown>
      const name = `${route.method} ${route.url}`
      return (['body', 'querystring', 'params'] as const).flatMap((part) => findings(name, part, schema[part]))
    })
    expect(all).toEqual([])
  })

  it('the walk itself catches what it is for', () => {
    expect(findings('x', 'body', { type: 'object', properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'integer' } } } })).toEqual([
      { route: 'x', path: 'body.a', problem: 'a string without maxLength, enum or const' },
      { route: 'x', path: 'body.b', problem: 'an array without maxItems' },
      { route: 'x', path: 'body.b[]', problem: 'a bare integer: use FiniteInteger or FiniteNumber' }
    ])
  })
})

describe('the biggest bodies a route accepts', () => {
  const desk = useEditorApp()

  /** What a staffer's form could never send, but a script can: refused, and the answer stays a few hundred bytes. */
  const SMALL_ANSWER = 2048

  it('a station with 149 000 photos (1 MB) is refused with a small answer', async () => {
    const station = (await desk.app.inject({ url: '/api/staff/stations', headers: desk.editor.headers })).json()[0]
    const full = (await desk.app.inject({ url: `/api/staff/stations/${station.id}`, headers: desk.editor.headers })).json()
    const { id: _id, code: _code, closedReason: _closed, cover: _cover, updatedAt: _at, updatedBy: _by, ...input } = full
    void [_id, _code, _closed, _cover, _at, _by]
    const payload = JSON.stringify({ ...input, photos: Array.from({ length: 149_000 }, (_, index) => `/ab${index % 10}`) })
    expect(payload.length).toBeGreaterThan(900_000)
    const response = await desk.app.inject({
      method: 'PUT',
      url: `/api/staff/stations/${station.id}`,
      headers: { ...desk.editor.headers, 'content-type': 'application/json' },
      payload
    })
    expect(response.statusCode).toBe(400)
    expect(response.body.length).toBeLessThan(SMALL_ANSWER)
    expect(response.json().error.message).toMatch(/^参数 photos 无效：照片应为/)
  })

  it('3.8 MB of blank news blocks are refused with a small answer', async () => {
    const blocks = Array.from({ length: 123_000 }, () => ({ type: 'paragraph', text: '' }))
    const payload = JSON.stringify({ title: '', category: '通知公告', summary: '', cover: null, pinned: false, blocks, sample: false, sampleNote: null })
    expect(payload.length).toBeGreaterThan(3_800_000)
    const response = await desk.app.inject({
      method: 'POST',
      url: '/api/staff/news',
      headers: { ...desk.editor.headers, 'content-type': 'application/json' },
      payload
    })
    expect(response.statusCode).toBe(400)
    expect(response.body.length).toBeLessThan(SMALL_ANSWER)
  })

  it('a body just inside the caps but full of mistakes lists at most 20 problems', async () => {
    const blocks = Array.from({ length: 200 }, () => ({ type: 'paragraph', text: ' ' }))
    const response = await desk.app.inject({
      method: 'POST',
      url: '/api/staff/news',
      headers: desk.editor.headers,
      payload: { title: ' ', category: '通知公告', summary: ' ', cover: null, pinned: false, blocks, sample: false, sampleNote: null }
    })
    expect(response.statusCode).toBe(400)
    const { error } = response.json()
    expect(error.code).toBe('INVALID_FIELD')
    expect(error.problems).toHaveLength(20)
    expect(error.problems.slice(0, 3).map((problem: { field: string }) => problem.field)).toEqual(['title', 'summary', 'blocks'])
    expect(response.body.length).toBeLessThan(4096)
  })

  it('a 900 000-character icon never reaches 首页', async () => {
    const { plan, version } = (await desk.app.inject({ url: '/api/staff/plan', headers: desk.editor.headers })).json()
    for (const figure of [{ icon: 'x'.repeat(900_000) }, { group: '组'.repeat(300_000) }, { prefix: '近'.repeat(1000) }]) {
      const response = await desk.app.inject({
        method: 'PUT',
        url: '/api/staff/plan',
        headers: desk.editor.headers,
        payload: { plan: { ...plan, figures: [{ ...plan.figures[0], ...figure }, ...plan.figures.slice(1)] }, version }
      })
      expect(response.statusCode).toBe(400)
    }
    const source = await desk.app.inject({
      method: 'PUT',
      url: '/api/staff/plan',
      headers: desk.editor.headers,
      payload: { plan: { ...plan, source: '文'.repeat(300) }, version }
    })
    expect(source.statusCode).toBe(400)
    expect(source.json().error).toMatchObject({ code: 'INVALID_FIELD', field: 'plan.source', message: '来源不能超过 200 字（现 300 字）' })
    const home = await desk.app.inject({ url: '/api/home' })
    expect(home.body.length).toBeLessThan(60_000)
  })
})
