import type { Db } from '../database'
import { createCompetitionsRepository } from './competitions'
import { createContentVersionRepository } from './content-version'
import { createNewsRepository } from './news'
import { createServicesRepository } from './services'
import { createSiteRepository } from './site'
import { createStaffRepository } from './staff'

export function createRepositories(db: Db) {
  return {
    news: createNewsRepository(db),
    competitions: createCompetitionsRepository(db),
    services: createServicesRepository(db),
    site: createSiteRepository(db),
    contentVersion: createContentVersionRepository(db),
    staff: createStaffRepository(db)
  }
}

export type Repositories = ReturnType<typeof createRepositories>
