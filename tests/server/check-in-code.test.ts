import { checkInCodeMatches, currentCheckInCode } from '@server/signups/check-in-code'

const secret = 'ab'.repeat(32)

describe('check-in codes', () => {
  it('are 6 digits that change every 30 s, valid for the current and the previous step only', () => {
    const at = new Date('2026-12-05T01:00:10.000Z')
    const { code, validUntil } = currentCheckInCode(secret, at)
    expect(code).toMatch(/^\d{6}$/)
    expect(validUntil).toBe('2026-12-05T01:00:30.000Z')
    expect(currentCheckInCode(secret, new Date('2026-12-05T01:00:29.999Z')).code).toBe(code)
    expect(currentCheckInCode(secret, new Date(validUntil)).code).not.toBe(code)
    expect(checkInCodeMatches(secret, code, new Date('2026-12-05T01:00:59.999Z'))).toBe(true)
    expect(checkInCodeMatches(secret, code, new Date('2026-12-05T01:01:00.000Z'))).toBe(false)
    expect(checkInCodeMatches('cd'.repeat(32), code, at)).toBe(currentCheckInCode('cd'.repeat(32), at).code === code)
    expect(checkInCodeMatches(secret, '12345', at)).toBe(false)
  })
})
