/**
 * What every kind of content shares: instants, the 「示例」 flag, contact points, the version staff edit against, the
 * field limits, and the rules over these shared pieces. No Taro import: the server compiles this file too.
 */
import { formatDateTime, type IsoDateTime } from './dates'
import { checkText, firstItems, type Check } from './validation'

/** Marks records (or parts of them) the article does not give: shown with a visible 「示例」 tag. */
export interface SampleFlag {
  sample: boolean
  /** What in this record is sample data, in Chinese, e.g. 「发布日期为示例」. Shown on detail pages. */
  sampleNote?: string
}

export interface ContactPoint {
  name: string
  /** Absent when the contact is a place to go (e.g. 「所在单位工会」) rather than a number to call. */
  phone?: string
  hours?: string
}

/** A record as staff edit it: its version is sent back with a change, so two editors cannot overwrite each other. */
export interface Versioned {
  version: number
  updatedAt: IsoDateTime
  updatedBy?: string
}

/** 「王编辑 修改于 2026年11月24日 10:00」; a seeded record that no staffer saved says when it was last changed only. */
export function lastEditedLine(item: Versioned): string {
  return `${item.updatedBy ? `${item.updatedBy} ` : ''}修改于 ${formatDateTime(item.updatedAt)}`
}

export interface VersionOnly {
  version: number
}

/** What the server answers with a 409 when the record changed since the editor loaded it. */
export interface ConflictErrorBody {
  error: { code: 'EDIT_CONFLICT'; message: string; current: Versioned }
}

/** The longest text of each field staff write (characters), and the most items of each list. */
export const LIMITS = {
  title: 60,
  summary: 200,
  sampleNote: 100,
  blocks: 100,
  heading: 60,
  paragraph: 5000,
  quote: 1000,
  cite: 60,
  caption: 100,
  alt: 100,
  venue: 100,
  organizer: 100,
  listItem: 500,
  listItems: 30,
  results: 200,
  resultField: 60,
  contactName: 60,
  phone: 20,
  hours: 60,
  quota: 100_000,
  /** Places of an activity. */
  capacity: 10_000,
  eligibility: 500,
  cancelReason: 200,
  figureText: 30,
  planText: 2000,
  /** Where the plan's figures come from, e.g. the article's title and author. */
  planSource: 200,
  featured: 8
} as const

export function sampleProblems(input: { sample: boolean; sampleNote: string | null }, check: Check): void {
  if (input.sampleNote !== null) checkText(check, 'sampleNote', '示例说明', input.sampleNote, { max: LIMITS.sampleNote })
}

/** A list of short texts, e.g. a service's 「怎么办」 steps or a competition's rules. */
export function listProblems(check: Check, field: string, label: string, items: string[], required: boolean): void {
  check(field, `请至少填写一条${label}`, required && items.length === 0)
  check(field, `${label}最多 ${LIMITS.listItems} 条`, items.length > LIMITS.listItems)
  firstItems(items, LIMITS.listItems).forEach((item, index) =>
    checkText(check, `${field}.${index}`, `${label}第 ${index + 1} 条`, item, { required: true, max: LIMITS.listItem })
  )
}

export function contactProblems(check: Check, field: string, contact: ContactPoint): void {
  checkText(check, `${field}.name`, '联系人或地点', contact.name, { required: true, max: LIMITS.contactName })
  if (contact.phone !== undefined) {
    check(`${field}.phone`, '电话只能包含数字、空格和 - ，最多 20 位', !/^[0-9 -]{3,20}$/.test(contact.phone))
  }
  if (contact.hours !== undefined) checkText(check, `${field}.hours`, '服务时间', contact.hours, { max: LIMITS.hours })
}
