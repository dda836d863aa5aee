import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, REPO_ROOT, loadConfig } from '@server/core/config'
import { SYSTEM_FONT_PATHS } from '@server/stations/posters/fonts'
import { latinOnlyFont } from './support/latin-font'

const APP_ID = 'wx0123456789abcdef'
const APP_SECRET = 'S3cretS3cretS3cretS3cretS3cret99'
const DATA_KEY = Buffer.alloc(32, 9).toString('base64')

let fontDir: string
/** A Chinese font installed on this machine (fonts-wqy-microhei): what POSTER_FONT should name. */
let fontFile: string
let notAFont: string
let latinFont: string
let truncatedFont: string

beforeAll(() => {
  fontDir = fs.mkdtempSync(path.join(os.tmpdir(), 'miyun-config-'))
  fontFile = SYSTEM_FONT_PATHS.find((file) => fs.existsSync(file))!
  expect(fontFile).toBeDefined()
  notAFont = path.join(fontDir, 'poster.txt')
  fs.writeFileSync(notAFont, '微软雅黑')
  latinFont = path.join(fontDir, 'latin.ttf')
  fs.writeFileSync(latinFont, latinOnlyFont())
  // The TrueType signature and nothing after it.
  truncatedFont = path.join(fontDir, 'poster.ttf')
  fs.writeFileSync(truncatedFont, Buffer.from([0, 1, 0, 0, 0, 0]))
})

afterAll(() => {
  fs.rmSync(fontDir, { recursive: true, force: true })
})

describe('configuration', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toEqual({
      apiDocs: false,
      port: 3000,
      host: '0.0.0.0',
      dataDir: path.join(REPO_ROOT, 'data'),
      databaseUrl: undefined,
      dataKey: undefined,
      h5Dir: path.join(REPO_ROOT, 'dist', 'h5'),
      logLevel: 'info',
      trustProxy: false,
      publicUrl: undefined,
      wechat: { credentials: undefined, apiBase: 'https://api.weixin.qq.com', envVersion: 'release', templates: {} },
      posterFont: undefined,
      requestTimeoutSeconds: 30,
      outboxIntervalSeconds: 5,
      signupRetentionDays: 365
    })
  })

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '8080',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/lib/miyun',
        DATABASE_URL: 'postgresql://union@db.internal:5432/miyun',
        DATA_KEY: DATA_KEY,
        H5_DIR: 'build/h5',
        LOG_LEVEL: 'silent',
        TRUST_PROXY: '127.0.0.1',
        PUBLIC_URL: 'https://miyun.example.cn/',
        WECHAT_APPID: APP_ID,
        WECHAT_APPSECRET: APP_SECRET,
        WECHAT_API_BASE: 'http://127.0.0.1:8123/',
        WECHAT_ENV_VERSION: 'trial',
        POSTER_FONT: fontFile,
        REQUEST_TIMEOUT: '45',
        API_DOCS: 'true',
        WECHAT_TEMPLATE_SIGNUP_RESULT: 'signupTemplate-0123456789_ab',
        WECHAT_TEMPLATE_EVENT_CHANGE: 'changeTemplate-0123456789_cd',
        OUTBOX_INTERVAL: '10',
        SIGNUP_RETENTION_DAYS: '180'
      })
    ).toEqual({
      apiDocs: true,
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/miyun',
      databaseUrl: 'postgresql://union@db.internal:5432/miyun',
      dataKey: Buffer.alloc(32, 9),
      h5Dir: path.join(REPO_ROOT, 'build', 'h5'),
      logLevel: 'silent',
      trustProxy: ['127.0.0.1'],
      publicUrl: 'https://miyun.example.cn',
      wechat: {
        credentials: { appId: APP_ID, appSecret: APP_SECRET },
        apiBase: 'http://127.0.0.1:8123',
        envVersion: 'trial',
        templates: { 'signup-result': 'signupTemplate-0123456789_ab', 'event-change': 'changeTemplate-0123456789_cd' }
      },
      posterFont: fontFile,
      requestTimeoutSeconds: 45,
      outboxIntervalSeconds: 10,
      signupRetentionDays: 180
    })
  })

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' })).toMatchObject({ port: 3000, databaseUrl: undefined })
  })

  it.each([
    [{ PORT: '0' }, 'PORT'],
    [{ PORT: '65536' }, 'PORT'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '30.5' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/miyun' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ REQUEST_TIMEOUT: '0' }, 'REQUEST_TIMEOUT'],
    [{ REQUEST_TIMEOUT: '601' }, 'REQUEST_TIMEOUT'],
    [{ REQUEST_TIMEOUT: '1e3' }, 'REQUEST_TIMEOUT'],
    [{ REQUEST_TIMEOUT: 'Infinity' }, 'REQUEST_TIMEOUT'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '0' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '127.0.0.1,,10.0.0.1' }, 'TRUST_PROXY'],
    [{ PUBLIC_URL: 'miyun.example.cn' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'ftp://miyun.example.cn' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://miyun.example.cn/s/' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://miyun.example.cn/?from=poster' }, 'PUBLIC_URL'],
    [{ WECHAT_APPID: APP_ID }, 'WECHAT_APPSECRET'],
    [{ WECHAT_APPSECRET: APP_SECRET }, 'WECHAT_APPID'],
    [{ WECHAT_APPID: 'touristappid', WECHAT_APPSECRET: APP_SECRET }, 'WECHAT_APPID'],
    [{ WECHAT_APPID: APP_ID, WECHAT_APPSECRET: 'too-short' }, 'WECHAT_APPSECRET'],
    [{ WECHAT_API_BASE: 'api.weixin.qq.com' }, 'WECHAT_API_BASE'],
    [{ WECHAT_ENV_VERSION: 'beta' }, 'WECHAT_ENV_VERSION'],
    [{ POSTER_FONT: '/nonexistent/fonts/none.ttf' }, 'POSTER_FONT'],
    [{ API_DOCS: 'yes' }, 'API_DOCS']
  ])('refuses %j, naming %s', (env, variable) => {
    let error: unknown
    try {
      loadConfig(env)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).variable).toBe(variable)
    expect((error as Error).message).toContain(variable)
  })

  it.each([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['127.0.0.1, 10.0.0.0/8,::1,fd00::/8', ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']]
  ])('reads TRUST_PROXY=%s', (raw, expected) => {
    expect(loadConfig({ TRUST_PROXY: raw }).trustProxy).toEqual(expected)
  })

  it('serves the HTTP reference in development only, unless API_DOCS says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).apiDocs).toBe(true)
    expect(loadConfig({ NODE_ENV: 'production' }).apiDocs).toBe(false)
    expect(loadConfig({ NODE_ENV: 'development', API_DOCS: 'false' }).apiDocs).toBe(false)
  })

  it('refuses a POSTER_FONT that is not a font file', () => {
    expect(() => loadConfig({ POSTER_FONT: notAFont })).toThrow(/POSTER_FONT.*不是 TTF、TTC 或 OTF/)
    expect(() => loadConfig({ POSTER_FONT: truncatedFont })).toThrow(/POSTER_FONT.*不是 TTF、TTC 或 OTF/)
  })

  it('refuses a POSTER_FONT without Chinese glyphs, which would print empty boxes, naming the variable', () => {
    let error: unknown
    try {
      loadConfig({ POSTER_FONT: latinFont })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).variable).toBe('POSTER_FONT')
    expect((error as Error).message).toContain('POSTER_FONT')
    expect((error as Error).message).toContain('字体没有中文字形（缺「密云区总工会」）')
    expect((error as Error).message).toContain(latinFont)
  })

  it('never echoes the WeChat AppSecret in its error', () => {
    const secret = 'not-a-real-secret-but-private'
    expect(() => loadConfig({ WECHAT_APPID: APP_ID, WECHAT_APPSECRET: secret })).toThrow(ConfigError)
    expect(() => loadConfig({ WECHAT_APPID: APP_ID, WECHAT_APPSECRET: secret })).toThrow(/^(?!.*not-a-real).*WECHAT_APPSECRET/)
  })

  it('never echoes a database password in its error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/miyun' })).toThrow(/^(?!.*s3cret)/)
  })

  it('reads DATA_KEY as 32 bytes of base64 (standard or URL-safe) and never echoes a wrong one', () => {
    const key = Buffer.from(Array.from({ length: 32 }, (_, index) => 250 - index))
    expect(loadConfig({ DATA_KEY: key.toString('base64') }).dataKey).toEqual(key)
    expect(loadConfig({ DATA_KEY: key.toString('base64url') }).dataKey).toEqual(key)
    for (const wrong of ['c2hvcnQta2V5LXNlY3JldA==', `${DATA_KEY}AAAA`, 'not base64 at all, secret!']) {
      expect(() => loadConfig({ DATA_KEY: wrong })).toThrow(ConfigError)
      expect(() => loadConfig({ DATA_KEY: wrong })).toThrow(/DATA_KEY.*32 字节/)
      expect(() => loadConfig({ DATA_KEY: wrong })).toThrow(new RegExp(`^(?!.*${wrong.slice(0, 12).replace(/[+]/g, '\\+')})`))
    }
  })

  it('refuses PostgreSQL without DATA_KEY: every instance must seal with the same key', () => {
    let error: unknown
    try {
      loadConfig({ DATABASE_URL: 'postgres://union@db.internal:5432/miyun' })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).variable).toBe('DATA_KEY')
    expect((error as Error).message).toContain('使用 PostgreSQL（DATABASE_URL）时必须设置 DATA_KEY')
    expect(loadConfig({ DATABASE_URL: 'postgres://union@db.internal:5432/miyun', DATA_KEY }).dataKey).toHaveLength(32)
  })
})
