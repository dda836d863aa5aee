/**
 * The activity editor's routes (docs/staff-api.md, 编辑): every activity, create, save against the version, and cancel
 * with a reason. Through staffRequest: the session token in the header, nothing kept on the device.
 */
import type { ActivityCancelRequest, ActivityInput, ActivityUpdate, StaffActivity, StaffActivitySummary } from '@/domain/activity-input'
import { staffRequest } from './request'

const activityPath = (id: string) => `/api/staff/activities/${encodeURIComponent(id)}`

/** Every activity, sample and cancelled ones included; not paged (tens a year, not thousands). */
export function listStaffActivities(): Promise<StaffActivitySummary[]> {
  return staffRequest<StaffActivitySummary[]>('GET', '/api/staff/activities')
}

export function getStaffActivity(id: string): Promise<StaffActivity> {
  return staffRequest<StaffActivity>('GET', activityPath(id))
}

/** Workers see a new activity at once (and may sign up when its window is open). */
export function createActivity(input: ActivityInput): Promise<StaffActivity> {
  return staffRequest<StaffActivity>('POST', '/api/staff/activities', { body: input })
}

export function updateActivity(id: string, update: ActivityUpdate): Promise<StaffActivity> {
  return staffRequest<StaffActivity>('PUT', activityPath(id), { body: update })
}

/** 取消活动: workers see it called off with the reason, and everyone signed up is told. */
export function cancelActivity(id: string, request: ActivityCancelRequest): Promise<StaffActivity> {
  return staffRequest<StaffActivity>('POST', `${activityPath(id)}/cancel`, { body: request })
}
