/**
 * Single documents edited as a whole (the plan page, the station settings; the hotline is read only): one row of
 * `documents` each, JSON body, with the version columns every editable record has.
 */
import type { AuditEntity, Versioned } from '@/domain'
import { updateWhereVersion, type Executor, type VersionedRecord } from '../versioned/write'
import type { DocumentKey } from './database'

export interface StoredDocument<T> extends Versioned {
  body: T
}

export async function readDocument<T>(executor: Executor, key: DocumentKey): Promise<StoredDocument<T> | undefined> {
  const row = await executor.selectFrom('documents').select(['body', 'version', 'updated_at', 'updated_by']).where('key', '=', key).executeTakeFirst()
  if (!row) return undefined
  return {
    body: JSON.parse(row.body) as T,
    version: row.version,
    updatedAt: row.updated_at,
    ...(row.updated_by === null ? {} : { updatedBy: row.updated_by })
  }
}

/** Seeded on first start and never deleted: a missing document is a broken database, not a user error. */
export async function requireDocument<T>(executor: Executor, key: DocumentKey): Promise<StoredDocument<T>> {
  const document = await readDocument<T>(executor, key)
  if (!document) throw new Error(`documents 表缺少 ${key}`)
  return document
}

/**
 * A document as a versioned record: `toRecord` shapes what the editor sees from the stored document, `toBody`
 * the JSON text a change is stored as.
 */
export function documentRecord<T extends Versioned, C>(
  key: DocumentKey,
  entity: AuditEntity,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each document's body type is its caller's
  toRecord: (document: StoredDocument<any>) => T,
  toBody: (change: C) => string
): VersionedRecord<DocumentKey, T, C> {
  return {
    entity,
    async read(executor) {
      const document = await readDocument(executor, key)
      return document && toRecord(document)
    },
    write(executor, _key, change, stamp) {
      return updateWhereVersion(executor, 'documents', { column: 'key', value: key }, { body: toBody(change) }, stamp)
    }
  }
}
