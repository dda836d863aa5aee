/**
 * The field cipher (server/core/crypto.ts): AES-256-GCM sealing with a fresh IV per value, the keyed lookup hash, and
 * where the key comes from — DATA_KEY, or DATA_DIR/data.key created with mode 0600 on the first start and read after.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ConfigError } from '@server/core/config'
import { DATA_KEY_FILE, createFieldCipher, loadDataKey } from '@server/core/crypto'
import { buildTestApp, makeTempDir, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const key = Buffer.alloc(32, 3)

describe('field cipher', () => {
  const cipher = createFieldCipher(key)

  it('seals to a v1. string that opens to the same text, with a fresh IV each time', () => {
    const phone = '13812341234'
    const first = cipher.seal(phone)
    const second = cipher.seal(phone)
    expect(first).toMatch(/^v1\.[A-Za-z0-9_-]+$/)
    expect(first).not.toContain(phone)
    expect(first).not.toBe(second)
    expect(cipher.open(first)).toBe(phone)
    expect(cipher.open(second)).toBe(phone)
    expect(cipher.open(cipher.seal('张三 · 密云区总工会 😀'))).toBe('张三 · 密云区总工会 😀')
    expect(cipher.open(cipher.seal(''))).toBe('')
  })

  it('refuses a changed value and a value sealed with another key', () => {
    const sealed = cipher.seal('北京市密云区')
    const body = Buffer.from(sealed.slice(3), 'base64url')
    body[14] ^= 1
    expect(() => cipher.open(`v1.${body.toString('base64url')}`)).toThrow()
    expect(() => createFieldCipher(Buffer.alloc(32, 4)).open(sealed)).toThrow()
    expect(() => cipher.open('13812341234')).toThrow(/v1/)
    expect(() => cipher.open('v1.AAAA')).toThrow()
  })

  it('gives one lookup hash per value and key, not the value', () => {
    expect(cipher.lookup('device:abc')).toBe(cipher.lookup('device:abc'))
    expect(cipher.lookup('device:abc')).toMatch(/^[0-9a-f]{64}$/)
    expect(cipher.lookup('device:abc')).not.toBe(cipher.lookup('device:abd'))
    expect(createFieldCipher(Buffer.alloc(32, 4)).lookup('device:abc')).not.toBe(cipher.lookup('device:abc'))
  })

  it('takes only a 32-byte key', () => {
    expect(() => createFieldCipher(Buffer.alloc(16))).toThrow()
  })
})

describe('data key', () => {
  it('uses DATA_KEY when configured, writing no key file', () => {
    const dataDir = makeTempDir()
    expect(loadDataKey({ dataKey: key, dataDir })).toBe(key)
    expect(fs.existsSync(path.join(dataDir, DATA_KEY_FILE))).toBe(false)
  })

  it('creates DATA_DIR/data.key with mode 0600 on the first start and reads the same key after', () => {
    const dataDir = path.join(makeTempDir(), 'not-yet')
    const first = loadDataKey({ dataDir })
    const file = path.join(dataDir, DATA_KEY_FILE)
    expect(first).toHaveLength(32)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(loadDataKey({ dataDir })).toEqual(first)
    // What one start sealed, the next start opens.
    expect(createFieldCipher(loadDataKey({ dataDir })).open(createFieldCipher(first).seal('李四'))).toBe('李四')
  })

  it('refuses a key file that holds no key, without showing its content', () => {
    const dataDir = makeTempDir()
    fs.writeFileSync(path.join(dataDir, DATA_KEY_FILE), 'secret-but-short\n', { mode: 0o600 })
    expect(() => loadDataKey({ dataDir })).toThrow(ConfigError)
    expect(() => loadDataKey({ dataDir })).toThrow(/^(?!.*secret-but-short).*data\.key/)
  })

  it('gives a SQLite app its key file on the first start, and the same cipher on the next', async () => {
    const dataDir = makeTempDir()
    const app = buildTestApp({ dataDir })
    await app.ready()
    const sealed = app.fieldCipher.seal('13912345678')
    await app.close()
    expect(fs.statSync(path.join(dataDir, DATA_KEY_FILE)).mode & 0o777).toBe(0o600)
    const again = buildTestApp({ dataDir })
    try {
      await again.ready()
      expect(again.fieldCipher.open(sealed)).toBe('13912345678')
    } finally {
      await again.close()
    }
  })
})
