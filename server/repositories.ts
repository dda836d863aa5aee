/**
 * Every slice's repositories over one database, decorated on the app as `app.repositories` (server/app.ts).
 * A new domain adds its line here (docs/architecture.md, "How to add a domain").
 */
import { createStaffRepository } from './accounts/repository'
import { createActivitiesRepository, nextActivityChange } from './activities/repository'
import { createStaffActivitiesRepository } from './activities/staff-repository'
import { createCompetitionsRepository, nextCompetitionChange } from './competitions/repository'
import { createStaffCompetitionsRepository } from './competitions/staff-repository'
import { createContentVersionRepository } from './core/db/content-version'
import type { FieldCipher } from './core/crypto'
import type { Db } from './core/db/database'
import { createHomeRepository } from './home/repository'
import { createStaffFeaturedRepository } from './home/staff-repository'
import { createMediaRepository } from './media/repository'
import { createNewsRepository, nextNewsChange } from './news/repository'
import { createStaffNewsRepository } from './news/staff-repository'
import { createPlanRepository } from './plan/repository'
import { createServicesRepository } from './services/repository'
import { createStaffServicesRepository } from './services/staff-repository'
import { createSignupsRepository } from './signups/repository'
import { createStaffSignupsRepository } from './signups/staff-repository'
import { createStationsRepository } from './stations/repository'
import { createWorkersRepository } from './workers/repository'

/** `cipher` seals and opens the personal fields some slices keep (server/core/crypto.ts). */
export function createRepositories(db: Db, cipher: FieldCipher) {
  return {
    // Each slice whose worker answers change with the clock says when (core/db/content-version.ts).
    contentVersion: createContentVersionRepository(db, [nextNewsChange, nextCompetitionChange, nextActivityChange]),
    news: createNewsRepository(db),
    staffNews: createStaffNewsRepository(db),
    competitions: createCompetitionsRepository(db),
    staffCompetitions: createStaffCompetitionsRepository(db),
    activities: createActivitiesRepository(db),
    staffActivities: createStaffActivitiesRepository(db),
    services: createServicesRepository(db),
    staffServices: createStaffServicesRepository(db),
    plan: createPlanRepository(db),
    home: createHomeRepository(db),
    featured: createStaffFeaturedRepository(db),
    stations: createStationsRepository(db),
    staff: createStaffRepository(db),
    media: createMediaRepository(db),
    workers: createWorkersRepository(db, cipher),
    signups: createSignupsRepository(db, cipher),
    staffSignups: createStaffSignupsRepository(db, cipher)
  }
}

export type Repositories = ReturnType<typeof createRepositories>
