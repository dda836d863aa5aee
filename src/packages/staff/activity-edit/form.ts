/**
 * The activity editor's form: what the staffer edits, and how it becomes the ActivityInput the API and
 * activityInputProblems take. Dates are kept as the day and time picked (Beijing time), as in the competition editor;
 * the body blocks carry keys as in the news editor. No Taro import.
 */
import type { ActivityKind } from '@/domain/activities'
import type { ActivityInput, StaffActivity } from '@/domain/activity-input'
import { beijingDate } from '@/domain/dates'
import type { Block } from '@/domain/news'
import { commonFormOf, commonInputOf, formOfDraft as mergeDraft, isObject, optional, type EventFormCommon } from '../editor-kit/event-form'
import { cleanBlock, emptyBlock, keyed, type KeyedBlock } from '../news-edit/form'

export interface ActivityForm extends EventFormCommon {
  title: string
  /** '' until picked: no kind is chosen for the staffer. */
  kind: ActivityKind | ''
  summary: string
  cover: string | null
  blocks: KeyedBlock[]
  place: string
  /** As typed; empty = not at a service station. */
  stationCode: string
  /** As typed, so 「0」 or 「三十」 is named by the validator rather than lost. */
  capacity: string
  eligibility: string
  womenOnly: boolean
  reviewRequired: boolean
}

/** What is kept on the device: the form without the block keys (they only live as long as the page). */
export type ActivityDraft = Omit<ActivityForm, 'blocks'> & { blocks: Block[] }

export const DATE_FIELDS = [
  ['signupStartsAt', '报名开始'],
  ['signupEndsAt', '报名截止'],
  ['eventStartsAt', '活动开始'],
  ['eventEndsAt', '活动结束']
] as const

/**
 * A new activity opens with the dates a staffer usually picks — sign-up from tomorrow for a week, the activity a few
 * days after, one afternoon long — 30 places and one empty paragraph, so the pickers need adjusting rather than filling from nothing.
 */
export function emptyForm(now: number): ActivityForm {
  const day = (days: number) => beijingDate(now, days)
  return {
    title: '',
    kind: '',
    summary: '',
    cover: null,
    // One empty paragraph: the description needs at least one, and the staffer can start typing it at once.
    blocks: [keyed(emptyBlock('paragraph'))],
    signupStartsAt: { date: day(1), time: '09:00' },
    signupEndsAt: { date: day(8), time: '17:00' },
    eventStartsAt: { date: day(10), time: '14:00' },
    eventEndsAt: { date: day(10), time: '16:00' },
    place: '',
    stationCode: '',
    capacity: '30',
    eligibility: '密云区在职职工',
    womenOnly: false,
    reviewRequired: false,
    contact: { name: '', phone: '', hours: '' },
    sample: false,
    sampleNote: ''
  }
}

export function formOf(activity: StaffActivity | undefined, now: number): ActivityForm {
  if (!activity) return emptyForm(now)
  return {
    ...commonFormOf(activity),
    title: activity.title,
    kind: activity.kind,
    summary: activity.summary,
    cover: activity.cover ?? null,
    blocks: activity.blocks.map(keyed),
    place: activity.place,
    stationCode: activity.stationCode ?? '',
    capacity: String(activity.capacity),
    eligibility: activity.eligibility,
    womenOnly: activity.womenOnly,
    reviewRequired: activity.reviewRequired
  }
}

export function draftOf(form: ActivityForm): ActivityDraft {
  return { ...form, blocks: form.blocks.map((item) => item.block) }
}

/** A kept draft back into a form; its blocks get fresh keys. */
export function formOfDraft(draft: unknown, fallback: ActivityForm): ActivityForm {
  return mergeDraft(draft, fallback, {
    blocks: (value) => (Array.isArray(value) ? (value as Block[]).filter(isObject).map(keyed) : undefined)
  })
}

export function inputOf(form: ActivityForm): ActivityInput {
  const capacity = form.capacity.trim()
  return {
    ...commonInputOf(form),
    title: form.title,
    // '' is passed on as it is: activityInputProblems refuses it with 「请选择活动类型」 before anything is sent.
    kind: form.kind as ActivityKind,
    summary: form.summary,
    cover: form.cover,
    blocks: form.blocks.map((item) => cleanBlock(item.block)),
    place: form.place,
    stationCode: optional(form.stationCode)?.toUpperCase() ?? null,
    // Anything but a whole number in range (empty too) is refused by name: 「名额需为 1–10000 的整数」.
    capacity: capacity === '' ? Number.NaN : Number(capacity),
    eligibility: form.eligibility,
    womenOnly: form.womenOnly,
    reviewRequired: form.reviewRequired
  }
}
