/**
 * TypeBox schemas of 首页: what workers read (/api/home: the featured items, the latest news and competitions, the
 * plan's figures, the hotline) and the editors' API for the featured list (/api/staff/featured).
 */
import { Type, type Static } from '@sinclair/typebox'
import { LIMITS, SERVICE_SLUGS, type FeaturedItem, type FeaturedUpdate, type HomeData, type Hotline, type StaffFeatured } from '@/domain'
import { CompetitionSummarySchema } from '../competitions/schema'
import { FORMAT_MAX, List, Text } from '../core/schemas/caps'
import { StringEnum, closed, sampleFlag } from '../core/schemas/common'
import type { AllTrue, Same } from '../core/schemas/common'
import { VersionParam, versionedProperties } from '../core/versioned/schema'
import { NewsSummarySchema } from '../news/schema'
import { PlanFigureSchema } from '../plan/schema'

// ——— what workers read ———

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

// ——— the editors' API ———

/**
 * Where a tap goes, each kind with its own fields only. Whether an id names something a worker can open (a
 * published article, an existing competition) is checked afterwards and answered as INVALID_FIELD on that item.
 */
const RouteTargetInputSchema = Type.Union([
  Type.Object({ page: Type.Literal('newsDetail'), id: Text(FORMAT_MAX.contentId) }, closed),
  Type.Object({ page: Type.Literal('competitionDetail'), id: Text(FORMAT_MAX.contentId) }, closed),
  Type.Object({ page: Type.Literal('serviceDetail'), slug: StringEnum(SERVICE_SLUGS) }, closed),
  Type.Object({ page: Type.Literal('plan') }, closed)
])

const FeaturedItemInputSchema = Type.Object(
  {
    /** Absent for a new item: the server gives it one. */
    id: Type.Optional(Text(FORMAT_MAX.contentId)),
    title: Text(LIMITS.title),
    subtitle: Type.Optional(Text(LIMITS.title)),
    image: Type.Optional(Text(FORMAT_MAX.mediaPath)),
    target: RouteTargetInputSchema,
    sample: Type.Boolean(),
    sampleNote: Type.Optional(Text(LIMITS.sampleNote))
  },
  closed
)

export const FeaturedUpdateSchema = Type.Object(
  {
    items: List(FeaturedItemInputSchema, LIMITS.featured, {
      description: `推荐应为列表，每项含 title、target（page 为 newsDetail、competitionDetail 时带 id，serviceDetail 时带 slug：${SERVICE_SLUGS.join('、')} 之一，或 plan）、sample，可选 id、subtitle、image、sampleNote，且不含其他字段`
    }),
    version: VersionParam
  },
  closed
)

export type FeaturedUpdateBody = Static<typeof FeaturedUpdateSchema>

export const StaffFeaturedSchema = Type.Object({ items: Type.Array(FeaturedItemSchema), ...versionedProperties })

// ——— Schema ⇄ domain type agreement, checked by `tsc` ———

type FeaturedItemBody = FeaturedUpdateBody['items'][number]

export type HomeSchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof FeaturedItemSchema>, FeaturedItem>,
    Same<Static<typeof HotlineSchema>, Hotline>,
    Same<Static<typeof HomeDataSchema>, HomeData>,
    Same<Static<typeof StaffFeaturedSchema>, StaffFeatured>,
    // The body is FeaturedUpdate with the id optional (new items get theirs from the server).
    Same<Omit<FeaturedItemBody, 'id'>, Omit<FeaturedItem, 'id'>>,
    Same<FeaturedItemBody['id'], string | undefined>,
    [FeaturedUpdate] extends [FeaturedUpdateBody] ? true : false
  ]
>
