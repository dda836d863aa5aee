/** The staff accounts in the staff page tests' server (created by global-setup.ts). */
import type { StaffRole } from '@/domain'

export const STAFF_TEST_PASSWORD = '密云工会-页面测试-2026'

export const STAFF_ACCOUNTS = {
  editor: { name: 'bianji', displayName: '王编辑', roles: ['editor'] as StaffRole[] },
  handler: { name: 'jingban', displayName: '李经办', roles: ['handler'] as StaffRole[] },
  admin: { name: 'guanli', displayName: '赵管理', roles: ['admin'] as StaffRole[] }
} as const

export function staffPageTestPort(): number {
  const port = Number(process.env.MIYUN_STAFF_PAGE_TEST_PORT)
  if (!Number.isInteger(port) || port <= 0) throw new Error('MIYUN_STAFF_PAGE_TEST_PORT is not set: run the tests through jest.config.js')
  return port
}
