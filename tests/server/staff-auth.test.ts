/**
 * Staff login, sessions and passwords through HTTP on a real database file, with the clock moved by the test.
 * Every login attempt comes from its own address unless a test says otherwise, so the per-address lockout of one
 * test does not spill into the next.
 */
import type { LightMyRequestResponse } from 'fastify'
import type { App } from '../../server/app'
import { COMMON_PASSWORD_MESSAGE, PASSWORD_HAS_NAME_MESSAGE } from '../../server/core/auth/password-policy'
import { NOT_LOGGED_IN, SESSION_ENDED } from '../../server/core/auth/plugin'
import { SCRYPT_COST } from '../../server/core/auth/passwords'
import type { StaffMe } from '../../src/domain/staff'
import { FIXED_NOW, buildTestApp, makeTempDir, removeTempDirs } from './support/test-app'
import { TEST_PASSWORD, createStaffer, sessionFor } from './support/staff'

const MINUTE = 60_000
let clock = FIXED_NOW
const at = (ms: number) => new Date(FIXED_NOW.getTime() + ms)

let app: App
let admin: StaffMe
/** A new admin session at the current clock: the test moves the clock past any older one's idle limit. */
const adminHeaders = async () => (await sessionFor(app, admin)).headers

let addressCounter = 0
/** A documentation-range address nobody else in this file uses. */
const freshAddress = () => `198.51.${100 + Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`

function login(name: string, password: string, options: { address?: string; headers?: Record<string, string>; on?: App } = {}) {
  return (options.on ?? app).inject({
    method: 'POST',
    url: '/api/staff/session',
    payload: { name, password },
    remoteAddress: options.address ?? freshAddress(),
    headers: options.headers
  })
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const me = (token: string) => app.inject({ method: 'GET', url: '/api/staff/me', headers: bearer(token) })

async function tokenOf(name: string, password = TEST_PASSWORD): Promise<string> {
  const response = await login(name, password)
  expect(response.statusCode).toBe(200)
  return response.json().token
}

function expectError(response: LightMyRequestResponse, status: number, code: string, message?: string | RegExp) {
  expect({ status: response.statusCode, code: response.json().error?.code }).toEqual({ status, code })
  if (message !== undefined) expect(response.json().error.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message))
}

beforeAll(async () => {
  app = buildTestApp({ dataDir: makeTempDir('miyun-staff-auth-'), now: () => clock })
  await app.ready()
  admin = await createStaffer(app, { roles: ['admin'], name: 'guanli', displayName: '赵管理' })
})

beforeEach(() => {
  clock = FIXED_NOW
})

afterAll(async () => {
  await app.close()
  removeTempDirs()
})

describe('logging in', () => {
  let editor: StaffMe
  beforeAll(async () => {
    editor = await createStaffer(app, { roles: ['editor'], name: 'wangbianji', displayName: '王编辑' })
  })

  it('answers a token, the absolute end of the session and who logged in; nothing is cached', async () => {
    const response = await login('wangbianji', TEST_PASSWORD)
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers.etag).toBeUndefined()
    const body = response.json()
    expect(body).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: at(12 * 60 * MINUTE).toISOString(),
      staff: { id: editor.id, name: 'wangbianji', displayName: '王编辑', roles: ['editor'] }
    })
    expect(response.body).not.toMatch(/scrypt|hash/i)

    const whoAmI = await me(body.token)
    expect(whoAmI.statusCode).toBe(200)
    expect(whoAmI.headers['cache-control']).toBe('no-store')
    expect(whoAmI.json()).toEqual(body.staff)
  })

  it('takes the login name in any case and with stray spaces', async () => {
    expect((await login('  WangBianJi ', TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('records the time of the last login', async () => {
    clock = at(5 * MINUTE)
    await tokenOf('wangbianji')
    const accounts = await app.inject({ method: 'GET', url: '/api/staff/accounts', headers: await adminHeaders() })
    const account = accounts.json().find((item: { id: string }) => item.id === editor.id)
    expect(account.lastLoginAt).toBe(at(5 * MINUTE).toISOString())
  })

  it('answers the same 401 for a wrong password, an unknown name and a disabled account', async () => {
    const disabled = await createStaffer(app, { roles: ['editor'], name: 'tingyong' })
    await app.repositories.staff.update(disabled.id, { disabled: true }, clock)

    const answers = [
      await login('wangbianji', 'wrong-password-123'),
      await login('nobody-here', TEST_PASSWORD),
      await login('tingyong', TEST_PASSWORD)
    ]
    for (const response of answers) {
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ error: { code: 'BAD_CREDENTIALS', message: '账号或密码不正确' } })
    }
  })

  it('spends as long on an unknown name as on a known one, so timing does not reveal names', async () => {
    // At the production cost: with the tests' low one a hash is too quick to tell from skipping it.
    const production = buildTestApp({ passwordCost: SCRYPT_COST, now: () => clock })
    try {
      await createStaffer(production, { roles: ['editor'], name: 'wangbianji' })
      const timed = async (name: string) => {
        const started = performance.now()
        expect((await login(name, 'not-the-password-1', { on: production })).statusCode).toBe(401)
        return performance.now() - started
      }
      // Warm-up: the dummy hash is computed once per process and cost.
      await timed('nobody-at-all')
      const known = [await timed('wangbianji'), await timed('wangbianji')]
      const unknown = [await timed('nobody-at-all'), await timed('nobody-else')]
      // Both run a full scrypt check (hundreds of ms); skipping it would take a few ms.
      expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...known) * 0.4)
    } finally {
      await production.close()
    }
  })

  it('explains a malformed request and refuses unknown fields', async () => {
    const missing = await app.inject({ method: 'POST', url: '/api/staff/session', payload: { name: 'wangbianji' } })
    expectError(missing, 400, 'INVALID_PARAMETER', '参数 password 无效：请填写密码')
    const extra = await app.inject({
      method: 'POST',
      url: '/api/staff/session',
      payload: { name: 'wangbianji', password: TEST_PASSWORD, remember: true }
    })
    expectError(extra, 400, 'UNKNOWN_PARAMETER', '未知参数：remember')
  })
})

describe('lockout after repeated failures', () => {
  it('locks an account after 5 failures within a minute, from any address, until 15 minutes after the 5th', async () => {
    await createStaffer(app, { roles: ['editor'], name: 'suoding' })
    for (let failure = 1; failure <= 4; failure += 1) {
      clock = at(failure * 1000)
      expectError(await login('suoding', `wrong-password-${failure}`), 401, 'BAD_CREDENTIALS')
    }
    clock = at(5 * 1000)
    const fifth = await login('suoding', 'wrong-password-5')
    // 10:00:05 + 15 min, Beijing time.
    expectError(fifth, 429, 'LOCKED_OUT', '登录失败次数过多，请于 10:15 后再试')
    expect(fifth.json().error.until).toBe(at(5 * 1000 + 15 * MINUTE).toISOString())
    expect(fifth.headers['retry-after']).toBe(String(15 * 60))

    // The right password does not help while the lock lasts, nor does another address.
    clock = at(10 * MINUTE)
    const during = await login('suoding', TEST_PASSWORD)
    expectError(during, 429, 'LOCKED_OUT', '登录失败次数过多，请于 10:15 后再试')
    expect(during.headers['retry-after']).toBe(String(5 * 60 + 5))

    clock = at(5 * 1000 + 15 * MINUTE - 1000)
    expectError(await login('suoding', TEST_PASSWORD), 429, 'LOCKED_OUT')
    clock = at(5 * 1000 + 15 * MINUTE)
    expect((await login('suoding', TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('does not lock for failures spread over more than a minute', async () => {
    await createStaffer(app, { roles: ['editor'], name: 'manman' })
    for (let failure = 0; failure < 8; failure += 1) {
      clock = at(failure * 20 * 1000)
      // At most 3 failures fall in any 60-second window.
      expectError(await login('manman', 'wrong-password-1'), 401, 'BAD_CREDENTIALS')
    }
  })

  it('forgets earlier failures after a good login', async () => {
    await createStaffer(app, { roles: ['editor'], name: 'shouhua' })
    for (let failure = 1; failure <= 4; failure += 1) expectError(await login('shouhua', 'wrong-password-1'), 401, 'BAD_CREDENTIALS')
    expect((await login('shouhua', TEST_PASSWORD)).statusCode).toBe(200)
    for (let failure = 1; failure <= 4; failure += 1) expectError(await login('shouhua', 'wrong-password-1'), 401, 'BAD_CREDENTIALS')
    expect((await login('shouhua', TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('still locks when the guesses arrive all at once, and then refuses even the right password', async () => {
    await createStaffer(app, { roles: ['editor'], name: 'bingfa' })
    const burst = await Promise.all(Array.from({ length: 8 }, (_, index) => login('bingfa', `wrong-password-${index}`)))
    for (const response of burst) expect([401, 429]).toContain(response.statusCode)
    expect(burst.map((response) => response.statusCode)).toContain(429)
    expectError(await login('bingfa', TEST_PASSWORD), 429, 'LOCKED_OUT')
  })

  it('locks an address after 5 failures within a minute, whatever names it tries', async () => {
    await createStaffer(app, { roles: ['editor'], name: 'tongji' })
    const address = '203.0.113.50'
    clock = at(60 * MINUTE)
    for (let failure = 1; failure <= 4; failure += 1) {
      expectError(await login(`guess${failure}`, 'wrong-password-1', { address }), 401, 'BAD_CREDENTIALS')
    }
    expectError(await login('guess5', 'wrong-password-1', { address }), 429, 'LOCKED_OUT', '登录失败次数过多，请于 11:15 后再试')
    // A real staffer behind that address waits too; from elsewhere the account is fine.
    expectError(await login('tongji', TEST_PASSWORD, { address }), 429, 'LOCKED_OUT')
    expect((await login('tongji', TEST_PASSWORD, { address: '203.0.113.51' })).statusCode).toBe(200)

    clock = at(75 * MINUTE)
    expect((await login('tongji', TEST_PASSWORD, { address })).statusCode).toBe(200)
  })

  it('counts the connecting address and ignores X-Forwarded-For unless TRUST_PROXY says so', async () => {
    const address = '203.0.113.60'
    clock = at(120 * MINUTE)
    for (let failure = 1; failure <= 5; failure += 1) {
      await login(`spoof${failure}`, 'wrong-password-1', { address, headers: { 'x-forwarded-for': `192.0.2.${failure}` } })
    }
    expectError(await login('spoof6', 'wrong-password-1', { address, headers: { 'x-forwarded-for': '192.0.2.99' } }), 429, 'LOCKED_OUT')
  })

  it.each([
    ['the proxy address', '127.0.0.1'],
    ['a hop count', '1']
  ])('counts the worker behind the proxy when TRUST_PROXY names %s', async (_label, trustProxy) => {
    const proxied = buildTestApp({ env: { TRUST_PROXY: trustProxy }, now: () => clock })
    try {
      await proxied.ready()
      await createStaffer(proxied, { roles: ['editor'], name: 'daili' })
      const via = (worker: string) => ({ address: '127.0.0.1', headers: { 'x-forwarded-for': worker }, on: proxied })
      for (let failure = 1; failure <= 4; failure += 1) {
        expectError(await login(`other${failure}`, 'wrong-password-1', via('192.0.2.10')), 401, 'BAD_CREDENTIALS')
      }
      expectError(await login('other5', 'wrong-password-1', via('192.0.2.10')), 429, 'LOCKED_OUT')
      // Another worker behind the same proxy is not locked out.
      expect((await login('daili', TEST_PASSWORD, via('192.0.2.11'))).statusCode).toBe(200)
    } finally {
      await proxied.close()
    }
  })
})

describe('sessions', () => {
  let token: string
  beforeAll(async () => {
    await createStaffer(app, { roles: ['handler'], name: 'jingban', displayName: '李经办' })
  })
  beforeEach(async () => {
    token = await tokenOf('jingban')
  })

  it('end after 30 minutes without a request; each request moves that on', async () => {
    clock = at(29 * MINUTE)
    expect((await me(token)).statusCode).toBe(200)
    clock = at(58 * MINUTE)
    expect((await me(token)).statusCode).toBe(200)
    clock = at(88 * MINUTE)
    expectError(await me(token), 401, 'SESSION_ENDED', SESSION_ENDED)
    // Gone for good, not just late.
    clock = at(89 * MINUTE)
    expectError(await me(token), 401, 'SESSION_ENDED')
  })

  it('end 12 hours after login however busy the staffer is', async () => {
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock = at(minutes * MINUTE)
      expect((await me(token)).statusCode).toBe(200)
    }
    clock = at(12 * 60 * MINUTE)
    expectError(await me(token), 401, 'SESSION_ENDED', SESSION_ENDED)
  })

  it('end on logout', async () => {
    const other = await tokenOf('jingban')
    const logout = await app.inject({ method: 'DELETE', url: '/api/staff/session', headers: bearer(token) })
    expect(logout.statusCode).toBe(204)
    expect(logout.body).toBe('')
    expectError(await me(token), 401, 'SESSION_ENDED')
    expectError(await app.inject({ method: 'DELETE', url: '/api/staff/session', headers: bearer(token) }), 401, 'SESSION_ENDED')
    // Only that session: the staffer's other device stays logged in.
    expect((await me(other)).statusCode).toBe(200)
  })

  it('end when an administrator disables the account', async () => {
    const staffer = await createStaffer(app, { roles: ['editor'], name: 'beitingyong' })
    const own = await tokenOf('beitingyong')
    const change = await app.inject({
      method: 'PATCH',
      url: `/api/staff/accounts/${staffer.id}`,
      headers: await adminHeaders(),
      payload: { disabled: true }
    })
    expect(change.statusCode).toBe(200)
    expectError(await me(own), 401, 'SESSION_ENDED')
    expectError(await login('beitingyong', TEST_PASSWORD), 401, 'BAD_CREDENTIALS', '账号或密码不正确')
  })

  it('end when an administrator resets the password', async () => {
    const staffer = await createStaffer(app, { roles: ['editor'], name: 'chongzhi' })
    const own = await tokenOf('chongzhi')
    const reset = await app.inject({
      method: 'PUT',
      url: `/api/staff/accounts/${staffer.id}/password`,
      headers: await adminHeaders(),
      payload: { password: '新的临时口令-蜂蜜-07' }
    })
    expect(reset.statusCode).toBe(204)
    expectError(await me(own), 401, 'SESSION_ENDED')
    expectError(await login('chongzhi', TEST_PASSWORD), 401, 'BAD_CREDENTIALS')
    expect((await login('chongzhi', '新的临时口令-蜂蜜-07')).statusCode).toBe(200)
  })

  it('never take the token from the query string', async () => {
    for (const url of [`/api/staff/me?token=${token}`, `/api/staff/me?access_token=${token}`, `/api/staff/me?authorization=Bearer%20${token}`]) {
      const response = await app.inject({ method: 'GET', url })
      expectError(response, 401, 'UNAUTHENTICATED', NOT_LOGGED_IN)
    }
  })

  it('say in Chinese why a request is refused', async () => {
    expectError(await app.inject({ method: 'GET', url: '/api/staff/me' }), 401, 'UNAUTHENTICATED', NOT_LOGGED_IN)
    expectError(await app.inject({ method: 'GET', url: '/api/staff/me', headers: { authorization: `Basic ${token}` } }), 401, 'UNAUTHENTICATED')
    const forged = await app.inject({ method: 'GET', url: '/api/staff/me', headers: bearer('x'.repeat(43)) })
    expectError(forged, 401, 'SESSION_ENDED', SESSION_ENDED)
    expect(forged.headers['cache-control']).toBe('no-store')
    const forbidden = await app.inject({ method: 'GET', url: '/api/staff/accounts', headers: bearer(token) })
    expectError(forbidden, 403, 'FORBIDDEN', '没有权限：此操作需要管理员角色')
    expectError(await app.inject({ method: 'GET', url: '/api/staff/audit', headers: bearer(token) }), 403, 'FORBIDDEN')
  })
})

describe('changing one\'s own password', () => {
  const NEW_PASSWORD = '京郊-密云水库-晨跑-42'
  let staffer: StaffMe
  let token: string
  beforeAll(async () => {
    staffer = await createStaffer(app, { roles: ['editor'], name: 'gaimima', displayName: '周改密' })
  })
  beforeEach(async () => {
    token = await tokenOf('gaimima')
  })

  const change = (body: Record<string, unknown>, as = token) =>
    app.inject({ method: 'PUT', url: '/api/staff/me/password', headers: bearer(as), payload: body, remoteAddress: freshAddress() })

  it.each([
    ['too short', 'duan-mima-1', 'newPassword', '密码至少 12 个字符'],
    ['common', 'password1234', 'newPassword', COMMON_PASSWORD_MESSAGE],
    ['a Chinese favourite', 'woaini1314520', 'newPassword', COMMON_PASSWORD_MESSAGE],
    ['a common one in full-width capitals', 'ＱＷＥＲＴＹＵＩＯＰ１２', 'newPassword', COMMON_PASSWORD_MESSAGE],
    ['with the login name in it', 'gaimima-2026-spring', 'newPassword', PASSWORD_HAS_NAME_MESSAGE],
    ['with the staffer\'s name in it', '我是周改密，这是我的新密码啊', 'newPassword', '密码不能包含姓名']
  ])('refuses a new password that is %s', async (_label, newPassword, field, message) => {
    const response = await change({ currentPassword: TEST_PASSWORD, newPassword })
    expectError(response, 400, 'INVALID_FIELD', message)
    expect(response.json().error.field).toBe(field)
    expect(response.json().error.problems).toEqual([{ field, message }])
  })

  it('needs the current password', async () => {
    const response = await change({ currentPassword: 'not-my-password', newPassword: NEW_PASSWORD })
    expectError(response, 400, 'INVALID_FIELD', '当前密码不正确')
    expect(response.json().error.field).toBe('currentPassword')
    expectError(await change({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }), 400, 'INVALID_FIELD', '新密码不能与当前密码相同')
  })

  it('counts wrong current passwords like failed logins', async () => {
    await createStaffer(app, { roles: ['editor'], name: 'caimima' })
    const own = await tokenOf('caimima')
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expectError(await change({ currentPassword: `guess-number-${attempt}`, newPassword: NEW_PASSWORD }, own), 400, 'INVALID_FIELD', '当前密码不正确')
    }
    const fifth = await change({ currentPassword: 'guess-number-5', newPassword: NEW_PASSWORD }, own)
    expectError(fifth, 429, 'LOCKED_OUT', '登录失败次数过多，请于 10:15 后再试')
    expect(fifth.headers['retry-after']).toBe('900')
    expectError(await login('caimima', TEST_PASSWORD), 429, 'LOCKED_OUT')
  })

  it('replaces the password, ends the other sessions and keeps this one, and is audited without the password', async () => {
    const otherDevice = await tokenOf('gaimima')
    clock = at(MINUTE)
    const response = await change({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })
    expect(response.statusCode).toBe(204)
    expect((await me(token)).statusCode).toBe(200)
    expectError(await me(otherDevice), 401, 'SESSION_ENDED')
    expectError(await login('gaimima', TEST_PASSWORD), 401, 'BAD_CREDENTIALS')
    expect((await login('gaimima', NEW_PASSWORD)).statusCode).toBe(200)

    const audit = await app.inject({ method: 'GET', url: `/api/staff/audit?entity=staff&entityId=${staffer.id}`, headers: await adminHeaders() })
    const [entry] = audit.json().items
    expect(entry).toMatchObject({
      action: 'change-password',
      staffId: staffer.id,
      staffName: '周改密',
      entity: 'staff',
      entityId: staffer.id,
      at: at(MINUTE).toISOString(),
      before: { id: staffer.id, name: 'gaimima' },
      after: { id: staffer.id, name: 'gaimima' }
    })
    expect(audit.body).not.toContain(NEW_PASSWORD)
    expect(audit.body).not.toContain(TEST_PASSWORD)
    expect(audit.body).not.toMatch(/scrypt|hash/i)
  })
})
