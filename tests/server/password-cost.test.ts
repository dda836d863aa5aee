/**
 * The one test that holds the production password-hash parameters: an app built without a passwordCost (as
 * server/main.ts builds it) stores scrypt N = 2^17, r = 8, p = 1 hashes, and they verify. Every other test runs at
 * the low TEST_PASSWORD_COST.
 */
import { verifyPassword } from '@server/core/auth/passwords'
import { buildTestApp, removeTempDirs } from './support/test-app'
import { staffSession } from './support/staff'

afterAll(removeTempDirs)

it('an app built with the default cost stores production-strength scrypt hashes', async () => {
  // undefined: buildApp's own default, not the test cost.
  const app = buildTestApp({ passwordCost: undefined })
  try {
    expect(app.passwordCost).toEqual({ logN: 17, r: 8, p: 1 })
    const admin = await staffSession(app, ['admin'])
    const password = '古北水镇-夜游-长城-88'
    const response = await app.inject({
      method: 'POST',
      url: '/api/staff/accounts',
      headers: admin.headers,
      payload: { name: 'qiangdu', displayName: '强度', roles: ['editor'], password }
    })
    expect(response.statusCode).toBe(201)
    const row = await app.repositories.staff.findByName('qiangdu')
    const [scheme, logN, r, p, salt, key] = row!.password_hash.split('$')
    expect({ scheme, logN, r, p }).toEqual({ scheme: 'scrypt', logN: '17', r: '8', p: '1' })
    expect(Buffer.from(salt, 'base64')).toHaveLength(16)
    expect(Buffer.from(key, 'base64')).toHaveLength(32)
    expect(await verifyPassword(password, row!.password_hash)).toBe(true)
  } finally {
    await app.close()
  }
})
