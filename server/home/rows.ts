/** The 首页 featured list ⇄ rows: one row per item, and the list's version in its own row (featured_list). */
import type { Generated } from 'kysely'
import type { FeaturedItem } from '@/domain'
import type { Flag } from '../core/db/database'
import { nullable, optional, sampleColumns, sampleFromRow, sampleOf } from '../core/db/row-helpers'

export interface FeaturedTable {
  id: string
  position: number
  title: string
  subtitle: string | null
  image: string | null
  /** JSON: RouteTarget */
  target: string
  sample: Flag
  sample_note: string | null
}

/** The featured list as one editable record: its version columns (one row, id 'home'; migration 0005). */
export interface FeaturedListTable {
  id: string
  version: Generated<number>
  updated_at: string
  updated_by: string | null
}

declare module '../core/db/database' {
  interface Database {
    featured: FeaturedTable
    featured_list: FeaturedListTable
  }
}

// ——— featured ———

export function featuredToRow(item: FeaturedItem, position: number): FeaturedTable {
  return {
    id: item.id,
    position,
    title: item.title,
    subtitle: nullable(item.subtitle),
    image: nullable(item.image),
    target: JSON.stringify(item.target),
    ...sampleColumns(item)
  }
}

export function featuredFromRow(row: FeaturedTable): FeaturedItem {
  return {
    id: row.id,
    title: row.title,
    ...optional('subtitle', row.subtitle),
    ...optional('image', row.image),
    target: JSON.parse(row.target),
    ...sampleFromRow(row)
  }
}

/** A featured item as an editor sends it, once it has its id. */
export function featuredItemFromInput(id: string, input: Omit<FeaturedItem, 'id'>): FeaturedItem {
  return {
    id,
    title: input.title,
    ...optional('subtitle', input.subtitle ?? null),
    ...optional('image', input.image ?? null),
    target: input.target,
    ...sampleOf({ sample: input.sample, sampleNote: input.sampleNote ?? null })
  }
}
