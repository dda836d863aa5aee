/** Services ⇄ rows, and the columns a save of the service editor sets. */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { Service, ServiceInput, ServiceSlug, ServiceSummary } from '@/domain'
import type { Flag } from '../core/db/database'
import { sampleColumns, sampleFromRow, sampleOf } from '../core/db/row-helpers'

export interface ServicesTable {
  slug: string
  /** Display order (the index in SERVICE_SLUGS). */
  position: number
  name: string
  tagline: string
  icon: string
  sample: Flag
  sample_note: string | null
  /** JSON: string[] */
  what: string
  /** JSON: string[] */
  who: string
  /** JSON: string[] */
  how: string
  /** JSON: ContactPoint[] */
  contacts: string
  /** JSON: ServiceFigure[] */
  figures: string
  version: Generated<number>
  updated_at: string | null
  updated_by: string | null
}

declare module '../core/db/database' {
  interface Database {
    services: ServicesTable
  }
}

// ——— services ———

export const SERVICE_SUMMARY_COLUMNS = ['slug', 'name', 'tagline', 'icon', 'sample', 'sample_note'] as const satisfies readonly (keyof ServicesTable)[]

export type ServiceSummaryRow = Pick<ServicesTable, (typeof SERVICE_SUMMARY_COLUMNS)[number]>

export function serviceToRow(service: Service, position: number): Insertable<ServicesTable> {
  return {
    slug: service.slug,
    position,
    name: service.name,
    tagline: service.tagline,
    icon: service.icon,
    what: JSON.stringify(service.what),
    who: JSON.stringify(service.who),
    how: JSON.stringify(service.how),
    contacts: JSON.stringify(service.contacts),
    figures: JSON.stringify(service.figures),
    ...sampleColumns(service)
  }
}

export function serviceSummaryFromRow(row: ServiceSummaryRow): ServiceSummary {
  return {
    slug: row.slug as ServiceSlug,
    name: row.name,
    tagline: row.tagline,
    icon: row.icon,
    ...sampleFromRow(row)
  }
}

export function serviceFromRow(row: Selectable<ServicesTable>): Service {
  return {
    ...serviceSummaryFromRow(row),
    what: JSON.parse(row.what),
    who: JSON.parse(row.who),
    how: JSON.parse(row.how),
    contacts: JSON.parse(row.contacts),
    figures: JSON.parse(row.figures)
  }
}

/** The columns a save of the service editor sets; slug, icon and display order are fixed. */
export function serviceInputColumns(before: Service, input: ServiceInput): Updateable<ServicesTable> {
  const service: Service = {
    slug: before.slug,
    icon: before.icon,
    name: input.name,
    tagline: input.tagline,
    what: input.what,
    who: input.who,
    how: input.how,
    contacts: input.contacts,
    figures: input.figures,
    ...sampleOf(input)
  }
  const { slug: _slug, position: _position, icon: _icon, ...columns } = serviceToRow(service, 0)
  return columns
}
