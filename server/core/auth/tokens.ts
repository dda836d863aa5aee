/** Session tokens: 256 random bits, base64url; only their SHA-256 is stored. */
import { createHash, randomBytes } from 'node:crypto'

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** `Authorization: Bearer <token>` → token. Tokens never travel in URLs or cookies. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header?.trim() ?? '')
  return match?.[1]
}
