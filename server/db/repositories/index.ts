import type { Db } from '../database'
import { createCompetitionsRepository } from './competitions'
import { createContentVersionRepository } from './content-version'
import { createMediaRepository } from './media'
import { createNewsRepository } from './news'
import { createServicesRepository } from './services'
import { createSiteRepository } from './site'
import { createStaffRepository } from './staff'
import { createStaffContentRepository } from './staff-content'
import { createStaffNewsRepository } from './staff-news'
import { createStationsRepository } from './stations'

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
