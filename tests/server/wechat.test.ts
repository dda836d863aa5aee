/**
 * The WeChat adapter against a local fake WeChat (a real HTTP server answering like api.weixin.qq.com): the
 * access_token's life, 小程序码 and their cache, and what an editor is told when WeChat refuses.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { STATION_PAGE_PATH } from '@/domain/stations'
import { WechatError, createWechatClient, type WechatClient, type WechatClientOptions } from '@server/core/wechat'
import { FAKE_APP_ID, FAKE_APP_SECRET, startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { decodeQrPng } from './support/qr-reading'

let fake: FakeWechat
let cacheDir: string
/** The client's clock, moved by the tests (ms). */
let clock: number

beforeEach(async () => {
  fake = await startFakeWechat()
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-wechat-'))
  clock = fake.now
})

afterEach(async () => {
  await fake.close()
  fs.rmSync(cacheDir, { recursive: true, force: true })
})

function client(options: Partial<WechatClientOptions> = {}): WechatClient {
  return createWechatClient({
    credentials: { appId: FAKE_APP_ID, appSecret: FAKE_APP_SECRET },
    apiBase: fake.url,
    envVersion: 'release',
    cacheDir,
    clock: () => clock,
    ...options
  })
}

async function failure(promise: Promise<unknown>): Promise<WechatError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(WechatError)
    return error as WechatError
  }
  throw new Error('expected a WechatError')
}

/** Moves both clocks: the fake expires tokens by its own. */
function advance(seconds: number): void {
  clock += seconds * 1000
  fake.now += seconds * 1000
}

describe('小程序码 for a station', () => {
  it('asks WeChat for the station page with the code as scene, and gets back a code of that scene', async () => {
    const image = await client({ envVersion: 'trial' }).stationWxacode('K7M2QX')
    expect(image.format).toBe('png')
    expect(decodeQrPng(image.data)).toBe('K7M2QX')
    expect(fake.wxacodeCalls).toEqual([{ token: fake.issued[0], scene: 'K7M2QX', page: STATION_PAGE_PATH, checkPath: false, envVersion: 'trial', width: 430 }])
  })

  it('asks WeChat once per code: again from memory, and after a restart from DATA_DIR', async () => {
    await client().stationWxacode('K7M2QX')
    const first = client()
    await first.stationWxacode('K7M2QX')
    await first.stationWxacode('K7M2QX')
    expect(fake.wxacodeCalls).toHaveLength(1)
    const afterRestart = await client().stationWxacode('K7M2QX')
    expect(decodeQrPng(afterRestart.data)).toBe('K7M2QX')
    expect(fake.wxacodeCalls).toHaveLength(1)
  })

  it('keeps codes apart per station and per env_version', async () => {
    await client().stationWxacode('K7M2QX')
    await client().stationWxacode('P3N8WE')
    await client({ envVersion: 'develop' }).stationWxacode('K7M2QX')
    expect(fake.wxacodeCalls.map((call) => [call.scene, call.envVersion])).toEqual([
      ['K7M2QX', 'release'],
      ['P3N8WE', 'release'],
      ['K7M2QX', 'develop']
    ])
  })

  it('does not keep a failure: the next request asks WeChat again', async () => {
    const wechat = client()
    fake.wxacodeFailures.push({ errcode: 45009, errmsg: 'reach max api daily quota limit' })
    await failure(wechat.stationWxacode('K7M2QX'))
    expect(decodeQrPng((await wechat.stationWxacode('K7M2QX')).data)).toBe('K7M2QX')
  })

  it('refuses anything but a station code (it becomes a file name)', async () => {
    await expect(client().stationWxacode('../../etc/passwd')).rejects.toThrow(/not a station code/)
    expect(fake.tokenCalls).toHaveLength(0)
  })
})

/** What an administrator does after a leak (the server never does): a new stable token, the old one revoked. */
async function forceRefreshElsewhere(): Promise<void> {
  const response = await fetch(`${fake.url}/cgi-bin/stable_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid: FAKE_APP_ID, secret: FAKE_APP_SECRET, force_refresh: true })
  })
  expect(await response.json()).toEqual({ access_token: expect.any(String), expires_in: 7200 })
}

const forceRefreshes = () => fake.tokenCalls.map((call) => call.forceRefresh)

describe('the access_token', () => {
  it('is fetched once and reused until five minutes before it expires', async () => {
    const wechat = client()
    await wechat.stationWxacode('K7M2QX')
    advance(7200 - 301)
    await wechat.stationWxacode('P3N8WE')
    expect(fake.tokenCalls).toHaveLength(1)
    advance(2)
    await wechat.stationWxacode('Q4R5ST')
    expect(fake.tokenCalls).toHaveLength(2)
    expect(fake.wxacodeCalls.map((call) => call.token)).toEqual([fake.issued[0], fake.issued[0], fake.issued[1]])
  })

  it('is shared by callers that need one at the same time: one fetch', async () => {
    const wechat = client()
    fake.delayMs = 50
    const codes = ['K7M2QX', 'P3N8WE', 'Q4R5ST', 'A2B3C4', 'D5E6F7']
    const images = await Promise.all(codes.map((code) => wechat.stationWxacode(code)))
    expect(images.map((image) => decodeQrPng(image.data))).toEqual(codes)
    expect(fake.tokenCalls).toHaveLength(1)
    expect(new Set(fake.wxacodeCalls.map((call) => call.token))).toEqual(new Set([fake.issued[0]]))
  })

  it('is asked for in normal mode, never force_refresh', async () => {
    await client().stationWxacode('K7M2QX')
    expect(forceRefreshes()).toEqual([false])
  })

  it('is dropped and fetched again when WeChat says it is no longer valid (40001), and the call is retried once', async () => {
    const wechat = client()
    await wechat.stationWxacode('K7M2QX')
    fake.revokeAll()
    const image = await wechat.stationWxacode('P3N8WE')
    expect(decodeQrPng(image.data)).toBe('P3N8WE')
    expect(forceRefreshes()).toEqual([false, false])
    expect(fake.wxacodeCalls.map((call) => call.token)).toEqual([fake.issued[0], fake.issued[0], fake.issued[1]])
  })

  it('is fetched again when WeChat says it expired (42001) before our clock did', async () => {
    const wechat = client()
    await wechat.stationWxacode('K7M2QX')
    fake.now += 7200 * 1000
    expect(decodeQrPng((await wechat.stationWxacode('P3N8WE')).data)).toBe('P3N8WE')
    expect(fake.tokenCalls).toHaveLength(2)
  })

  it('is retried only once: a second refusal is reported, not looped on', async () => {
    fake.wxacodeFailures.push(
      { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
      { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
    )
    const error = await failure(client().stationWxacode('K7M2QX'))
    expect(error.errcode).toBe(40001)
    expect(fake.wxacodeCalls).toHaveLength(2)
    expect(forceRefreshes()).toEqual([false, false])
  })
})

describe('the access_token across API instances', () => {
  it('is the same for two instances: WeChat issues one token, not one each', async () => {
    const [first, second] = [client(), client()]
    fake.delayMs = 20
    const images = await Promise.all([first.stationWxacode('K7M2QX'), second.stationWxacode('P3N8WE')])
    expect(images.map((image) => decodeQrPng(image.data))).toEqual(['K7M2QX', 'P3N8WE'])
    expect(fake.tokenCalls).toHaveLength(2)
    expect(fake.issued).toHaveLength(1)
    expect(fake.wxacodeCalls.map((call) => call.token)).toEqual([fake.issued[0], fake.issued[0]])
  })

  it('is kept by a later instance only for what it has left, and both move to the next one together', async () => {
    const [first, second] = [client(), client()]
    await first.stationWxacode('K7M2QX')
    advance(1000)
    await second.stationWxacode('P3N8WE')
    expect(fake.issued).toHaveLength(1)
    advance(7200 - 1000 - 301)
    await first.stationWxacode('Q4R5ST')
    await second.stationWxacode('A2B3C4')
    expect(fake.tokenCalls).toHaveLength(2)
    advance(2)
    await first.stationWxacode('D5E6F7')
    await second.stationWxacode('G8H9JK')
    expect(fake.tokenCalls).toHaveLength(4)
    expect(fake.issued).toHaveLength(2)
    expect(fake.wxacodeCalls.map((call) => call.token)).toEqual([...Array(4).fill(fake.issued[0]), fake.issued[1], fake.issued[1]])
  })

  it('gets a new one after the old one expired', async () => {
    const [first, second] = [client(), client()]
    await first.stationWxacode('K7M2QX')
    advance(7200 + 60)
    await second.stationWxacode('P3N8WE')
    await first.stationWxacode('Q4R5ST')
    expect(fake.issued).toHaveLength(2)
    expect(fake.wxacodeCalls.map((call) => call.token)).toEqual([fake.issued[0], fake.issued[1], fake.issued[1]])
  })

  it('after a forced refresh elsewhere (40001), each instance fetches the new one once, in normal mode', async () => {
    const [first, second] = [client(), client()]
    await first.stationWxacode('K7M2QX')
    await second.stationWxacode('P3N8WE')
    await forceRefreshElsewhere()
    expect(decodeQrPng((await first.stationWxacode('Q4R5ST')).data)).toBe('Q4R5ST')
    expect(decodeQrPng((await second.stationWxacode('A2B3C4')).data)).toBe('A2B3C4')
    // Had the instances forced a refresh themselves, each would have revoked the other's token again.
    expect(forceRefreshes()).toEqual([false, false, true, false, false])
    expect(fake.issued).toHaveLength(2)
    expect(fake.wxacodeCalls.map((call) => call.token)).toEqual([
      fake.issued[0],
      fake.issued[0],
      fake.issued[0],
      fake.issued[1],
      fake.issued[0],
      fake.issued[1]
    ])
  })
})

describe('when WeChat refuses', () => {
  it.each([
    [
      'a wrong AppSecret',
      { credentials: { appId: FAKE_APP_ID, appSecret: 'wrongSecret0123456789abcdefABCDE' } },
      40125,
      /AppSecret 无效，请检查 WECHAT_APPSECRET/
    ],
    ['a wrong AppID', { credentials: { appId: 'wx00000000000000ff', appSecret: FAKE_APP_SECRET } }, 40013, /AppID 无效，请检查 WECHAT_APPID/]
  ])('says so for %s, naming the setting and the errcode', async (_label, options, errcode, message) => {
    const error = await failure(client(options).stationWxacode('K7M2QX'))
    expect(error.errcode).toBe(errcode)
    expect(error.message).toMatch(message)
    expect(error.message).toContain(String(errcode))
    expect(fake.wxacodeCalls).toHaveLength(0)
  })

  it('explains 41030: the page is unknown or the mini-program is not published', async () => {
    fake.pages.clear()
    const error = await failure(client().stationWxacode('K7M2QX'))
    expect(error.errcode).toBe(41030)
    expect(error.message).toMatch(/page 路径不存在或小程序未发布/)
  })

  it('explains 45009: the daily quota is used up', async () => {
    fake.wxacodeFailures.push({ errcode: 45009, errmsg: 'reach max api daily quota limit' })
    const error = await failure(client().stationWxacode('K7M2QX'))
    expect(error.errcode).toBe(45009)
    expect(error.message).toMatch(/调用次数超限/)
  })

  it('passes on an errcode it has no words for, with what WeChat said', async () => {
    fake.wxacodeFailures.push({ errcode: 99999, errmsg: 'something new' })
    const error = await failure(client().stationWxacode('K7M2QX'))
    expect(error.errcode).toBe(99999)
    expect(error.message).toMatch(/^微信接口返回错误 99999：something new/)
  })

  it('never puts the AppSecret or an access_token in a message, even when WeChat echoes them', async () => {
    const wrongSecret = 'wrongSecret0123456789abcdefABCDE'
    const messages = [(await failure(client({ credentials: { appId: FAKE_APP_ID, appSecret: wrongSecret } }).stationWxacode('K7M2QX'))).message]
    const wechat = client()
    await wechat.stationWxacode('K7M2QX')
    fake.wxacodeFailures.push({ errcode: 40097, errmsg: `invalid args: secret=${FAKE_APP_SECRET} access_token=${fake.issued[0]}` })
    messages.push((await failure(wechat.stationWxacode('P3N8WE'))).message)
    fake.delayMs = 300
    messages.push((await failure(client({ timeoutMs: 50 }).stationWxacode('Q4R5ST'))).message)
    messages.push((await failure(client({ apiBase: 'http://127.0.0.1:9' }).stationWxacode('Q4R5ST'))).message)
    expect(messages).toHaveLength(4)
    for (const message of messages) {
      expect(message).not.toContain(FAKE_APP_SECRET)
      expect(message).not.toContain(wrongSecret)
      for (const token of fake.issued) expect(message).not.toContain(token)
    }
  })
})

describe('when WeChat does not answer', () => {
  it('gives up after the timeout with a clear message', async () => {
    fake.delayMs = 1000
    const answeredBefore = fake.answered
    const error = await failure(client({ timeoutMs: 100 }).stationWxacode('K7M2QX'))
    expect(error.errcode).toBe('timeout')
    expect(error.message).toBe('微信接口 0.1 秒内没有应答，请稍后重试')
    // The client gave up before WeChat answered anything: the timeout, not a slow answer, ended the call.
    expect(fake.answered).toBe(answeredBefore)
  })

  it('says it cannot connect when nothing listens there', async () => {
    const error = await failure(client({ apiBase: 'http://127.0.0.1:9' }).stationWxacode('K7M2QX'))
    expect(error.errcode).toBe('network')
    expect(error.message).toBe('无法连接微信接口（127.0.0.1:9），请检查服务器的网络')
  })

  it('does not take an HTML error page for a 小程序码', async () => {
    const error = await failure(client({ apiBase: `${fake.url}/nowhere` }).stationWxacode('K7M2QX'))
    expect(error.errcode).toBe('bad-response')
    expect(error.message).toMatch(/无法识别/)
  })
})
