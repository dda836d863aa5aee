/**
 * TypeBox schemas of the staff routes for competitions, services, the plan page and the 首页 featured list (types in
 * src/domain/staff.ts). Body schemas check the shape only — types, known fields (additionalProperties: false at
 * every level) — and the rules a staffer can break (empty, too long, dates in the wrong order, a target that does not
 * exist) are left to the shared validators, answered as 400 INVALID_FIELD naming the field. Each top-level
 * `description` is what a 400 from the schema itself says after 「参数 x 无效：」.
 */
import { Type, type Static } from '@sinclair/typebox'
import {
  LIMITS,
  SERVICE_SLUGS,
  TRADES,
  type CompetitionInput,
  type CompetitionUpdate,
  type FeaturedItem,
  type FeaturedUpdate,
  type PlanUpdate,
  type ServiceUpdate,
  type StaffCompetition,
  type StaffCompetitionSummary,
  type StaffFeatured,
  type StaffPlan,
  type StaffService
} from '../../src/domain'
import { CompetitionSchema, CompetitionSummarySchema, FeaturedItemSchema, PlanSchema, ServiceSchema, StringEnum } from '../core/schemas/common'
import { FORMAT_MAX, List, Text, TextOrNull } from '../core/schemas/caps'
import { FiniteNumber, FiniteNumberOrNull } from '../core/schemas/numbers'
import { VersionParam, versionedProperties } from '../core/versioned/schema'

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type AllTrue<T extends true[]> = T

const closed = { additionalProperties: false } as const

/** Any finite number, so that 0 or 2.5 reach the shared rule and its message (「名额需为 1–100000 的整数…」). */
function NumberOrNull(description: string) {
  return FiniteNumberOrNull({ description })
}

const INSTANT_EXAMPLE = '如 2026-12-01T09:00:00+08:00'
const instant = (label: string) => Text(FORMAT_MAX.instant, { description: `${label}应为带时区的时间，${INSTANT_EXAMPLE}` })
const text = (label: string, ruleMax: number) => Text(ruleMax, { description: `${label}应为文字` })
const texts = (label: string) =>
  List(Text(LIMITS.listItem), LIMITS.listItems, { description: `${label}应为文字的列表（最多 ${LIMITS.listItems} 条）` })
const sampleProperties = {
  sample: Type.Boolean({ description: '示例标记应为 true 或 false' }),
  sampleNote: TextOrNull(LIMITS.sampleNote, '示例说明应为文字，没有时为 null')
}

const ContactInputSchema = Type.Object(
  { name: Text(LIMITS.contactName), phone: Type.Optional(Text(LIMITS.phone)), hours: Type.Optional(Text(LIMITS.hours)) },
  closed
)
const contactDescription = '联系方式应为 { name 联系人或地点, 可选 phone 电话、hours 服务时间 }'

// ——— competitions (server/routes/staff/competitions.ts) ———

const competitionInputProperties = {
  title: text('标题', LIMITS.title),
  trade: StringEnum(TRADES, { description: `工种应为 ${TRADES.join('、')} 之一` }),
  summary: text('简介', LIMITS.summary),
  cover: TextOrNull(FORMAT_MAX.mediaPath, '封面应为上传得到的 /media/… 路径，无封面时为 null'),
  signupStartsAt: instant('报名开始时间'),
  signupEndsAt: instant('报名截止时间'),
  eventStartsAt: instant('比赛开始时间'),
  eventEndsAt: instant('比赛结束时间'),
  venue: text('地点', LIMITS.venue),
  organizer: text('主办单位', LIMITS.organizer),
  quota: NumberOrNull('名额应为整数，不限名额时为 null'),
  schedule: List(Type.Object({ at: Text(FORMAT_MAX.instant), title: Text(LIMITS.resultField) }, closed), LIMITS.listItems, {
    description: `日程应为 { at 时间（${INSTANT_EXAMPLE}）, title 内容 } 的列表`
  }),
  rules: texts('规则'),
  awards: List(Type.Object({ title: Text(LIMITS.resultField), description: Text(LIMITS.listItem) }, closed), LIMITS.listItems, {
    description: '奖项应为 { title 名称（如「密云工匠」「密云能手」）, description 说明 } 的列表'
  }),
  results: List(
    Type.Object(
      {
        rank: Text(LIMITS.resultField),
        name: Text(LIMITS.resultField),
        unit: Type.Optional(Text(LIMITS.organizer)),
        award: Type.Optional(Text(LIMITS.resultField))
      },
      closed
    ),
    LIMITS.results,
    { description: '成绩应为 { rank 名次, name 姓名, 可选 unit 单位、award 称号（如「密云工匠」） } 的列表' }
  ),
  contact: Type.Union([Type.Null(), ContactInputSchema], { description: `${contactDescription}，没有时为 null` }),
  ...sampleProperties
}

export const CompetitionInputSchema = Type.Object(competitionInputProperties, closed)

export const CompetitionUpdateSchema = Type.Object({ ...competitionInputProperties, version: VersionParam }, closed)

export const StaffCompetitionSummarySchema = Type.Object({ ...CompetitionSummarySchema.properties, ...versionedProperties })

export const StaffCompetitionSchema = Type.Object({ ...CompetitionSchema.properties, ...versionedProperties })

// ——— services (server/routes/staff/services.ts) ———

/** Any slug passes the shape: an unknown one is a service that does not exist (404), as on the worker route. */
export const ServiceSlugParams = Type.Object(
  { slug: Type.String({ description: `应为 ${SERVICE_SLUGS.join('、')} 之一` }) },
  closed
)

export const ServiceUpdateSchema = Type.Object(
  {
    name: text('名称', LIMITS.figureText),
    tagline: text('一句话介绍', LIMITS.title),
    what: texts('「是什么」'),
    who: texts('「谁可以用」'),
    how: texts('「怎么办」'),
    contacts: List(ContactInputSchema, LIMITS.listItems, { description: `${contactDescription} 的列表` }),
    figures: List(
      Type.Object({ value: Text(LIMITS.figureText), unit: Text(LIMITS.figureText), label: Text(LIMITS.title) }, closed),
      LIMITS.listItems,
      { description: '数字应为 { value 数值, unit 单位, label 说明 } 的列表' }
    ),
    ...sampleProperties,
    version: VersionParam
  },
  closed
)

export const StaffServiceSchema = Type.Object({ ...ServiceSchema.properties, ...versionedProperties })

// ——— plan (server/routes/staff/plan.ts) ———

const PlanSectionInputSchema = Type.Object(
  { title: Text(LIMITS.title), lead: Text(LIMITS.planText), points: List(Text(LIMITS.listItem), LIMITS.listItems) },
  closed
)

const PlanInputSchema = Type.Object(
  {
    title: Text(LIMITS.title),
    subtitle: Text(LIMITS.title),
    summary: Text(LIMITS.planText),
    figures: List(
      Type.Object(
        {
          key: Text(LIMITS.figureText),
          label: Text(LIMITS.title),
          // Whether it is negative is the shared rule's to say; the cap only keeps 1e21 out of every worker's 首页.
          amount: FiniteNumber({ maximum: 1e12, description: '数值应为不超过 1 万亿的数' }),
          prefix: Type.Optional(Text(LIMITS.figureText)),
          suffix: Type.Optional(Text(LIMITS.figureText)),
          unit: Text(LIMITS.figureText),
          display: Text(LIMITS.figureText),
          icon: Text(LIMITS.figureText),
          group: Text(LIMITS.figureText)
        },
        closed
      ),
      LIMITS.blocks
    ),
    achievements: List(PlanSectionInputSchema, LIMITS.listItems),
    tasks: List(PlanSectionInputSchema, LIMITS.listItems),
    quote: Type.Object({ text: Text(LIMITS.planText), cite: Text(LIMITS.cite) }, closed),
    source: Text(LIMITS.planSource)
  },
  { ...closed, description: '规划应为完整的规划页：title、subtitle、summary、figures、achievements、tasks、quote、source，且不含其他字段' }
)

export const PlanUpdateSchema = Type.Object({ plan: PlanInputSchema, version: VersionParam }, closed)

export const StaffPlanSchema = Type.Object({ plan: PlanSchema, ...versionedProperties })

// ——— featured (server/routes/staff/featured.ts) ———

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
      description:
        `推荐应为列表，每项含 title、target（page 为 newsDetail、competitionDetail 时带 id，serviceDetail 时带 slug：${SERVICE_SLUGS.join('、')} 之一，或 plan）、sample，可选 id、subtitle、image、sampleNote，且不含其他字段`
    }),
    version: VersionParam
  },
  closed
)

export type FeaturedUpdateBody = Static<typeof FeaturedUpdateSchema>

export const StaffFeaturedSchema = Type.Object({ items: Type.Array(FeaturedItemSchema), ...versionedProperties })

// ——— Schema ⇄ domain type agreement, checked by `tsc` ———

type FeaturedItemBody = FeaturedUpdateBody['items'][number]

export type StaffContentSchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof CompetitionInputSchema>, CompetitionInput>,
    Same<Static<typeof CompetitionUpdateSchema>, CompetitionUpdate>,
    Same<Static<typeof StaffCompetitionSummarySchema>, StaffCompetitionSummary>,
    Same<Static<typeof StaffCompetitionSchema>, StaffCompetition>,
    Same<Static<typeof ServiceUpdateSchema>, ServiceUpdate>,
    Same<Static<typeof StaffServiceSchema>, StaffService>,
    Same<Static<typeof PlanUpdateSchema>, PlanUpdate>,
    Same<Static<typeof StaffPlanSchema>, StaffPlan>,
    Same<Static<typeof StaffFeaturedSchema>, StaffFeatured>,
    // The body is FeaturedUpdate with the id optional (new items get theirs from the server).
    Same<Omit<FeaturedItemBody, 'id'>, Omit<FeaturedItem, 'id'>>,
    Same<FeaturedItemBody['id'], string | undefined>,
    [FeaturedUpdate] extends [FeaturedUpdateBody] ? true : false
  ]
>
