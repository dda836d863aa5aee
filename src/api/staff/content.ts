/**
 * The content editors' routes (docs/staff-api.md): competitions, the seven service pages, the plan page and the 首页
 * featured list. Every call goes through staffRequest: the session token in the header, nothing kept on the device,
 * and a failure that rejects with an ApiError (details carry `problems` of a 400 and `current` of a 409).
 */
import type { CompetitionInput, CompetitionUpdate, StaffCompetition, StaffCompetitionSummary } from '@/domain/competition-input'
import type { StaffFeatured } from '@/domain/featured-input'
import type { FeaturedItem } from '@/domain/home'
import type { PlanUpdate, StaffPlan } from '@/domain/plan-input'
import type { ServiceUpdate, StaffService } from '@/domain/service-input'
import type { ServiceSlug } from '@/domain/services'
import { staffRequest } from './request'

const competitionPath = (id: string) => `/api/staff/competitions/${encodeURIComponent(id)}`
const servicePath = (slug: ServiceSlug) => `/api/staff/services/${encodeURIComponent(slug)}`

/** Every competition, sample ones included; not paged (there are tens, not thousands). */
export function listStaffCompetitions(): Promise<StaffCompetitionSummary[]> {
  return staffRequest<StaffCompetitionSummary[]>('GET', '/api/staff/competitions')
}

export function getStaffCompetition(id: string): Promise<StaffCompetition> {
  return staffRequest<StaffCompetition>('GET', competitionPath(id))
}

/** Workers see a new competition at once: there is no draft state for competitions. */
export function createCompetition(input: CompetitionInput): Promise<StaffCompetition> {
  return staffRequest<StaffCompetition>('POST', '/api/staff/competitions', { body: input })
}

export function updateCompetition(id: string, update: CompetitionUpdate): Promise<StaffCompetition> {
  return staffRequest<StaffCompetition>('PUT', competitionPath(id), { body: update })
}

export function getStaffService(slug: ServiceSlug): Promise<StaffService> {
  return staffRequest<StaffService>('GET', servicePath(slug))
}

export function updateService(slug: ServiceSlug, update: ServiceUpdate): Promise<StaffService> {
  return staffRequest<StaffService>('PUT', servicePath(slug), { body: update })
}

export function getStaffPlan(): Promise<StaffPlan> {
  return staffRequest<StaffPlan>('GET', '/api/staff/plan')
}

export function updatePlan(update: PlanUpdate): Promise<StaffPlan> {
  return staffRequest<StaffPlan>('PUT', '/api/staff/plan', { body: update })
}

export function getStaffFeatured(): Promise<StaffFeatured> {
  return staffRequest<StaffFeatured>('GET', '/api/staff/featured')
}

/** A featured item as the editor sends it: one added in this edit has no id yet, the server gives it one. */
export type FeaturedItemInput = Omit<FeaturedItem, 'id'> & { id?: string }

/** Replaces the whole list, in the order given. */
export function updateFeatured(update: { items: FeaturedItemInput[]; version: number }): Promise<StaffFeatured> {
  return staffRequest<StaffFeatured>('PUT', '/api/staff/featured', { body: update })
}
