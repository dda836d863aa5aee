/** Activities for the staff page tests, made by 王编辑 at another computer so each test has one nobody else touches. */
import type { ActivityInput, StaffActivity } from '@/domain'
import { uniqueTitle } from './editor'
import { otherSession } from './staff'

/** In sign-up at the tests' clock (2026-11-24 10:00), 30 places, confirmed at once unless changed. */
export function activityInput(title: string, change: Partial<ActivityInput> = {}): ActivityInput {
  return {
    title,
    kind: 'health',
    summary: '页面测试用的活动。',
    cover: null,
    blocks: [{ type: 'paragraph', text: '活动介绍。' }],
    signupStartsAt: '2026-11-20T09:00:00+08:00',
    signupEndsAt: '2026-11-30T17:00:00+08:00',
    eventStartsAt: '2026-12-05T14:00:00+08:00',
    eventEndsAt: '2026-12-05T16:00:00+08:00',
    place: '密云区职工服务中心',
    stationCode: null,
    capacity: 30,
    eligibility: '密云区在职职工',
    womenOnly: false,
    reviewRequired: false,
    contact: null,
    sample: false,
    sampleNote: null,
    ...change
  }
}

export async function createdActivity(what: string, change: Partial<ActivityInput> = {}): Promise<StaffActivity> {
  const wang = await otherSession('editor')
  return wang.request<StaffActivity>('POST', '/api/staff/activities', activityInput(uniqueTitle(what), change))
}
