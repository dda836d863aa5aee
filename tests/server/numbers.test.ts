/**
 * Every number a request carries is finite and bounded: `?page=Infinity` or a version of 1e400 is a 400 naming the
 * parameter, never a 500 from the database (SQLite 「datatype mismatch」, PostgreSQL 「invalid input syntax for type
 * bigint」). Query strings, path parameters and JSON bodies, on both databases.
 */
import { stationInputOf } from '@/domain/station-input'
import { FiniteInteger, finiteNumberOf } from '@server/core/schemas/numbers'
import type { App } from '@server/app'
import { testDatabases } from './support/databases'
import { staffSession, type TestStaffer } from './support/staff'
import { buildTestApp } from './support/test-app'

/** What a query string can say for a number that is not a plain decimal within the bounds. */
const HOSTILE_QUERY_NUMBERS = [
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e400',
  '1e21',
  '1e3',
  '0x10',
  '0b11',
  '0o7',
  '%201',
  '1%20',
  '1.0',
  '1.5',
  '+1',
  '-0',
  'NaN',
  '1_000',
  '',
  '9007199254740993',
  '99999999999999999999'
]
/** And a JSON body (1e400 parses to Infinity; strings are what a careless client sends). */
const HOSTILE_BODY_NUMBERS: unknown[] = ['Infinity', '-Infinity', '1e400', '0x10', ' 1', '1.0e0', 'NaN', '', true, [], {}, [1]]
const HOSTILE_BODY_JSON_LITERALS = ['1e400', '-1e400', '1e999999']

describe('finiteNumberOf', () => {
  const page = { integer: true, minimum: 1, maximum: 10_000 }
  it('takes numbers and plain decimal strings within the bounds', () => {
    expect(finiteNumberOf(page, 1)).toBe(1)
    expect(finiteNumberOf(page, '10000')).toBe(10_000)
    expect(finiteNumberOf({ integer: false }, '-40.376')).toBe(-40.376)
    expect(finiteNumberOf({ integer: false, nullable: true }, null)).toBeNull()
  })
  it('refuses everything else', () => {
    for (const value of [...HOSTILE_QUERY_NUMBERS.map(decodeURIComponent), Infinity, -Infinity, NaN, 0, 10_001, 1.5, null, true, [1], {}]) {
      expect({ value, parsed: finiteNumberOf(page, value) }).toEqual({ value, parsed: undefined })
    }
    for (const value of [Infinity, '1e5', '0x1', ' 2', '.5', '5.']) expect(finiteNumberOf({ integer: false }, value)).toBeUndefined()
  })
  it('needs safe integer bounds', () => {
    expect(() => FiniteInteger({ minimum: 1, maximum: Infinity, description: 'x' })).toThrow()
    expect(() => FiniteInteger({ minimum: 2, maximum: 1, description: 'x' })).toThrow()
  })
})

describe.each(testDatabases('numbers'))('numbers in requests ($name)', ({ setUp }) => {
  let app: App
  let tearDown: () => Promise<void>
  let admin: TestStaffer

  beforeAll(async () => {
    const database = await setUp()
    tearDown = database.tearDown
    app = buildTestApp({ env: database.env })
    await app.ready()
    admin = await staffSession(app, ['admin'])
  })
  afterAll(async () => {
    await app?.close()
    await tearDown?.()
  })

  function expectRefusal(response: Awaited<ReturnType<App['inject']>>, parameter: string, what: string) {
    expect({ what, status: response.statusCode }).toEqual({ what, status: 400 })
    const { error } = response.json()
    expect(error.code).toBe('INVALID_PARAMETER')
    expect(error.message).toContain(`参数 ${parameter} 无效`)
  }

  it('page: a plain decimal within 1–10000 on every paged list, anything else a 400 naming page', async () => {
    const lists = [
      { url: '/api/news', headers: {} },
      { url: '/api/competitions', headers: {} },
      { url: '/api/staff/news', headers: admin.headers },
      { url: '/api/staff/audit', headers: admin.headers }
    ]
    for (const { url, headers } of lists) {
      expect((await app.inject({ url: `${url}?page=2`, headers })).statusCode).toBe(200)
      for (const value of HOSTILE_QUERY_NUMBERS) {
        expectRefusal(await app.inject({ url: `${url}?page=${value}`, headers }), 'page', `${url}?page=${value}`)
      }
    }
  })

  it('version, latitude, amount and quota in bodies: never Infinity, hex or out of range', async () => {
    const news = (await app.inject({ url: '/api/staff/news', headers: admin.headers })).json().items[0]
    const station = (await app.inject({ url: '/api/staff/stations', headers: admin.headers })).json()[0]
    const stationFull = (await app.inject({ url: `/api/staff/stations/${station.id}`, headers: admin.headers })).json()
    const plan = (await app.inject({ url: '/api/staff/plan', headers: admin.headers })).json()
    const competition = (await app.inject({ url: '/api/staff/competitions', headers: admin.headers })).json()[0]
    const competitionFull = (await app.inject({ url: `/api/staff/competitions/${competition.id}`, headers: admin.headers })).json()
    const { id: _id, status: _status, version, updatedAt: _at, updatedBy: _by, ...competitionInput } = competitionFull
    void [_id, _status, _at, _by]

    const cases: { parameter: string; url: string; method: 'POST' | 'PUT'; body: (value: unknown) => unknown; outOfRange: number[] }[] = [
      {
        parameter: 'version',
        method: 'POST',
        url: `/api/staff/news/${news.id}/unpublish`,
        body: (value) => ({ version: value }),
        outOfRange: [0, -1, 1.5, 2 ** 31]
      },
      // The range of a coordinate is the shared rule's to say (「纬度应在 18–54 之间」); the schema only wants a number.
      {
        parameter: 'latitude',
        method: 'PUT',
        url: `/api/staff/stations/${station.id}`,
        body: (value) => ({ ...stationInputOf(stationFull), version: stationFull.version, latitude: value }),
        outOfRange: []
      },
      {
        parameter: 'plan',
        method: 'PUT',
        url: '/api/staff/plan',
        body: (value) => ({ plan: { ...plan.plan, figures: [{ ...plan.plan.figures[0], amount: value }] }, version: plan.version }),
        outOfRange: [1e21]
      },
      {
        parameter: 'quota',
        method: 'PUT',
        url: `/api/staff/competitions/${competition.id}`,
        body: (value) => ({ ...competitionInput, quota: value, version }),
        outOfRange: []
      }
    ]
    for (const { parameter, url, method, body, outOfRange } of cases) {
      for (const value of [...HOSTILE_BODY_NUMBERS, ...outOfRange]) {
        const response = await app.inject({ method, url, headers: admin.headers, payload: body(value) as object })
        expectRefusal(response, parameter, `${url} ${JSON.stringify(value)}`)
      }
      for (const literal of HOSTILE_BODY_JSON_LITERALS) {
        const json = JSON.stringify(body('__NUMBER__')).replace('"__NUMBER__"', literal)
        const response = await app.inject({ method, url, headers: { ...admin.headers, 'content-type': 'application/json' }, payload: json })
        expectRefusal(response, parameter, `${url} ${literal}`)
      }
    }
    // A plain decimal string is still read as the number it says.
    const withdrawn = await app.inject({
      method: 'POST',
      url: `/api/staff/news/${news.id}/unpublish`,
      headers: admin.headers,
      payload: { version: String(news.version) }
    })
    expect(withdrawn.statusCode).toBe(200)
    expect(withdrawn.json().version).toBe(news.version + 1)
  })

  it('a version past what the database column holds is a 400, not a 500', async () => {
    const news = (await app.inject({ url: '/api/staff/news', headers: admin.headers })).json().items[1]
    for (const value of [2 ** 31, 2 ** 53, Number.MAX_VALUE]) {
      const response = await app.inject({ method: 'POST', url: `/api/staff/news/${news.id}/unpublish`, headers: admin.headers, payload: { version: value } })
      expectRefusal(response, 'version', String(value))
    }
  })
})
