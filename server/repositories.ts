import type { Db } from './core/db/database'
import { createCompetitionsRepository } from './competitions/repository'
import { createContentVersionRepository } from './core/db/content-version'
import { createMediaRepository } from './media/repository'
import { createNewsRepository } from './news/repository'
import { createServicesRepository } from './services/repository'
import { createSiteRepository } from './home/repository'
import { createStaffRepository } from './accounts/repository'
import { createStaffContentRepository } from './competitions/staff-repository'
import { createStaffNewsRepository } from './news/staff-repository'
import { createStationsRepository } from './stations/repository'

export function createRepositories(db: Db) {
  return {
    news: createNewsRepository(db),
    competitions: createCompetitionsRepository(db),
    services: createServicesRepository(db),
    site: createSiteRepository(db),
    contentVersion: createContentVersionRepository(db),
    staff: createStaffRepository(db),
    staffContent: createStaffContentRepository(db),
    staffNews: createStaffNewsRepository(db),
    media: createMediaRepository(db),
    stations: createStationsRepository(db)
  }
}

export type Repositories = ReturnType<typeof createRepositories>
