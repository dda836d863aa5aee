import { seedNews } from './news/seed-data'
import { seedCompetitions, seedCompetitionsAt } from './competitions/seed-data'
import { seedServices } from './services/seed-data'
import { seedPlan } from './plan/seed-data'
import { seedFeatured, seedHotline } from './home/seed-data'

export { seedNews, ARTICLE_SOURCE } from './news/seed-data'
export { seedCompetitions } from './competitions/seed-data'
export { seedServices } from './services/seed-data'
export { seedPlan } from './plan/seed-data'
export { seedFeatured, seedHotline } from './home/seed-data'

/** The seed as written for the reference first start (REFERENCE_FIRST_START, the tests' clock). */
export const seedContent = {
  news: seedNews,
  competitions: seedCompetitions,
  services: seedServices,
  plan: seedPlan,
  featured: seedFeatured,
  hotline: seedHotline
}

/**
 * Everything a database first started at `firstStart` is seeded with, in one object: the sample competitions are
 * dated relative to it.
 */
export function seedContentAt(firstStart: Date) {
  return { ...seedContent, competitions: seedCompetitionsAt(firstStart) }
}
