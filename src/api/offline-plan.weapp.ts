/** The mini-program's copy of the plan for a first start with no network: only the plan's subpackage imports it. */
import type { Plan } from '../domain/plan'
import bundledPlan from '../content/offline/plan.json'

export const offlinePlan = () => bundledPlan as Plan
