/**
 * Server configuration: read from the environment once, checked at start.
 * A bad or missing value stops the server with an error that names the variable, so a
 * misconfigured deployment fails loudly at boot instead of misbehaving later.
 */
import net from 'node:net'
import path from 'node:path'
import type { SubscribeTemplate } from '@/domain'
import { checkChineseFont } from './fonts'

export const REPO_ROOT = path.resolve(__dirname, '..', '..')

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export interface Config {
  /** Serve the HTTP reference generated from the route schemas at /api/docs/json (development only by default). */
  apiDocs: boolean
  port: number
  host: string
  /** Folder of the SQLite database file (and anything else the server keeps on disk). */
  dataDir: string
  /** PostgreSQL connection string; when set, the server uses PostgreSQL instead of SQLite. */
  databaseUrl?: string
  /**
   * DATA_KEY: the 32-byte key personal fields are sealed with (server/core/crypto.ts). Unset on SQLite: the key file
   * DATA_DIR/data.key is used (created on first start). Required with PostgreSQL: every instance must share it.
   */
  dataKey?: Buffer
  /** Folder of the H5 production build served at `/`. */
  h5Dir: string
  logLevel: LogLevel
  /**
   * Which proxies' X-Forwarded-For to believe (Fastify's `trustProxy`): behind the https proxy, the caller's real
   * address is what the per-address login lockout counts. false: the connecting peer is the caller.
   */
  trustProxy: TrustProxy
  /**
   * The origin URL QR codes on station posters carry (`${publicUrl}/s/<code>`), without a trailing slash. Unset: the
   * poster routes use the origin the staffer's request came to.
   */
  publicUrl?: string
  wechat: WechatConfig
  /** A TTF/TTC/OTF with Chinese glyphs for posters; unset: the usual system places are searched when a poster is made. */
  posterFont?: string
  /**
   * Seconds a client has to send a whole request (headers and body). A client that stalls is answered 408 and the
   * connection closed, instead of holding it for ever.
   */
  requestTimeoutSeconds: number
  /** Seconds between two rounds of the notifications outbox's drainer; 0: this instance does not drain. */
  outboxIntervalSeconds: number
  /** Days after an event its sign-ups are deleted (the retention job, server/core/retention.ts). */
  signupRetentionDays: number
}

/** getUnlimited's env_version: which version of the mini-program a 小程序码 opens. */
export const WECHAT_ENV_VERSIONS = ['release', 'trial', 'develop'] as const
export type WechatEnvVersion = (typeof WECHAT_ENV_VERSIONS)[number]

export interface WechatConfig {
  /** Both or neither: without them the server cannot fetch 小程序码 (URL QR codes still work). */
  credentials?: { appId: string; appSecret: string }
  /** No trailing slash. */
  apiBase: string
  envVersion: WechatEnvVersion
  /** Subscribe-message template ids (WECHAT_TEMPLATE_*); a kind without one is not sent (recorded as skipped). */
  templates: Partial<Record<SubscribeTemplate, string>>
}

/** true (any proxy), false (none), a hop count, or the proxies' addresses and CIDR ranges. */
export type TrustProxy = boolean | number | string[]

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string
  ) {
    super(`配置错误：${variable} ${message}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

/** Empty strings count as unset: `PORT= npm start` means "default", not "port zero". */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim()
  return value ? value : undefined
}

function readPort(env: Env): number {
  const raw = read(env, 'PORT')
  if (raw === undefined) return 3000
  const port = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError('PORT', `应为 1 到 65535 的整数，收到：${raw}`)
  }
  return port
}

/** Relative folders are taken from the repository root (where the npm scripts run), whatever the current folder. */
function readDirectory(env: Env, name: string, fallback: string): string {
  const raw = read(env, name)
  return raw === undefined ? fallback : path.resolve(REPO_ROOT, raw)
}

function readDatabaseUrl(env: Env): string | undefined {
  const raw = read(env, 'DATABASE_URL')
  if (raw === undefined) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('DATABASE_URL', '不是有效的地址（应形如 postgres://用户@主机:5432/库名）')
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    // Never echo the value: it may carry a password.
    throw new ConfigError('DATABASE_URL', `只支持 postgres:// 或 postgresql:// 地址，收到的协议是 ${url.protocol}`)
  }
  return raw
}

export const DATA_KEY_BYTES = 32

/** Standard or URL-safe base64 of exactly DATA_KEY_BYTES bytes, else undefined. */
export function parseDataKey(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined
  const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  return key.length === DATA_KEY_BYTES ? key : undefined
}

function readDataKey(env: Env, databaseUrl: string | undefined): Buffer | undefined {
  const raw = read(env, 'DATA_KEY')
  if (raw === undefined) {
    if (databaseUrl !== undefined) {
      throw new ConfigError(
        'DATA_KEY',
        '未设置：使用 PostgreSQL（DATABASE_URL）时必须设置 DATA_KEY（32 字节的 base64 密钥，如 openssl rand -base64 32 生成），所有实例使用同一个'
      )
    }
    return undefined
  }
  const key = parseDataKey(raw)
  // Never echo the value, not even a part of it: it is the key to every sealed field.
  if (!key)
    throw new ConfigError('DATA_KEY', `应为 ${DATA_KEY_BYTES} 字节的 base64 密钥（如 openssl rand -base64 32 生成），收到的值格式不对（出于安全不显示）`)
  return key
}

function readLogLevel(env: Env): LogLevel {
  const raw = read(env, 'LOG_LEVEL')
  if (raw === undefined) return 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError('LOG_LEVEL', `应为 ${LOG_LEVELS.join('、')} 之一，收到：${raw}`)
  }
  return raw as LogLevel
}

/**
 * What Fastify's `trustProxy` takes. Fastify 5 ignores a bare hop count (it then trusts no proxy at all), so a count
 * becomes the function Express's `trust proxy = n` means: believe the nearest n hops, whatever their address.
 */
export function trustProxyOption(value: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value
}

/** Names proxy-addr (behind Fastify's trustProxy) understands besides addresses and ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal']

function isAddressOrRange(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true
  const [address, prefix, ...rest] = entry.split('/')
  const family = net.isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

function readTrustProxy(env: Env): TrustProxy {
  const raw = read(env, 'TRUST_PROXY')
  if (raw === undefined || raw === 'false') return false
  if (raw === 'true') return true
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw)
    if (hops >= 1 && hops <= 10) return hops
  } else {
    const entries = raw.split(',').map((entry) => entry.trim())
    if (entries.every((entry) => entry.length > 0 && isAddressOrRange(entry))) return entries
  }
  throw new ConfigError('TRUST_PROXY', `应为 true、false、代理层数（1 到 10）或以逗号分隔的代理地址（如 127.0.0.1,10.0.0.0/8），收到：${raw}`)
}

function readPublicUrl(env: Env): string | undefined {
  const raw = read(env, 'PUBLIC_URL')
  if (raw === undefined) return undefined
  const expected = '应为 http(s):// 开头、不带路径和参数的网站地址，如 https://miyun.example.cn'
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('PUBLIC_URL', `${expected}，收到：${raw}`)
  }
  const bare = (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash && !url.username && !url.password
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !bare || raw.includes('?') || raw.includes('#')) {
    throw new ConfigError('PUBLIC_URL', `${expected}，收到：${raw}`)
  }
  return url.origin
}

function readWechatCredentials(env: Env): WechatConfig['credentials'] {
  const appId = read(env, 'WECHAT_APPID')
  const appSecret = read(env, 'WECHAT_APPSECRET')
  if (appId === undefined && appSecret === undefined) return undefined
  if (appSecret === undefined) throw new ConfigError('WECHAT_APPSECRET', '未设置：WECHAT_APPID 和 WECHAT_APPSECRET 须同时设置或同时不设')
  if (appId === undefined) throw new ConfigError('WECHAT_APPID', '未设置：WECHAT_APPID 和 WECHAT_APPSECRET 须同时设置或同时不设')
  if (!/^wx[0-9A-Za-z]{16}$/.test(appId)) {
    throw new ConfigError('WECHAT_APPID', `应为小程序的 AppID（wx 加 16 位字母数字），收到：${appId.slice(0, 40)}`)
  }
  // Never echo the value, not even a part of it: it is a password.
  if (!/^[0-9A-Za-z]{32}$/.test(appSecret)) {
    throw new ConfigError('WECHAT_APPSECRET', '应为小程序的 AppSecret（32 位字母数字），收到的值格式不对（出于安全不显示）')
  }
  return { appId, appSecret }
}

function readWechatApiBase(env: Env): string {
  const raw = read(env, 'WECHAT_API_BASE')
  if (raw === undefined) return 'https://api.weixin.qq.com'
  let url: URL | undefined
  try {
    url = new URL(raw)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw new ConfigError('WECHAT_API_BASE', `应为 http(s):// 开头、不带参数的地址，如 https://api.weixin.qq.com，收到：${raw}`)
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

function readWechatEnvVersion(env: Env): WechatEnvVersion {
  const raw = read(env, 'WECHAT_ENV_VERSION')
  if (raw === undefined) return 'release'
  if (!(WECHAT_ENV_VERSIONS as readonly string[]).includes(raw)) {
    throw new ConfigError('WECHAT_ENV_VERSION', `应为 ${WECHAT_ENV_VERSIONS.join('、')} 之一，收到：${raw}`)
  }
  return raw as WechatEnvVersion
}

/** The setting of each kind of subscribe message's template id. */
export const WECHAT_TEMPLATE_SETTINGS: Record<SubscribeTemplate, string> = {
  'signup-result': 'WECHAT_TEMPLATE_SIGNUP_RESULT',
  'event-change': 'WECHAT_TEMPLATE_EVENT_CHANGE'
}

function readWechatTemplates(env: Env): WechatConfig['templates'] {
  const templates: WechatConfig['templates'] = {}
  for (const [template, name] of Object.entries(WECHAT_TEMPLATE_SETTINGS) as [SubscribeTemplate, string][]) {
    const raw = read(env, name)
    if (raw === undefined) continue
    if (!/^[0-9A-Za-z_-]{10,128}$/.test(raw)) {
      throw new ConfigError(name, `应为微信公众平台「订阅消息」里该模板的模板 ID（字母、数字、- 和 _），收到：${raw.slice(0, 40)}`)
    }
    templates[template] = raw
  }
  return templates
}

/** A whole number of `name` within [min, max], or the default when unset. */
function readWholeNumber(env: Env, name: string, { fallback, min, max, unit }: { fallback: number; min: number; max: number; unit: string }): number {
  const raw = read(env, name)
  if (raw === undefined) return fallback
  const value = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN
  if (!(value >= min && value <= max)) throw new ConfigError(name, `应为 ${min} 到 ${max} 的整数（${unit}），收到：${raw.slice(0, 40)}`)
  return value
}

/**
 * POSTER_FONT is read and checked at start: a file pdfkit can embed, with the Chinese a poster prints (a Latin-only
 * font would print empty boxes). The system fonts are looked for later, when a poster is asked for.
 */
function readPosterFont(env: Env): string | undefined {
  const raw = read(env, 'POSTER_FONT')
  if (raw === undefined) return undefined
  const file = path.resolve(REPO_ROOT, raw)
  const checked = checkChineseFont(file)
  if (!('problem' in checked)) return file
  switch (checked.problem) {
    case 'unreadable':
      throw new ConfigError('POSTER_FONT', `找不到或无法读取字体文件：${file}`)
    case 'not-a-font':
      throw new ConfigError('POSTER_FONT', `不是 TTF、TTC 或 OTF 字体文件：${file}`)
    case 'no-chinese':
      throw new ConfigError('POSTER_FONT', `字体没有中文字形（缺「${checked.missing}」），海报上的中文会印成空框：${file}。请换用中文字体，如 wqy-microhei.ttc`)
  }
}

export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30
const MAX_REQUEST_TIMEOUT_SECONDS = 600

function readRequestTimeout(env: Env): number {
  const raw = read(env, 'REQUEST_TIMEOUT')
  if (raw === undefined) return DEFAULT_REQUEST_TIMEOUT_SECONDS
  const seconds = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN
  if (!(seconds >= 1 && seconds <= MAX_REQUEST_TIMEOUT_SECONDS)) {
    throw new ConfigError('REQUEST_TIMEOUT', `应为 1 到 ${MAX_REQUEST_TIMEOUT_SECONDS} 的整数（秒），收到：${raw.slice(0, 40)}`)
  }
  return seconds
}

/** API_DOCS=true|false; unset, on only when NODE_ENV=development (never by default in production). */
function readApiDocs(env: Env): boolean {
  const raw = read(env, 'API_DOCS')
  if (raw === undefined) return read(env, 'NODE_ENV') === 'development'
  if (raw === 'true' || raw === 'false') return raw === 'true'
  throw new ConfigError('API_DOCS', `应为 true 或 false，收到：${raw.slice(0, 40)}`)
}

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = readDatabaseUrl(env)
  return {
    apiDocs: readApiDocs(env),
    port: readPort(env),
    host: read(env, 'HOST') ?? '0.0.0.0',
    dataDir: readDirectory(env, 'DATA_DIR', path.join(REPO_ROOT, 'data')),
    databaseUrl,
    dataKey: readDataKey(env, databaseUrl),
    h5Dir: readDirectory(env, 'H5_DIR', path.join(REPO_ROOT, 'dist', 'h5')),
    logLevel: readLogLevel(env),
    trustProxy: readTrustProxy(env),
    publicUrl: readPublicUrl(env),
    wechat: {
      credentials: readWechatCredentials(env),
      apiBase: readWechatApiBase(env),
      envVersion: readWechatEnvVersion(env),
      templates: readWechatTemplates(env)
    },
    posterFont: readPosterFont(env),
    requestTimeoutSeconds: readRequestTimeout(env),
    outboxIntervalSeconds: readWholeNumber(env, 'OUTBOX_INTERVAL', { fallback: 5, min: 0, max: 3600, unit: '秒，0 表示本实例不发送' }),
    signupRetentionDays: readWholeNumber(env, 'SIGNUP_RETENTION_DAYS', { fallback: 365, min: 30, max: 3650, unit: '天' })
  }
}
