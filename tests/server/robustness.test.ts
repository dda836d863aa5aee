/**
 * No input crashes the API or produces a 5xx: odd or hostile input is a 4xx with the error shape, or a normal 200.
 */
import type { App } from '@server/app'
import { ERROR_LEVEL, logCollector } from './support/log'
import { buildTestApp } from './support/test-app'

const HOSTILE_VALUES = [
  '',
  ' ',
  '0',
  '-1',
  '1.5',
  '1e3',
  '99999999',
  '99999999999999999999999',
  'abc',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  "' OR 1=1 --",
  '"; DROP TABLE news; --',
  '%',
  '%25',
  '_',
  '\\',
  '%00',
  '%E4',
  '%E4%B8',
  '%%%',
  '%ZZ',
  encodeURIComponent('\u0000'),
  encodeURIComponent('职工😀𠮷'),
  encodeURIComponent('‮‭'),
  encodeURIComponent('<script>alert(1)</script>'),
  encodeURIComponent('很'.repeat(50)),
  encodeURIComponent('很'.repeat(51)),
  'x'.repeat(5000),
  encodeURIComponent('关爱暖心'),
  'signup',
  encodeURIComponent('养蜂')
]

const LIST_PATHS = ['/api/news', '/api/competitions', '/api/services', '/api/plan', '/api/home', '/api/health']
const PARAM_NAMES = ['q', 'page', 'category', 'status', 'trade', 'foo', '__proto__', 'constructor', 'page[]', 'q[0]']

const DETAIL_PATHS = ['/api/news/', '/api/competitions/', '/api/services/']
const HOSTILE_IDS = [
  'a',
  'A',
  '-',
  '..',
  '%2e%2e%2fetc%2fpasswd',
  '..%2F..%2Fserver',
  '%00',
  '%',
  '%E4',
  encodeURIComponent('中文'),
  encodeURIComponent("' OR '1'='1"),
  'a'.repeat(64),
  'a'.repeat(65),
  'a'.repeat(500),
  'legal-aid%20',
  'legal-aid?x=1',
  'legal-aid/extra',
  '__proto__',
  'constructor'
]

/** A small deterministic generator, so a failure reproduces. */
function* randomQueries(count: number): Generator<string> {
  let seed = 20261124
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const alphabet = ['a', 'Z', '9', '-', '_', '%', '&', '=', '?', '#', '+', ' ', '中', '职', '😀', "'", '"', ';', '/', '\\', '[', ']']
  for (let i = 0; i < count; i++) {
    const length = Math.floor(next() * 40)
    let text = ''
    for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)]
    const name = PARAM_NAMES[Math.floor(next() * PARAM_NAMES.length)]
    yield `${LIST_PATHS[Math.floor(next() * LIST_PATHS.length)]}?${name}=${encodeURIComponent(text)}`
  }
}

describe('no input crashes the API', () => {
  let app: App
  beforeAll(async () => {
    app = buildTestApp()
    await app.ready()
  })
  afterAll(() => app.close())

  async function expectNoServerError(url: string) {
    const response = await app.inject({ method: 'GET', url })
    if (response.statusCode >= 500) throw new Error(`${url} → ${response.statusCode} ${response.body}`)
    expect(response.statusCode).toBeLessThan(500)
    if (response.statusCode >= 400) {
      const body = response.json()
      expect(typeof body.error.code).toBe('string')
      // A worker-facing message: Chinese, never a stack trace or an English framework message.
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/)
      expect(body.error.message).not.toMatch(/at |Error|FST_/)
    }
    return response
  }

  it('survives hostile values in every query parameter of every endpoint', async () => {
    for (const path of LIST_PATHS) {
      for (const name of PARAM_NAMES) {
        for (const value of HOSTILE_VALUES) await expectNoServerError(`${path}?${name}=${value}`)
      }
    }
  })

  it('survives hostile ids', async () => {
    for (const path of DETAIL_PATHS) {
      for (const id of HOSTILE_IDS) await expectNoServerError(path + id)
    }
  })

  it('survives repeated and combined parameters', async () => {
    for (const url of [
      '/api/news?page=1&page=2',
      '/api/news?q=a&q=b',
      '/api/news?category=%E5%85%B3%E7%88%B1%E6%9A%96%E5%BF%83&category=%E5%85%B3%E7%88%B1%E6%9A%96%E5%BF%83',
      '/api/competitions?status=signup&status=ended',
      '/api/competitions?trade=%E5%85%BB%E8%9C%82&trade=x',
      '/api/news?&&&',
      '/api/news?=1',
      '/api/news?page',
      '/api/news??page=1',
      '/api/news#fragment'
    ]) {
      await expectNoServerError(url)
    }
  })

  it('survives 300 random queries', async () => {
    for (const url of randomQueries(300)) await expectNoServerError(url)
  })

  it('answers the documented 400s for the classic mistakes', async () => {
    expect((await expectNoServerError('/api/news?page=0')).statusCode).toBe(400)
    expect((await expectNoServerError('/api/news?page=abc')).statusCode).toBe(400)
    expect((await expectNoServerError('/api/news?page=99999999')).statusCode).toBe(400)
    expect((await expectNoServerError('/api/news?page=1&page=2')).statusCode).toBe(400)
    expect((await expectNoServerError(`/api/news?q=${'x'.repeat(5000)}`)).statusCode).toBe(400)
    expect((await expectNoServerError('/api/competitions?status=foo')).statusCode).toBe(400)
    expect((await expectNoServerError('/api/competitions?trade=unknown')).statusCode).toBe(400)
    expect((await expectNoServerError('/api/news/%')).statusCode).toBe(400)
  })

  it('answers unknown API paths and methods with a JSON 404', async () => {
    for (const url of ['/api', '/api/', '/api/nothing', '/api/news/a/b', '/api/NEWS']) {
      const response = await expectNoServerError(url)
      expect(response.statusCode).toBe(404)
      expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: '未找到该接口' } })
    }
    const post = await app.inject({ method: 'POST', url: '/api/news', payload: { title: 'x' } })
    expect(post.statusCode).toBe(404)
    expect(post.json().error.code).toBe('NOT_FOUND')
  })

  it('hides the cause of a server error and logs it', async () => {
    const log = logCollector()
    const failing = buildTestApp({ env: { LOG_LEVEL: 'error' }, logStream: log.stream })
    try {
      await failing.ready()
      // The database going away under a running server is the kind of failure a worker must never see the details of.
      await failing.db.destroy()
      const response = await failing.inject({ url: '/api/plan' })
      expect(response.statusCode).toBe(500)
      expect(response.json()).toEqual({ error: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后重试' } })
      const logged = log.lines.find((entry) => entry.level === ERROR_LEVEL)
      expect(logged?.err?.message).toBeTruthy()
      expect(logged?.err?.stack).toBeTruthy()
    } finally {
      await failing.close().catch(() => undefined)
    }
  })
})
