/** Sign-up tables (migration 0009) and their rows ⇄ what workers and staff read. */
import type { Generated, Selectable } from 'kysely'
import { maskPhone, normalizePhone, type SignupEventType, type SignupFields, type SignupState } from '@/domain'
import type { FieldCipher } from '../core/crypto'
import { optional } from '../core/db/row-helpers'

export interface SignupEventsTable {
  event_type: SignupEventType
  event_id: string
  taken: Generated<number>
  waitlisted: Generated<number>
  next_seq: Generated<number>
  check_in_secret: string
}

export interface SignupsTable {
  id: string
  event_type: SignupEventType
  event_id: string
  worker_id: string
  seq: number
  state: SignupState
  /** Sealed JSON of SignupFields. */
  fields_enc: string
  phone_masked: string
  idempotency_key: string
  reason: string | null
  created_at: string
  updated_at: string
  seen_at: string | null
  checked_in_at: string | null
  checked_in_by: string | null
  version: Generated<number>
  updated_by: string | null
}

declare module '../core/db/database' {
  interface Database {
    signup_events: SignupEventsTable
    signups: SignupsTable
  }
}

export type SignupRow = Selectable<SignupsTable>

/** The typed answers, sealed as one value: what is typed is never stored in clear. */
export function sealFields(cipher: FieldCipher, fields: SignupFields): { fields_enc: string; phone_masked: string } {
  const kept: SignupFields = {
    name: fields.name.trim(),
    phone: normalizePhone(fields.phone),
    employer: fields.employer.trim(),
    ...optional('trade', fields.trade === undefined ? null : fields.trade.trim()),
    ...optional('years', fields.years ?? null)
  }
  return { fields_enc: cipher.seal(JSON.stringify(kept)), phone_masked: maskPhone(fields.phone) }
}

export function openFields(cipher: FieldCipher, row: Pick<SignupRow, 'fields_enc'>): SignupFields {
  return JSON.parse(cipher.open(row.fields_enc)) as SignupFields
}
