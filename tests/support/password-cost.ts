import type { PasswordCost } from '@server/core/auth/passwords'

/**
 * Password hashes in tests: scrypt at 1/128 of the production memory and time, so a login does not spend 0.3 s and
 * 128 MiB a hash. Every test server uses it (API suites, page tests, browser and simulator suites);
 * tests/server/password-cost.test.ts holds the production parameters.
 */
export const TEST_PASSWORD_COST: PasswordCost = { logN: 10, r: 8, p: 1 }
