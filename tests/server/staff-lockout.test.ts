/**
 * The login lockout: five failures within a minute lock the account, and separately the address, for 15 minutes;
 * behind a trusted proxy the address is the worker's, not the proxy's.
 */
import { MINUTE, at, expectError, useAuthDesk } from './support/auth-desk'
import { TEST_PASSWORD, createStaffer } from './support/staff'
import { buildTestApp } from './support/test-app'

const desk = useAuthDesk('miyun-staff-lockout-')
const { login } = desk

describe('lockout after repeated failures', () => {
  it('locks an account after 5 failures within a minute, from any address, until 15 minutes after the 5th', async () => {
    await createStaffer(desk.app, { roles: ['editor'], name: 'suoding' })
    for (let failure = 1; failure <= 4; failure += 1) {
      desk.clock = at(failure * 1000)
      expectError(await login('suoding', `wrong-password-${failure}`), 401, 'BAD_CREDENTIALS')
    }
    desk.clock = at(5 * 1000)
    const fifth = await login('suoding', 'wrong-password-5')
    // 10:00:05 + 15 min, Beijing time.
    expectError(fifth, 429, 'LOCKED_OUT', '登录失败次数过多，请于 10:15 后再试')
    expect(fifth.json().error.until).toBe(at(5 * 1000 + 15 * MINUTE).toISOString())
    expect(fifth.headers['retry-after']).toBe(String(15 * 60))

    // The right password does not help while the lock lasts, nor does another address.
    desk.clock = at(10 * MINUTE)
    const during = await login('suoding', TEST_PASSWORD)
    expectError(during, 429, 'LOCKED_OUT', '登录失败次数过多，请于 10:15 后再试')
    expect(during.headers['retry-after']).toBe(String(5 * 60 + 5))

    desk.clock = at(5 * 1000 + 15 * MINUTE - 1000)
    expectError(await login('suoding', TEST_PASSWORD), 429, 'LOCKED_OUT')
    desk.clock = at(5 * 1000 + 15 * MINUTE)
    expect((await login('suoding', TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('does not lock for failures spread over more than a minute', async () => {
    await createStaffer(desk.app, { roles: ['editor'], name: 'manman' })
    for (let failure = 0; failure < 8; failure += 1) {
      desk.clock = at(failure * 20 * 1000)
      // At most 3 failures fall in any 60-second window.
      expectError(await login('manman', 'wrong-password-1'), 401, 'BAD_CREDENTIALS')
    }
  })

  it('forgets earlier failures after a good login', async () => {
    await createStaffer(desk.app, { roles: ['editor'], name: 'shouhua' })
    for (let failure = 1; failure <= 4; failure += 1) expectError(await login('shouhua', 'wrong-password-1'), 401, 'BAD_CREDENTIALS')
    expect((await login('shouhua', TEST_PASSWORD)).statusCode).toBe(200)
    for (let failure = 1; failure <= 4; failure += 1) expectError(await login('shouhua', 'wrong-password-1'), 401, 'BAD_CREDENTIALS')
    expect((await login('shouhua', TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('still locks when the guesses arrive all at once, and then refuses even the right password', async () => {
    await createStaffer(desk.app, { roles: ['editor'], name: 'bingfa' })
    const burst = await Promise.all(Array.from({ length: 8 }, (_, index) => login('bingfa', `wrong-password-${index}`)))
    for (const response of burst) expect([401, 429]).toContain(response.statusCode)
    expect(burst.map((response) => response.statusCode)).toContain(429)
    expectError(await login('bingfa', TEST_PASSWORD), 429, 'LOCKED_OUT')
  })

  it('locks an address after 5 failures within a minute, whatever names it tries', async () => {
    await createStaffer(desk.app, { roles: ['editor'], name: 'tongji' })
    const address = '203.0.113.50'
    desk.clock = at(60 * MINUTE)
    for (let failure = 1; failure <= 4; failure += 1) {
      expectError(await login(`guess${failure}`, 'wrong-password-1', { address }), 401, 'BAD_CREDENTIALS')
    }
    expectError(await login('guess5', 'wrong-password-1', { address }), 429, 'LOCKED_OUT', '登录失败次数过多，请于 11:15 后再试')
    // A real staffer behind that address waits too; from elsewhere the account is fine.
    expectError(await login('tongji', TEST_PASSWORD, { address }), 429, 'LOCKED_OUT')
    expect((await login('tongji', TEST_PASSWORD, { address: '203.0.113.51' })).statusCode).toBe(200)

    desk.clock = at(75 * MINUTE)
    expect((await login('tongji', TEST_PASSWORD, { address })).statusCode).toBe(200)
  })

  it('counts the connecting address and ignores X-Forwarded-For unless TRUST_PROXY says so', async () => {
    const address = '203.0.113.60'
    desk.clock = at(120 * MINUTE)
    for (let failure = 1; failure <= 5; failure += 1) {
      await login(`spoof${failure}`, 'wrong-password-1', { address, headers: { 'x-forwarded-for': `192.0.2.${failure}` } })
    }
    expectError(await login('spoof6', 'wrong-password-1', { address, headers: { 'x-forwarded-for': '192.0.2.99' } }), 429, 'LOCKED_OUT')
  })

  it.each([
    ['the proxy address', '127.0.0.1'],
    ['a hop count', '1']
  ])('counts the worker behind the proxy when TRUST_PROXY names %s', async (_label, trustProxy) => {
    const proxied = buildTestApp({ env: { TRUST_PROXY: trustProxy }, now: () => desk.clock })
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
