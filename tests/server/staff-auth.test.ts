/**
 * Staff login, sessions and passwords through HTTP on a real database file, with the clock moved by the test
 * (the lockout after repeated failures: staff-lockout.test.ts).
 */
import { COMMON_PASSWORD_MESSAGE, PASSWORD_HAS_NAME_MESSAGE } from '@server/core/auth/password-policy'
import { NOT_LOGGED_IN, SESSION_ENDED } from '@server/core/auth/plugin'
import { SCRYPT_COST } from '@server/core/auth/passwords'
import type { StaffMe } from '@/domain'
import { MINUTE, at, bearer, expectError, useAuthDesk } from './support/auth-desk'
import { TEST_PASSWORD, createStaffer } from './support/staff'
import { buildTestApp } from './support/test-app'

const desk = useAuthDesk('miyun-staff-auth-')
const { adminHeaders, freshAddress, login, me, tokenOf } = desk

describe('logging in', () => {
  let editor: StaffMe
  beforeAll(async () => {
    editor = await createStaffer(desk.app, { roles: ['editor'], name: 'wangbianji', displayName: '王编辑' })
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
    desk.clock = at(5 * MINUTE)
    await tokenOf('wangbianji')
    const accounts = await desk.app.inject({ method: 'GET', url: '/api/staff/accounts', headers: await adminHeaders() })
    const account = accounts.json().find((item: { id: string }) => item.id === editor.id)
    expect(account.lastLoginAt).toBe(at(5 * MINUTE).toISOString())
  })

  it('answers the same 401 for a wrong password, an unknown name and a disabled account', async () => {
    const disabled = await createStaffer(desk.app, { roles: ['editor'], name: 'tingyong' })
    await desk.app.repositories.staff.update(disabled.id, { disabled: true }, desk.clock)

    const answers = [await login('wangbianji', 'wrong-password-123'), await login('nobody-here', TEST_PASSWORD), await login('tingyong', TEST_PASSWORD)]
    for (const response of answers) {
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ error: { code: 'BAD_CREDENTIALS', message: '账号或密码不正确' } })
    }
  })

  it('spends as long on an unknown name as on a known one, so timing does not reveal names', async () => {
    // At the production cost: with the tests' low one a hash is too quick to tell from skipping it.
    const production = buildTestApp({ passwordCost: SCRYPT_COST, now: () => desk.clock })
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
    const missing = await desk.app.inject({ method: 'POST', url: '/api/staff/session', payload: { name: 'wangbianji' } })
    expectError(missing, 400, 'INVALID_PARAMETER', '参数 password 无效：请填写密码')
    const extra = await desk.app.inject({
      method: 'POST',
      url: '/api/staff/session',
      payload: { name: 'wangbianji', password: TEST_PASSWORD, remember: true }
    })
    expectError(extra, 400, 'UNKNOWN_PARAMETER', '未知参数：remember')
  })
})

describe('sessions', () => {
  let token: string
  beforeAll(async () => {
    await createStaffer(desk.app, { roles: ['handler'], name: 'jingban', displayName: '李经办' })
  })
  beforeEach(async () => {
    token = await tokenOf('jingban')
  })

  it('end after 30 minutes without a request; each request moves that on', async () => {
    desk.clock = at(29 * MINUTE)
    expect((await me(token)).statusCode).toBe(200)
    desk.clock = at(58 * MINUTE)
    expect((await me(token)).statusCode).toBe(200)
    desk.clock = at(88 * MINUTE)
    expectError(await me(token), 401, 'SESSION_ENDED', SESSION_ENDED)
    // Gone for good, not just late.
    desk.clock = at(89 * MINUTE)
    expectError(await me(token), 401, 'SESSION_ENDED')
  })

  it('end 12 hours after login however busy the staffer is', async () => {
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      desk.clock = at(minutes * MINUTE)
      expect((await me(token)).statusCode).toBe(200)
    }
    desk.clock = at(12 * 60 * MINUTE)
    expectError(await me(token), 401, 'SESSION_ENDED', SESSION_ENDED)
  })

  it('end on logout', async () => {
    const other = await tokenOf('jingban')
    const logout = await desk.app.inject({ method: 'DELETE', url: '/api/staff/session', headers: bearer(token) })
    expect(logout.statusCode).toBe(204)
    expect(logout.body).toBe('')
    expectError(await me(token), 401, 'SESSION_ENDED')
    expectError(await desk.app.inject({ method: 'DELETE', url: '/api/staff/session', headers: bearer(token) }), 401, 'SESSION_ENDED')
    // Only that session: the staffer's other device stays logged in.
    expect((await me(other)).statusCode).toBe(200)
  })

  it('end when an administrator disables the account', async () => {
    const staffer = await createStaffer(desk.app, { roles: ['editor'], name: 'beitingyong' })
    const own = await tokenOf('beitingyong')
    const change = await desk.app.inject({
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
    const staffer = await createStaffer(desk.app, { roles: ['editor'], name: 'chongzhi' })
    const own = await tokenOf('chongzhi')
    const reset = await desk.app.inject({
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
      const response = await desk.app.inject({ method: 'GET', url })
      expectError(response, 401, 'UNAUTHENTICATED', NOT_LOGGED_IN)
    }
  })

  it('say in Chinese why a request is refused', async () => {
    expectError(await desk.app.inject({ method: 'GET', url: '/api/staff/me' }), 401, 'UNAUTHENTICATED', NOT_LOGGED_IN)
    expectError(await desk.app.inject({ method: 'GET', url: '/api/staff/me', headers: { authorization: `Basic ${token}` } }), 401, 'UNAUTHENTICATED')
    const forged = await desk.app.inject({ method: 'GET', url: '/api/staff/me', headers: bearer('x'.repeat(43)) })
    expectError(forged, 401, 'SESSION_ENDED', SESSION_ENDED)
    expect(forged.headers['cache-control']).toBe('no-store')
    const forbidden = await desk.app.inject({ method: 'GET', url: '/api/staff/accounts', headers: bearer(token) })
    expectError(forbidden, 403, 'FORBIDDEN', '没有权限：此操作需要管理员角色')
    expectError(await desk.app.inject({ method: 'GET', url: '/api/staff/audit', headers: bearer(token) }), 403, 'FORBIDDEN')
  })
})

describe("changing one's own password", () => {
  const NEW_PASSWORD = '京郊-密云水库-晨跑-42'
  let staffer: StaffMe
  let token: string
  beforeAll(async () => {
    staffer = await createStaffer(desk.app, { roles: ['editor'], name: 'gaimima', displayName: '周改密' })
  })
  beforeEach(async () => {
    token = await tokenOf('gaimima')
  })

  const change = (body: Record<string, unknown>, as = token) =>
    desk.app.inject({ method: 'PUT', url: '/api/staff/me/password', headers: bearer(as), payload: body, remoteAddress: freshAddress() })

  it.each([
    ['too short', 'duan-mima-1', 'newPassword', '密码至少 12 个字符'],
    ['common', 'password1234', 'newPassword', COMMON_PASSWORD_MESSAGE],
    ['a Chinese favourite', 'woaini1314520', 'newPassword', COMMON_PASSWORD_MESSAGE],
    ['a common one in full-width capitals', 'ＱＷＥＲＴＹＵＩＯＰ１２', 'newPassword', COMMON_PASSWORD_MESSAGE],
    ['with the login name in it', 'gaimima-2026-spring', 'newPassword', PASSWORD_HAS_NAME_MESSAGE],
    ["with the staffer's name in it", '我是周改密，这是我的新密码啊', 'newPassword', '密码不能包含姓名']
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
    await createStaffer(desk.app, { roles: ['editor'], name: 'caimima' })
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
    desk.clock = at(MINUTE)
    const response = await change({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })
    expect(response.statusCode).toBe(204)
    expect((await me(token)).statusCode).toBe(200)
    expectError(await me(otherDevice), 401, 'SESSION_ENDED')
    expectError(await login('gaimima', TEST_PASSWORD), 401, 'BAD_CREDENTIALS')
    expect((await login('gaimima', NEW_PASSWORD)).statusCode).toBe(200)

    const audit = await desk.app.inject({ method: 'GET', url: `/api/staff/audit?entity=staff&entityId=${staffer.id}`, headers: await adminHeaders() })
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
