/**
 * Administrators changing accounts at the same moment: on PostgreSQL the last-admin check locks rows, and locked in
 * no fixed order two changes deadlocked (40P01) and answered 500. Every change now locks in one order, and a
 * deadlock or serialization failure that still happens is tried again (server/core/db/transaction.ts). Both databases.
 */
import type { StaffRole } from '@/domain'
import type { App } from '@server/app'
import { isRetryableConflict, transaction } from '@server/core/db/transaction'
import { testDatabases } from './support/databases'
import { createStaffer, sessionFor, type TestStaffer } from './support/staff'
import { buildTestApp } from './support/test-app'

describe('transaction()', () => {
  it('tries the work again after a deadlock or serialization failure, and only then', async () => {
    const app = buildTestApp()
    await app.ready()
    try {
      let runs = 0
      const answer = await transaction(app.db, async () => {
        runs += 1
        if (runs < 3) throw Object.assign(new Error('deadlock detected'), { code: runs === 1 ? '40P01' : '40001' })
        return 'done'
      })
      expect({ answer, runs }).toEqual({ answer: 'done', runs: 3 })
      let failing = 0
      await expect(
        transaction(app.db, async () => {
          failing += 1
          throw Object.assign(new Error('unique'), { code: '23505' })
        })
      ).rejects.toThrow('unique')
      expect(failing).toBe(1)
      expect(isRetryableConflict({ code: '40P01' })).toBe(true)
      expect(isRetryableConflict(new Error('x'))).toBe(false)
    } finally {
      await app.close()
    }
  })
})

describe.each(testDatabases('accounts_race'))('concurrent account changes ($name)', ({ setUp }) => {
  let app: App
  let tearDown: () => Promise<void>
  let admins: TestStaffer[]
  let accountIds: string[]

  beforeAll(async () => {
    const database = await setUp()
    tearDown = database.tearDown
    app = buildTestApp({ env: database.env })
    await app.ready()
    const adminStaff = await Promise.all(Array.from({ length: 4 }, (_, index) => createStaffer(app, { roles: ['admin'], name: `guanli${index}` })))
    admins = await Promise.all(adminStaff.map((staff) => sessionFor(app, staff)))
    const others = await Promise.all(
      Array.from({ length: 8 }, (_, index) => createStaffer(app, { roles: index % 2 ? ['editor'] : ['admin', 'editor'], name: `bianji${index}` }))
    )
    accountIds = others.map((staff) => staff.id)
  })
  afterAll(async () => {
    await app?.close()
    await tearDown?.()
  })

  it('120 PATCHes at once: every answer 2xx or 4xx, none 500, and an enabled administrator remains', async () => {
    const roleSets: StaffRole[][] = [['editor'], ['admin'], ['admin', 'editor'], ['handler']]
    const requests = Array.from({ length: 120 }, (_, index) => {
      const admin = admins[index % admins.length]
      const id = accountIds[(index * 7) % accountIds.length]
      const change =
        index % 3 === 0
          ? { roles: roleSets[index % roleSets.length] }
          : index % 3 === 1
            ? { disabled: index % 2 === 0 }
            : { displayName: `改名${index}`, roles: roleSets[(index + 1) % roleSets.length] }
      return app.inject({ method: 'PATCH', url: `/api/staff/accounts/${id}`, headers: admin.headers, payload: change })
    })
    const statuses = (await Promise.all(requests)).map((response) => response.statusCode)
    expect(statuses.filter((status) => status >= 500)).toEqual([])
    expect(statuses.every((status) => status >= 200 && status < 500)).toBe(true)
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(60)
    const accounts = (await app.inject({ url: '/api/staff/accounts', headers: admins[0].headers })).json()
    expect(accounts.some((account: { roles: string[]; disabled: boolean }) => account.roles.includes('admin') && !account.disabled)).toBe(true)
  })
})
