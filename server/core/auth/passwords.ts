/**
 * Password hashing with Node's scrypt, by default at the OWASP cost (N = 2^17, r = 8, p = 1): ~128 MiB of memory per hash, so
 * maxmem is raised above Node's 32 MiB default. The parameters are stored with each hash, so raising the cost later
 * only affects new hashes and old ones still verify. scrypt runs on libuv's thread pool: the server keeps answering
 * workers while a staffer logs in.
 */
import { HttpError } from '../errors'
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export interface PasswordCost {
  logN: number
  r: number
  p: number
}

/** The production cost: every app uses it unless built with another (tests use a low one, buildApp's passwordCost). */
export const SCRYPT_COST: PasswordCost = { logN: 17, r: 8, p: 1 }
const KEY_BYTES = 32
const SALT_BYTES = 16

/**
 * Hashes at once, and hashes waiting. Each takes ~128 MiB and ~0.3 s of one of libuv's four threads, which also
 * serve file reads (the H5 app, photos): a burst of logins — bad ones included, they are hashed too so their timing
 * tells nothing — must not take them all. Past the queue the login is refused with 503 and tried again later.
 */
export const MAX_CONCURRENT_HASHES = 2
export const MAX_QUEUED_HASHES = 16
let running = 0
const waiting: (() => void)[] = []

export function hashingBusy(): HttpError {
  return new HttpError(503, 'BUSY', '登录请求较多，请稍后再试')
}

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running < MAX_CONCURRENT_HASHES) {
    running += 1
  } else {
    if (waiting.length >= MAX_QUEUED_HASHES) throw hashingBusy()
    // The finishing hash hands its slot over: `running` stays as it is.
    await new Promise<void>((resolve) => waiting.push(resolve))
  }
  try {
    return await work()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running -= 1
  }
}

function scrypt(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return inHashSlot(() => rawScrypt(password, salt, logN, r, p))
}

function rawScrypt(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * p + 64 * 1024 * 1024 }
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/** "scrypt$17$8$1$<salt base64>$<key base64>" */
export async function hashPassword(password: string, cost: PasswordCost = SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const { logN, r, p } = cost
  const key = await scrypt(password, salt, logN, r, p)
  return ['scrypt', logN, r, p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/**
 * Verifying against this when the account does not exist takes as long as a real check, so the answer's timing
 * does not tell which login names exist.
 */
const dummyHashes = new Map<string, Promise<string>>()
export function dummyPasswordHash(cost: PasswordCost = SCRYPT_COST): Promise<string> {
  const key = `${cost.logN}$${cost.r}$${cost.p}`
  if (!dummyHashes.has(key)) dummyHashes.set(key, hashPassword(randomBytes(16).toString('hex'), cost))
  return dummyHashes.get(key)!
}
