import path from 'node:path'
import { ConfigError, REPO_ROOT, loadConfig } from '../../server/config'

describe('configuration', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: path.join(REPO_ROOT, 'data'),
      databaseUrl: undefined,
      h5Dir: path.join(REPO_ROOT, 'dist', 'h5'),
      logLevel: 'info',
      trustProxy: false
    })
  })

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '8080',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/lib/miyun',
        DATABASE_URL: 'postgresql://union@db.internal:5432/miyun',
        H5_DIR: 'build/h5',
        LOG_LEVEL: 'silent',
        TRUST_PROXY: '127.0.0.1'
      })
    ).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/miyun',
      databaseUrl: 'postgresql://union@db.internal:5432/miyun',
      h5Dir: path.join(REPO_ROOT, 'build', 'h5'),
      logLevel: 'silent',
      trustProxy: ['127.0.0.1']
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
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '0' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '127.0.0.1,,10.0.0.1' }, 'TRUST_PROXY']
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

  it('never echoes a database password in its error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/miyun' })).toThrow(/^(?!.*s3cret)/)
  })
})
