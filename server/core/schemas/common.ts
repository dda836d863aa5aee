/**
 * TypeBox schemas of the content model in src/domain/types.ts.
 * The domain types stay the single definition: the checks at the bottom fail the typecheck as soon as a schema and
 * its type drift apart, so a field added to the model cannot silently go missing from an API response (the response
 * serializer drops whatever the schema does not list).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import {
  COMPETITION_STATUSES,
  NEWS_CATEGORIES,
  SERVICE_SLUGS,
  TRADES,
  type Block,
  type Competition,
  type CompetitionSummary,
  type FeaturedItem,
  type HomeData,
  type Hotline,
  type NewsArticle,
  type NewsSummary,
  type Page,
  type Plan,
  type Service,
  type ServiceSummary
} from '../../../src/domain'

/** A string enum with the precise literal type, as one `enum` keyword (plain JSON schema, one clear ajv error). */
export function StringEnum<T extends string>(values: readonly T[], options: { description?: string } = {}) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...options })
}

/** ISO-8601 instant; the API answers in UTC "Z" form (see server/db/rows.ts). */
const IsoDateTime = Type.String()

const sampleFlag = {
  sample: Type.Boolean(),
  sampleNote: Type.Optional(Type.String())
}

export const BlockSchema = Type.Union([
  Type.Object({ type: Type.Literal('heading'), text: Type.String() }),
  Type.Object({ type: Type.Literal('paragraph'), text: Type.String() }),
  Type.Object({
    type: Type.Literal('image'),
    src: Type.String(),
    caption: Type.Optional(Type.String()),
    alt: Type.Optional(Type.String())
  }),
  Type.Object({ type: Type.Literal('quote'), text: Type.String(), cite: Type.Optional(Type.String()) })
])

export const NewsSummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  category: StringEnum(NEWS_CATEGORIES),
  summary: Type.String(),
  cover: Type.Optional(Type.String()),
  publishedAt: IsoDateTime,
  pinned: Type.Boolean(),
  ...sampleFlag
})

export const NewsArticleSchema = Type.Object({
  ...NewsSummarySchema.properties,
  blocks: Type.Array(BlockSchema),
  source: Type.Optional(Type.String())
})

const ContactPointSchema = Type.Object({
  name: Type.String(),
  phone: Type.Optional(Type.String()),
  hours: Type.Optional(Type.String())
})

export const CompetitionSummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  trade: StringEnum(TRADES),
  summary: Type.String(),
  cover: Type.Optional(Type.String()),
  signupStartsAt: IsoDateTime,
  signupEndsAt: IsoDateTime,
  eventStartsAt: IsoDateTime,
  eventEndsAt: IsoDateTime,
  venue: Type.String(),
  status: StringEnum(COMPETITION_STATUSES),
  ...sampleFlag
})

export const CompetitionSchema = Type.Object({
  ...CompetitionSummarySchema.properties,
  organizer: Type.String(),
  quota: Type.Optional(Type.Integer()),
  schedule: Type.Array(Type.Object({ at: IsoDateTime, title: Type.String() })),
  rules: Type.Array(Type.String()),
  awards: Type.Array(Type.Object({ title: Type.String(), description: Type.String() })),
  results: Type.Array(
    Type.Object({
      rank: Type.String(),
      name: Type.String(),
      unit: Type.Optional(Type.String()),
      award: Type.Optional(Type.String())
    })
  ),
  contact: Type.Optional(ContactPointSchema)
})

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

export const PlanFigureSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  amount: Type.Number(),
  prefix: Type.Optional(Type.String()),
  suffix: Type.Optional(Type.String()),
  unit: Type.String(),
  display: Type.String(),
  icon: Type.String(),
  group: Type.String()
})

const PlanSectionSchema = Type.Object({
  title: Type.String(),
  lead: Type.String(),
  points: Type.Array(Type.String())
})

export const PlanSchema = Type.Object({
  title: Type.String(),
  subtitle: Type.String(),
  summary: Type.String(),
  figures: Type.Array(PlanFigureSchema),
  achievements: Type.Array(PlanSectionSchema),
  tasks: Type.Array(PlanSectionSchema),
  quote: Type.Object({ text: Type.String(), cite: Type.String() }),
  source: Type.String()
})

export const RouteTargetSchema = Type.Union([
  Type.Object({ page: Type.Literal('newsDetail'), id: Type.String() }),
  Type.Object({ page: Type.Literal('competitionDetail'), id: Type.String() }),
  Type.Object({ page: Type.Literal('serviceDetail'), slug: StringEnum(SERVICE_SLUGS) }),
  Type.Object({ page: Type.Literal('plan') })
])

export const FeaturedItemSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  subtitle: Type.Optional(Type.String()),
  image: Type.Optional(Type.String()),
  target: RouteTargetSchema,
  ...sampleFlag
})

export const HotlineSchema = Type.Object({
  number: Type.String(),
  name: Type.String(),
  description: Type.String()
})

export const HomeDataSchema = Type.Object({
  featured: Type.Array(FeaturedItemSchema),
  news: Type.Array(NewsSummarySchema),
  competitions: Type.Array(CompetitionSummarySchema),
  figures: Type.Array(PlanFigureSchema),
  hotline: HotlineSchema
})

export function PageSchema<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
    hasMore: Type.Boolean()
  })
}

export const ApiErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() })
})

export const HealthSchema = Type.Object({ ok: Type.Literal(true) })

// ——— Schema ⇄ domain type agreement, checked by `tsc` ———
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type AllTrue<T extends true[]> = T

export type SchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof BlockSchema>, Block>,
    Same<Static<typeof NewsSummarySchema>, NewsSummary>,
    Same<Static<typeof NewsArticleSchema>, NewsArticle>,
    Same<Static<typeof CompetitionSummarySchema>, CompetitionSummary>,
    Same<Static<typeof CompetitionSchema>, Competition>,
    Same<Static<typeof ServiceSummarySchema>, ServiceSummary>,
    Same<Static<typeof ServiceSchema>, Service>,
    Same<Static<typeof PlanSchema>, Plan>,
    Same<Static<typeof FeaturedItemSchema>, FeaturedItem>,
    Same<Static<typeof HotlineSchema>, Hotline>,
    Same<Static<typeof HomeDataSchema>, HomeData>,
    Same<Static<ReturnType<typeof PageSchema<typeof NewsSummarySchema>>>, Page<NewsSummary>>
  ]
>
