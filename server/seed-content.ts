import { seedNews } from './news/seed-data'
import { seedCompetitions } from './competitions/seed-data'
import { seedServices } from './services/seed-data'
import { seedPlan } from './plan/seed-data'
import { seedFeatured, seedHotline } from './home/seed-data'

export { seedNews, ARTICLE_SOURCE } from './news/seed-data'
export { seedCompetitions } from './competitions/seed-data'
export { seedServices } from './services/seed-data'
export { seedPlan } from './plan/seed-data'
export { seedFeatured, seedHotline } from './home/seed-data'

/** Everything the database is seeded with, in one object. */
export const seedContent = {
  news: seedNews,
  competitions: seedCompetitions,
  services: seedServices,
  plan: seedPlan,
  featured: seedFeatured,
  hotline: seedHotline
}
