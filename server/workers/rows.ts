/** The workers slice's tables (migration 0006-workers) and row ⇄ record mapping. */
import type { FieldCipher } from '../core/crypto'
import { PRIVACY_NOTICE_VERSION, type SignupPrefill, type WorkerKind, type WorkerMe } from '@/domain'

export interface WorkersTable {
  id: string
  kind: WorkerKind
  /** FieldCipher.lookup("wechat:<openid>" | "device:<secret>") */
  lookup: string
  /** Sealed openid; null for a device identity. */
  openid: string | null
  consent_version: number | null
  consent_at: string | null
  /** Sealed JSON of SignupPrefill. */
  prefill: string | null
  created_at: string
}

export interface WorkerSessionsTable {
  token_hash: string
  worker_id: string
  created_at: string
  expires_at: string
}

declare module '../core/db/database' {
  interface Database {
    workers: WorkersTable
    worker_sessions: WorkerSessionsTable
  }
}

export type WorkerRow = WorkersTable

/** The lookup hash of an identity: the kind is part of it, so a device secret can never match an openid. */
export function identityLookup(cipher: FieldCipher, kind: WorkerKind, value: string): string {
  return cipher.lookup(`${kind}:${value}`)
}

export function prefillFromColumn(cipher: FieldCipher, sealed: string | null): SignupPrefill | null {
  return sealed === null ? null : (JSON.parse(cipher.open(sealed)) as SignupPrefill)
}

export function prefillColumn(cipher: FieldCipher, prefill: SignupPrefill): string {
  // Only the known answers, in a fixed order: nothing else a caller put in the object is kept.
  const kept: SignupPrefill = { name: prefill.name, phone: prefill.phone, employer: prefill.employer }
  if (prefill.trade !== undefined) kept.trade = prefill.trade
  if (prefill.years !== undefined) kept.years = prefill.years
  return cipher.seal(JSON.stringify(kept))
}

export function workerMeFromRow(row: WorkerRow, cipher: FieldCipher): WorkerMe {
  return {
    kind: row.kind,
    consent: row.consent_version !== null && row.consent_at !== null ? { version: row.consent_version, agreedAt: row.consent_at } : null,
    noticeVersion: PRIVACY_NOTICE_VERSION,
    prefill: prefillFromColumn(cipher, row.prefill)
  }
}
