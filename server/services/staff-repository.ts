/** The seven service pages as staff edit them: read one, save it through the one versioned write path. */
import type { ServiceInput, ServiceSlug, StaffService } from '@/domain'
import type { Db } from '../core/db/database'
import { versionedFromRow } from '../core/db/row-helpers'
import { seededAt } from '../core/db/seeded-at'
import { updateWhereVersion, versionedWrite, type EditResult, type Editor, type Executor, type VersionedRecord } from '../core/versioned/write'
import { serviceFromRow, serviceInputColumns } from './rows'

async function findService(executor: Executor, slug: ServiceSlug): Promise<StaffService | undefined> {
  const row = await executor.selectFrom('services').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && { ...serviceFromRow(row), ...versionedFromRow(row, await seededAt(executor)) }
}

/** The change carries the stored service too: slug, icon and display order stay as they are. */
const serviceRecord: VersionedRecord<ServiceSlug, StaffService, { before: StaffService; input: ServiceInput }> = {
  entity: 'service',
  read: findService,
  write: (executor, slug, { before, input }, stamp) =>
    updateWhereVersion(executor, 'services', { column: 'slug', value: slug }, serviceInputColumns(before, input), stamp)
}

export function createStaffServicesRepository(db: Db) {
  return {
    find: (slug: ServiceSlug) => findService(db, slug),

    update(slug: ServiceSlug, input: ServiceInput, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffService>> {
      return versionedWrite(db, serviceRecord, {
        key: slug,
        expectedVersion,
        editor,
        now,
        decide: (before) => ({
          change: { before, input },
          action: 'update',
          summary: (after) => (before.sample && !after.sample ? `修改服务「${after.name}」：示例信息已换为实际信息` : `修改服务「${after.name}」`)
        })
      })
    }
  }
}
