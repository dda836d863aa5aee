/**
 * The one field cipher for personal data at rest (names, phones, employers, openids, kept form answers):
 * AES-256-GCM with a random 12-byte IV per value, written `v1.<base64url(iv ‖ ciphertext ‖ tag)>`, and a keyed
 * lookup hash (HMAC-SHA256) for finding a row by a value without storing the value.
 *
 * Both keys are derived (HKDF-SHA256) from one 32-byte data key: DATA_KEY (base64) when set — required with
 * PostgreSQL, where every instance must share it (config.ts refuses to start without) — else, on SQLite, the file
 * DATA_DIR/data.key, created with mode 0600 on the first start and read after. Losing the key loses the sealed
 * fields: back it up with the database, and keep it out of the database's backups' hands.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ConfigError, DATA_KEY_BYTES, parseDataKey, type Config } from './config'

export interface FieldCipher {
  /** A fresh IV each time: sealing one value twice gives two different strings. */
  seal(plain: string): string
  /** Throws if the value was not sealed with this key or was changed. */
  open(sealed: string): string
  /** The same value always gives the same hash (hex): for equality search on a sealed column. */
  lookup(value: string): string
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Seals and opens personal fields (server/core/crypto.ts). */
    fieldCipher: FieldCipher
  }
}

const PREFIX = 'v1.'
const IV_BYTES = 12
const TAG_BYTES = 16
export const DATA_KEY_FILE = 'data.key'

function derive(key: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `miyun-union ${purpose}`, 32))
}

export function createFieldCipher(dataKey: Buffer): FieldCipher {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error(`the data key must be ${DATA_KEY_BYTES} bytes`)
  const sealKey = derive(dataKey, 'field-seal v1')
  const lookupKey = derive(dataKey, 'field-lookup v1')
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')
    },
    open(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed field (v1.)')
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url')
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('sealed field too short')
      const decipher = createDecipheriv('aes-256-gcm', sealKey, raw.subarray(0, IV_BYTES))
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES))
      // final() throws when the tag does not match: another key, or a changed value.
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8')
    },
    lookup(value) {
      return createHmac('sha256', lookupKey).update(value, 'utf8').digest('hex')
    }
  }
}

/**
 * The data key: DATA_KEY if configured, else DATA_DIR/data.key (SQLite only: config refuses PostgreSQL without
 * DATA_KEY), created on the first start. Two processes starting at once agree: the file is created exclusively and
 * whoever loses the race reads the winner's.
 */
export function loadDataKey(config: Pick<Config, 'dataKey' | 'dataDir'>): Buffer {
  if (config.dataKey) return config.dataKey
  const file = path.join(config.dataDir, DATA_KEY_FILE)
  fs.mkdirSync(config.dataDir, { recursive: true })
  try {
    fs.writeFileSync(file, `${randomBytes(DATA_KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    throw new ConfigError('DATA_KEY', `未设置，且无法读取密钥文件 ${file}`)
  }
  const key = parseDataKey(text.trim())
  // Never echo the content: it is the key.
  if (!key) throw new ConfigError('DATA_KEY', `未设置，且密钥文件 ${file} 的内容不是 ${DATA_KEY_BYTES} 字节的 base64 密钥（出于安全不显示）`)
  return key
}
