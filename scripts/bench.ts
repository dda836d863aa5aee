/**
 * `npm run bench`: how fast the news list is, next to what Fastify itself can do on this machine.
 *
 * Two servers in this process: the real app (seeded SQLite in a temp folder, logging at warn so the terminal is not
 * flooded with two lines a request) and a bare Fastify route returning a JSON body of the same size. autocannon loads
 * each with the same settings, from a worker thread so the load generator and the server do not share one CPU core.
 * The runs alternate in short rounds (bare, news, bare, news...): a build or test run elsewhere on the machine then
 * slows both sides alike instead of skewing the ratio. Figures are printed, never asserted: machines differ.
 * Targets (issue 2): news ≥ 0.6 × bare throughput, p99 ≤ 10 ms.
 *
 * Then the service stations at the union's real scale (issue 4): the seed's sample stations are copied up to 220
 * (the union has 210余个), and the directory every 服务阵地 visit loads is measured — its size as phones receive it
 * and its throughput — with what a scan costs: a repeated one (answered by the in-memory repeat guard) and a counted
 * one (one upsert, measured straight on the repository).
 *
 * Then sign-ups (issue 11, ./bench-signups.ts): POST /api/me/signups at 50 connections with every commit synced.
 */
import fs from 'node:fs'
import os from 'node:os'
import http from 'node:http'
import path from 'node:path'
import Fastify from 'fastify'
import { buildApp } from '@server/app'
import { loadConfig } from '@server/core/config'
import { stationInputOf } from '@/domain'
import { benchSignups } from './bench-signups'

interface AutocannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
}
// autocannon ships no type declarations; this is the part of its API used here.
const autocannon: (options: {
  url: string
  connections: number
  duration: number
  workers: number
  headers?: Record<string, string>
  method?: string
  body?: string
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped package, typed by the annotation above
}) => Promise<AutocannonResult> = require('autocannon')

const CONNECTIONS = 50
/** Seconds of load on each side, split into ROUNDS alternating rounds. */
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const ROUNDS = 5
const WARMUP_SECONDS = 2
const NEWS_PATH = '/api/news?page=1'

interface Figures {
  requestsPerSecond: number
  p50: number
  p99: number
  /** Only for combined figures: the worst round's p99. */
  worstP99?: number
  non2xx: number
  errors: number
}

/** What WeChat's request and every browser send: the gzip figures are the ones workers get. */
const AS_PHONES_ASK = { 'accept-encoding': 'gzip, deflate, br' }

async function load(url: string, duration: number, headers?: Record<string, string>, request: { method?: string; body?: string } = {}): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, workers: 1, headers, ...request })
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Throughput averaged over the rounds; latency percentiles do not average, so the rounds' median (and worst p99). */
function combine(rounds: Figures[]): Figures {
  return {
    requestsPerSecond: rounds.reduce((sum, round) => sum + round.requestsPerSecond, 0) / rounds.length,
    p50: median(rounds.map((round) => round.p50)),
    p99: median(rounds.map((round) => round.p99)),
    worstP99: Math.max(...rounds.map((round) => round.p99)),
    non2xx: rounds.reduce((sum, round) => sum + round.non2xx, 0),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0)
  }
}

function line(name: string, figures: Figures): string {
  const problems = figures.non2xx + figures.errors > 0 ? `  (非 2xx：${figures.non2xx}，错误：${figures.errors})` : ''
  const worst = figures.worstP99 === undefined ? '' : `（最差一轮 ${figures.worstP99} ms）`
  return `${name.padEnd(28)} ${figures.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${String(figures.p50).padStart(3)} ms   p99 ${String(figures.p99).padStart(3)} ms${worst}${problems}`
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-bench-'))
  const h5Dir = path.join(dataDir, 'no-h5-build')
  fs.mkdirSync(h5Dir)
  const app = buildApp(loadConfig({ DATA_DIR: dataDir, H5_DIR: h5Dir, LOG_LEVEL: 'warn' }))
  const appAddress = await app.listen({ host: '127.0.0.1', port: 0 })

  // The bare route sends a body of the same size and shape as the news page, through Fastify's default serializer.
  const newsPage = await (await fetch(appAddress + NEWS_PATH)).json()
  const bare = Fastify({ logger: false })
  bare.get('/bare', async () => newsPage)
  const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 })
  const bodyBytes = Buffer.byteLength(JSON.stringify(newsPage))

  try {
    console.log(
      `autocannon：${CONNECTIONS} 个连接，每项共 ${DURATION_SECONDS} 秒（${ROUNDS} 轮交替，先各预热 ${WARMUP_SECONDS} 秒）；` +
        `响应体 ${bodyBytes} 字节，不带 If-None-Match；新闻列表另测一项带 Accept-Encoding: gzip（手机的请求都带）`
    )
    await load(bareAddress + '/bare', WARMUP_SECONDS)
    await load(appAddress + NEWS_PATH, WARMUP_SECONDS)
    await load(appAddress + NEWS_PATH, WARMUP_SECONDS, AS_PHONES_ASK)
    const bareRounds: Figures[] = []
    const newsRounds: Figures[] = []
    const gzipRounds: Figures[] = []
    for (let round = 0; round < ROUNDS; round++) {
      bareRounds.push(await load(bareAddress + '/bare', DURATION_SECONDS / ROUNDS))
      newsRounds.push(await load(appAddress + NEWS_PATH, DURATION_SECONDS / ROUNDS))
      gzipRounds.push(await load(appAddress + NEWS_PATH, DURATION_SECONDS / ROUNDS, AS_PHONES_ASK))
    }
    const bareFigures = combine(bareRounds)
    const newsFigures = combine(newsRounds)
    const gzipFigures = combine(gzipRounds)
    const ratio = newsFigures.requestsPerSecond / bareFigures.requestsPerSecond
    const gzipRatio = gzipFigures.requestsPerSecond / bareFigures.requestsPerSecond

    console.log(line('裸 Fastify 路由 /bare', bareFigures))
    console.log(line(`新闻列表 GET ${NEWS_PATH}`, newsFigures))
    console.log(line('新闻列表（gzip）', gzipFigures))
    console.log(
      `吞吐比 新闻/裸路由 = ${ratio.toFixed(2)}，gzip ${gzipRatio.toFixed(2)}（目标 ≥ 0.6）；` +
        `新闻 p99 = ${newsFigures.p99} ms，gzip ${gzipFigures.p99} ms（目标 ≤ 10 ms）`
    )

    await benchStations(app, appAddress)
    await benchSignups(app, appAddress, DURATION_SECONDS)
  } finally {
    await bare.close()
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const STATION_COUNT = 220

/** The seed's stations copied (new names, codes and nearby positions) until there are STATION_COUNT of them. */
async function growStations(app: ReturnType<typeof buildApp>): Promise<void> {
  const seeded = await app.repositories.stations.listAll()
  const editor = { id: 'bench', displayName: '压测' }
  for (let index = seeded.length; index < STATION_COUNT; index++) {
    const model = (await app.repositories.stations.findById(seeded[index % seeded.length].id))!
    const copy = index - seeded.length + 1
    await app.repositories.stations.create(
      {
        ...stationInputOf(model),
        name: `${model.name}${copy}号点`,
        latitude: model.latitude + (copy % 17) * 0.001,
        longitude: model.longitude + (copy % 13) * 0.001
      },
      editor,
      new Date()
    )
  }
}

/** Bytes of a GET's body as sent on the wire, asking as phones ask (gzip). */
function wireBytes(url: string): Promise<{ wire: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: AS_PHONES_ASK }, (response) => {
        let wire = 0
        response.on('data', (chunk: Buffer) => (wire += chunk.length))
        response.on('end', () => resolve({ wire, encoding: String(response.headers['content-encoding'] ?? 'identity') }))
      })
      .on('error', reject)
  })
}

async function benchStations(app: ReturnType<typeof buildApp>, appAddress: string): Promise<void> {
  await growStations(app)
  const directoryUrl = `${appAddress}/api/stations`
  const directory = (await (await fetch(directoryUrl)).json()) as { stations: { code: string }[] }
  const raw = Buffer.byteLength(JSON.stringify(directory))
  const { wire, encoding } = await wireBytes(directoryUrl)
  console.log(
    `服务阵地目录 GET /api/stations：${directory.stations.length} 个站点，JSON ${(raw / 1024).toFixed(1)} KB，` +
      `手机收到 ${(wire / 1024).toFixed(1)} KB（${encoding}）`
  )
  await load(directoryUrl, WARMUP_SECONDS, AS_PHONES_ASK)
  console.log(line('服务阵地目录（gzip）', await load(directoryUrl, DURATION_SECONDS, AS_PHONES_ASK)))

  const scanUrl = `${appAddress}/api/stations/${directory.stations[0].code}/scans`
  const scan = { method: 'POST', body: JSON.stringify({ channel: 'wxacode' }) }
  const json = { 'content-type': 'application/json' }
  await load(scanUrl, WARMUP_SECONDS, json, scan)
  // All from one address: after the first, the repeat guard answers without writing (what a burst from one phone costs).
  console.log(line('重复扫码 POST …/scans', await load(scanUrl, DURATION_SECONDS, json, scan)))

  // The write a counted scan costs (one upsert), one after another as the database serializes them anyway.
  const writes = 5000
  const started = process.hrtime.bigint()
  for (let index = 0; index < writes; index++) {
    await app.repositories.stations.countScan(directory.stations[index % directory.stations.length].code, 'wxacode', new Date())
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  console.log(`扫码计数写入（SQLite upsert，逐条）：${writes} 次 ${(seconds * 1000).toFixed(0)} ms，${(writes / seconds).toFixed(0)} 次/秒`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
