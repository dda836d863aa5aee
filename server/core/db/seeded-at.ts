/**
 * When the seed wrote the content (the first start): the last change of records nobody has saved since, and the day
 * sample events are dated from.
 */
import { beijing, beijingDate, beijingInstant, type IsoDateTime } from '@/domain'
import type { Executor } from '../versioned/write'

export const SEEDED_MARKER = 'seeded_at'

export async function seededAt(executor: Executor): Promise<string> {
  const row = await executor.selectFrom('meta').select('value').where('key', '=', SEEDED_MARKER).executeTakeFirst()
  // Written with the seed content in one transaction: without it there is no content to edit either.
  if (row === undefined) throw new Error(`meta 表缺少 ${SEEDED_MARKER}`)
  return row.value
}

/**
 * The first start the sample content is written for: its dated sample events (activities, competitions) read as if
 * the database had first started at this instant, which is also the tests' fixed clock and the offline bundle's.
 */
export const REFERENCE_FIRST_START = new Date('2026-11-24T10:00:00+08:00')

const DAY_MS = 24 * 60 * 60 * 1000
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)

export interface SampleCalendar {
  /** A sample date written for REFERENCE_FIRST_START, moved by whole days: the same Beijing clock time, as many days from the actual first start. */
  at(reference: IsoDateTime): IsoDateTime
  /** The Beijing year of a moved date, for titles such as 「2026年密云区电工职业技能竞赛」. */
  year(reference: IsoDateTime): number
}

/**
 * Sample events are dated relative to the database's first start, so a fresh install next year still has sign-ups
 * open, one upcoming and one ended; once written they keep their dates, and records staff create or save keep theirs.
 */
export function sampleCalendar(firstStart: Date): SampleCalendar {
  const days = daysBetween(beijingDate(REFERENCE_FIRST_START), beijingDate(firstStart))
  const at = (reference: IsoDateTime) => beijingInstant(beijingDate(reference, days), beijing(reference).format('HH:mm'))
  return { at, year: (reference) => Number(beijing(at(reference)).format('YYYY')) }
}
