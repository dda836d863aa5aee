/** The plan shipped with the app for a first start with no network; see offline-content.ts (H5: a chunk fetched only then). */
import type { Plan } from '../domain/plan'

export const offlinePlan = () => import('../content/offline/plan.json').then((file) => file.default as Plan)
