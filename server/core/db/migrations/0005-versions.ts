/**
 * Versions stored one way: on the row that is edited, as `version`, `updated_at` and `updated_by` columns.
 *
 * - `documents` (the plan, the station settings) had version and updated_at; the last editor's name was a loose
 *   `meta` key ('plan_updated_by', 'station_settings_updated_by'). It becomes the `updated_by` column.
 * - The 首页 featured list is saved as a whole over many `featured` rows; its version lived in meta
 *   ('featured_version', 'featured_updated_at', 'featured_updated_by'). It gets its own one-row table,
 *   `featured_list` (id 'home'), created by the list's first save, and filled from meta here if it was saved before.
 * The meta keys are removed once moved.
 */
import type { Kysely, Migration } from 'kysely'

const DOCUMENT_EDITORS = { plan: 'plan_updated_by', station_settings: 'station_settings_updated_by' } as const
const FEATURED_KEYS = ['featured_version', 'featured_updated_at', 'featured_updated_by'] as const

async function metaValue(db: Kysely<any>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value as string | undefined
}

export const up: Migration['up'] = async (db: Kysely<any>) => {
  await db.schema.alterTable('documents').addColumn('updated_by', 'text').execute()
  for (const [key, metaKey] of Object.entries(DOCUMENT_EDITORS)) {
    const editor = await metaValue(db, metaKey)
    if (editor !== undefined) await db.updateTable('documents').set({ updated_by: editor }).where('key', '=', key).execute()
  }

  await db.schema
    .createTable('featured_list')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute()
  // A list saved before this release: its version as meta had it. One never saved gets its row on its first save.
  const [version, updatedAt, updatedBy] = await Promise.all(FEATURED_KEYS.map((key) => metaValue(db, key)))
  const seededAt = await metaValue(db, 'seeded_at')
  if (version !== undefined && seededAt !== undefined) {
    await db
      .insertInto('featured_list')
      .values({ id: 'home', version: version === undefined ? 1 : Number(version), updated_at: updatedAt ?? seededAt, updated_by: updatedBy ?? null })
      .execute()
  }
  await db
    .deleteFrom('meta')
    .where('key', 'in', [...Object.values(DOCUMENT_EDITORS), ...FEATURED_KEYS])
    .execute()
}

export const down: Migration['down'] = async (db: Kysely<any>) => {
  const list = await db.selectFrom('featured_list').selectAll().where('id', '=', 'home').executeTakeFirst()
  if (list) {
    const rows = [
      { key: 'featured_version', value: String(list.version) },
      { key: 'featured_updated_at', value: list.updated_at as string },
      ...(list.updated_by === null ? [] : [{ key: 'featured_updated_by', value: list.updated_by as string }])
    ]
    await db.insertInto('meta').values(rows).execute()
  }
  const documents = await db.selectFrom('documents').select(['key', 'updated_by']).where('updated_by', 'is not', null).execute()
  for (const row of documents) {
    const metaKey = DOCUMENT_EDITORS[row.key as keyof typeof DOCUMENT_EDITORS]
    if (metaKey) await db.insertInto('meta').values({ key: metaKey, value: row.updated_by }).execute()
  }
  await db.schema.dropTable('featured_list').execute()
  await db.schema.alterTable('documents').dropColumn('updated_by').execute()
}
