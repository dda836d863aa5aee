/**
 * `npm run bench`, sign-ups (issue 11): POST /api/me/signups at 50 connections, every commit synced to disk (SQLite
 * `synchronous = FULL`), next to a bare Fastify POST route on the same terms (the floor). Each request is a real new
 * sign-up: a fresh (worker, event) pair and idempotency key, so no answer is a replay. autocannon runs in a worker
 * thread, as for the other figures (its per-request hook is the module bench-signup-request.js, which a worker can load).
 * Target (issue 11): sign-up p99 ≤ 60 ms.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import { PRIVACY_NOTICE_VERSION, toUtcIso, type ActivityInput } from '@/domain'
import type { App } from '@server/app'

interface Result {
  requests: { average: number; total?: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
}
interface Request {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string
  /** With autocannon's worker thread: the absolute path of a module exporting the function. */
  setupRequest?: string
}
interface Options {
  url: string
  connections: number
  duration: number
  workers: number
  requests: Request[]
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped package, typed by the annotation
const autocannon: (options: Options) => Promise<Result> = require('autocannon')

const CONNECTIONS = 50
const EVENTS = 20
const WORKERS = 600

const line = (name: string, result: Result) =>
  `${name.padEnd(28)} ${result.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(result.latency.p50).padStart(3)} ms   p99 ${String(result.latency.p99).padStart(3)} ms` +
  (result.non2xx + result.errors > 0 ? `  (非 2xx：${result.non2xx}，错误：${result.errors})` : '')

async function signedInWorkers(appAddress: string, count: number): Promise<string[]> {
  const tokens: string[] = []
  for (let index = 0; index < count; index++) {
    const session = await fetch(`${appAddress}/api/me/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceSecret: randomBytes(32).toString('base64url') })
    })
    const { token } = (await session.json()) as { token: string }
    await fetch(`${appAddress}/api/me/consent`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ version: PRIVACY_NOTICE_VERSION })
    })
    tokens.push(token)
  }
  return tokens
}

export async function benchSignups(app: App, appAddress: string, durationSeconds: number): Promise<void> {
  const now = Date.now()
  const day = 24 * 60 * 60 * 1000
  const input = (index: number): ActivityInput => ({
    title: `压测活动 ${index + 1}`,
    kind: 'sports',
    summary: '压测',
    cover: null,
    place: '职工之家',
    stationCode: null,
    capacity: 10000,
    eligibility: '职工',
    womenOnly: false,
    reviewRequired: false,
    blocks: [{ type: 'paragraph', text: '压测' }],
    contact: null,
    sample: false,
    sampleNote: null,
    signupStartsAt: toUtcIso(now - day),
    signupEndsAt: toUtcIso(now + day),
    eventStartsAt: toUtcIso(now + 2 * day),
    eventEndsAt: toUtcIso(now + 2 * day + 3600_000)
  })
  const editor = { id: 'bench', displayName: '压测' }
  const events: string[] = []
  for (let index = 0; index < EVENTS; index++) events.push((await app.repositories.staffActivities.create(input(index), editor, new Date())).id)
  const tokens = await signedInWorkers(appAddress, WORKERS)

  // The plan the load generator's worker thread reads (bench-signup-request.js): who signs up for what.
  const planFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-bench-signups-')), 'plan.json')
  fs.writeFileSync(planFile, JSON.stringify({ tokens, events }))
  process.env.BENCH_SIGNUP_PLAN = planFile
  const signup: Request = { method: 'POST', path: '/api/me/signups', setupRequest: path.join(__dirname, 'bench-signup-request.js') }
  const bare = Fastify({ logger: false })
  bare.post('/bare', async (request) => ({ echo: request.body }))
  const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 })
  try {
    const bareRequest: Request = { method: 'POST', path: '/bare', headers: { 'content-type': 'application/json' }, body: '{"a":1}' }
    const bareResult = await autocannon({ url: bareAddress, connections: CONNECTIONS, duration: durationSeconds, workers: 1, requests: [bareRequest] })
    const signupResult = await autocannon({ url: appAddress, connections: CONNECTIONS, duration: durationSeconds, workers: 1, requests: [signup] })
    const submitted = signupResult.requests.total ?? 0
    console.log(`报名（${CONNECTIONS} 个连接，每次提交都同步落盘，${WORKERS} 名职工 × ${EVENTS} 个活动，每个请求都是新报名；压测器在自己的线程）`)
    console.log(line('裸 Fastify POST /bare', bareResult))
    console.log(line('报名 POST /api/me/signups', signupResult))
    console.log(`报名 p99 = ${signupResult.latency.p99} ms（目标 ≤ 60 ms）；共 ${submitted} 次提交，超出 ${WORKERS * EVENTS} 对后为「已报名」回答`)
  } finally {
    await bare.close()
  }
}
