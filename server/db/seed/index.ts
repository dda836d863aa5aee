import { seedNews } from './news'
import { seedCompetitions } from './competitions'
import { seedServices } from './services'
import { seedPlan } from './plan'
import { seedFeatured, seedHotline } from './home'

export { seedNews, ARTICLE_SOURCE } from './news'
export { seedCompetitions } from './competitions'
export { seedServices } from './services'
export { seedPlan } from './plan'
export { seedFeatured, seedHotline } from './home'

/** Everything the database is seeded with, in one object. */
export const seedContent = {
  news: seedNews,
  competitions: seedCompetitions,
  services: seedServices,
  plan: seedPlan,
  featured: seedFeatured,
  hotline: seedHotline
}
