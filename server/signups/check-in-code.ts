/**
 * The 6-digit check-in code of an event: HOTP (RFC 4226) over the event's secret and the 30-second step (TOTP-style),
 * so the code on the staff screen changes every 30 s and a code photographed and sent away stops working within a
 * minute. The current and the previous step are accepted: a worker who reads the code just before it changes still
 * gets in.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const CHECK_IN_STEP_SECONDS = 30
export const CHECK_IN_CODE_DIGITS = 6
export const CHECK_IN_CODE_PATTERN = '^[0-9]{6}$'

function stepOf(at: Date): number {
  return Math.floor(at.getTime() / 1000 / CHECK_IN_STEP_SECONDS)
}

function hotp(secretHex: string, counter: number): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const digest = createHmac('sha256', Buffer.from(secretHex, 'hex')).update(message).digest()
  // RFC 4226 dynamic truncation.
  const offset = digest[digest.length - 1]! & 0x0f
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 10 ** CHECK_IN_CODE_DIGITS
  return value.toString().padStart(CHECK_IN_CODE_DIGITS, '0')
}

/** The code shown now and the instant it stops being the current one. */
export function currentCheckInCode(secretHex: string, now: Date): { code: string; validUntil: string } {
  const step = stepOf(now)
  return { code: hotp(secretHex, step), validUntil: new Date((step + 1) * CHECK_IN_STEP_SECONDS * 1000).toISOString() }
}

/** True for the current step's code and the previous one's. */
export function checkInCodeMatches(secretHex: string, code: string, now: Date): boolean {
  const step = stepOf(now)
  const given = Buffer.from(code)
  return [step, step - 1].some((counter) => {
    const expected = Buffer.from(hotp(secretHex, counter))
    return expected.length === given.length && timingSafeEqual(expected, given)
  })
}
