/**
 * TypeBox schemas of the service routes: what workers read (/api/services) and the editors' API
 * (/api/staff/services). Body schemas check the shape only; the rules a staffer can break are the shared validators',
 * answered as 400 INVALID_FIELD naming the field.
 */
import { Type, type Static } from '@sinclair/typebox'
import { LIMITS, SERVICE_SLUGS, type Service, type ServiceSummary, type ServiceUpdate, type StaffService } from '@/domain'
import { LabelledText, List, Text, TextList } from '../core/schemas/caps'
import { ContactInputSchema, ContactPointSchema, StringEnum, closed, contactDescription, sampleFlag, sampleInputProperties } from '../core/schemas/common'
import type { AllTrue, Same } from '../core/schemas/common'
import { oneOf } from '../core/schemas/params'
import { VersionParam, versionedProperties } from '../core/versioned/schema'

// ——— what workers read ———

export const ServiceSummarySchema = Type.Object({
  slug: StringEnum(SERVICE_SLUGS),
  name: Type.String(),
  tagline: Type.String(),
  icon: Type.String(),
  ...sampleFlag
})

export const ServiceSchema = Type.Object({
  ...ServiceSummarySchema.properties,
  what: Type.Array(Type.String()),
  who: Type.Array(Type.String()),
  how: Type.Array(Type.String()),
  contacts: Type.Array(ContactPointSchema),
  figures: Type.Array(Type.Object({ value: Type.String(), unit: Type.String(), label: Type.String() }))
})

export const ServiceListSchema = Type.Object({ items: Type.Array(ServiceSummarySchema) })

// ——— the editors' API ———

/** Any slug passes the shape: an unknown one is a service that does not exist (404), as on the worker route. */
export const ServiceSlugParams = Type.Object({ slug: Type.String({ description: oneOf(SERVICE_SLUGS) }) }, closed)

export const ServiceUpdateSchema = Type.Object(
  {
    name: LabelledText('名称', LIMITS.figureText),
    tagline: LabelledText('一句话介绍', LIMITS.title),
    what: TextList('「是什么」'),
    who: TextList('「谁可以用」'),
    how: TextList('「怎么办」'),
    contacts: List(ContactInputSchema, LIMITS.listItems, { description: `${contactDescription} 的列表` }),
    figures: List(Type.Object({ value: Text(LIMITS.figureText), unit: Text(LIMITS.figureText), label: Text(LIMITS.title) }, closed), LIMITS.listItems, {
      description: '数字应为 { value 数值, unit 单位, label 说明 } 的列表'
    }),
    ...sampleInputProperties,
    version: VersionParam
  },
  closed
)

export const StaffServiceSchema = Type.Object({ ...ServiceSchema.properties, ...versionedProperties })

// ——— Schema ⇄ domain type agreement, checked by `tsc` ———

export type ServiceSchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof ServiceSummarySchema>, ServiceSummary>,
    Same<Static<typeof ServiceSchema>, Service>,
    Same<Static<typeof ServiceUpdateSchema>, ServiceUpdate>,
    Same<Static<typeof StaffServiceSchema>, StaffService>
  ]
>
