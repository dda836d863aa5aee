import type { Service, ServiceSlug, ServiceSummary } from '@/domain'
import type { Db } from '../core/db/database'
import { SERVICE_SUMMARY_COLUMNS, serviceFromRow, serviceSummaryFromRow } from './rows'

export function createServicesRepository(db: Db) {
  return {
    async list(): Promise<ServiceSummary[]> {
      const rows = await db.selectFrom('services').select(SERVICE_SUMMARY_COLUMNS).orderBy('position').execute()
      return rows.map(serviceSummaryFromRow)
    },

    async find(slug: ServiceSlug): Promise<Service | undefined> {
      const row = await db.selectFrom('services').selectAll().where('slug', '=', slug).executeTakeFirst()
      return row && serviceFromRow(row)
    }
  }
}

export type ServicesRepository = ReturnType<typeof createServicesRepository>
