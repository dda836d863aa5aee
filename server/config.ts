/**
 * Server configuration: read from the environment once, checked at start.
 * A bad or missing value stops the server with an error that names the variable, so a
 * misconfigured deployment fails loudly at boot instead of misbehaving later.
 */
import path from 'node:path'

export const REPO_ROOT = path.resolve(__dirname, '..')

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export interface Config {
  port: number
  host: string
  /** Folder of the SQLite database file (and anything else the server keeps on disk). */
  dataDir: string
  /** PostgreSQL connection string; when set, the server uses PostgreSQL instead of SQLite. */
  databaseUrl?: string
  /** Folder of the H5 production build served at `/`. */
  h5Dir: string
  logLevel: LogLevel
}

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

function readLogLevel(env: Env): LogLevel {
  const raw = read(env, 'LOG_LEVEL')
  if (raw === undefined) return 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError('LOG_LEVEL', `应为 ${LOG_LEVELS.join('、')} 之一，收到：${raw}`)
  }
  return raw as LogLevel
}

export function loadConfig(env: Env = process.env): Config {
  return {
    port: readPort(env),
    host: read(env, 'HOST') ?? '0.0.0.0',
    dataDir: readDirectory(env, 'DATA_DIR', path.join(REPO_ROOT, 'data')),
    databaseUrl: readDatabaseUrl(env),
    h5Dir: readDirectory(env, 'H5_DIR', path.join(REPO_ROOT, 'dist', 'h5')),
    logLevel: readLogLevel(env)
  }
}
