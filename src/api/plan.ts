import type { Plan } from '../domain/plan'
import { get, peek, type Loaded, type Peeked } from './client'
import { offlinePlan } from './offline-plan'

/** The plan page falls back to the copy shipped with the app on a first start with no network. */
export function fetchPlan(): Promise<Loaded<Plan>> {
  return get<Plan>('/api/plan', { bundled: offlinePlan })
}

export function peekPlan(): Peeked<Plan> | undefined {
  return peek<Plan>('/api/plan')
}
