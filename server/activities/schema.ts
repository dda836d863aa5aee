/**
 * TypeBox schemas of the activity routes: what workers read (/api/activities) and the editors' API
 * (/api/staff/activities). Body schemas check the shape only (types, known fields at every level); the rules a
 * staffer can break (empty, too long, dates in the wrong order, a capacity of 0) are left to the shared validators
 * (activityInputProblems), answered as 400 INVALID_FIELD naming the field. Each top-level `description` is what a 400
 * from the schema itself says after 「参数 x 无效：」.
 */
import { Type, type Static } from '@sinclair/typebox'
import {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_LABELS,
  ACTIVITY_STATUSES,
  LIMITS,
  type Activity,
  type ActivityCancelRequest,
  type ActivityInput,
  type ActivitySummary,
  type ActivityUpdate,
  type Page,
  type StaffActivity,
  type StaffActivitySummary
} from '@/domain'
import { FORMAT_MAX, LabelledText, List, TextOrNull } from '../core/schemas/caps'
import {
  ContactInputSchema,
  ContactPointSchema,
  IsoDateTime,
  PageSchema,
  StringEnum,
  closed,
  contactDescription,
  sampleFlag,
  sampleInputProperties,
  signupEventDateInputs,
  signupEventDates
} from '../core/schemas/common'
import type { AllTrue, Same } from '../core/schemas/common'
import { FiniteNumber } from '../core/schemas/numbers'
import { PageParam, oneOf } from '../core/schemas/params'
import { VersionParam, versionedProperties } from '../core/versioned/schema'
import { BlockInputSchema, BlockSchema, blocksDescription } from '../news/schema'

// ——— what workers read ———

export const ActivitySummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: StringEnum(ACTIVITY_KINDS),
  summary: Type.String(),
  cover: Type.Optional(Type.String()),
  ...signupEventDates,
  place: Type.String(),
  stationCode: Type.Optional(Type.String()),
  capacity: Type.Integer(),
  womenOnly: Type.Boolean(),
  reviewRequired: Type.Boolean(),
  cancelled: Type.Optional(Type.Object({ at: IsoDateTime, reason: Type.String() })),
  status: StringEnum(ACTIVITY_STATUSES),
  ...sampleFlag
})

export const ActivitySchema = Type.Object({
  ...ActivitySummarySchema.properties,
  eligibility: Type.String(),
  blocks: Type.Array(BlockSchema),
  contact: Type.Optional(ContactPointSchema)
})

export const ActivityPageSchema = PageSchema(ActivitySummarySchema)

const kindDescription = `应为 ${ACTIVITY_KINDS.map((kind) => `${kind}（${ACTIVITY_KIND_LABELS[kind]}）`).join('、')} 之一`

export const ActivityListQuery = Type.Object(
  {
    kind: Type.Optional(StringEnum(ACTIVITY_KINDS, { description: kindDescription })),
    open: Type.Optional(StringEnum(['1'], { description: `${oneOf(['1'])}：只看可报名的活动，看全部时不传` })),
    page: Type.Optional(PageParam)
  },
  closed
)

// ——— the editors' API ———

const activityInputProperties = {
  title: LabelledText('标题', LIMITS.title),
  kind: StringEnum(ACTIVITY_KINDS, { description: `活动类型${kindDescription}` }),
  summary: LabelledText('简介', LIMITS.summary),
  cover: TextOrNull(FORMAT_MAX.mediaPath, '封面应为上传得到的 /media/… 路径，无封面时为 null'),
  ...signupEventDateInputs('活动'),
  place: LabelledText('地点', LIMITS.venue),
  stationCode: TextOrNull(FORMAT_MAX.contentId, '服务站点编码应为文字，不在站点举办时为 null'),
  // Any finite number, so that 0 or 2.5 reach the shared rule and its message (「名额需为 1–10000 的整数」).
  capacity: FiniteNumber({ description: '名额应为数字' }),
  eligibility: LabelledText('参加对象', LIMITS.eligibility),
  womenOnly: Type.Boolean({ description: '仅限女职工应为 true 或 false' }),
  reviewRequired: Type.Boolean({ description: '报名需审核应为 true 或 false' }),
  blocks: List(BlockInputSchema, LIMITS.blocks, { description: blocksDescription }),
  contact: Type.Union([Type.Null(), ContactInputSchema], { description: `${contactDescription}，没有时为 null` }),
  ...sampleInputProperties
}

export const ActivityInputSchema = Type.Object(activityInputProperties, closed)

export const ActivityUpdateSchema = Type.Object({ ...activityInputProperties, version: VersionParam }, closed)

export const ActivityCancelRequestSchema = Type.Object({ version: VersionParam, reason: LabelledText('取消原因', LIMITS.cancelReason) }, closed)

export const StaffActivitySummarySchema = Type.Object({ ...ActivitySummarySchema.properties, ...versionedProperties })

export const StaffActivitySchema = Type.Object({ ...ActivitySchema.properties, ...versionedProperties })

// ——— Schema ⇄ domain type agreement, checked by `tsc` ———

export type ActivitySchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof ActivitySummarySchema>, ActivitySummary>,
    Same<Static<typeof ActivitySchema>, Activity>,
    Same<Static<typeof ActivityPageSchema>, Page<ActivitySummary>>,
    Same<Static<typeof ActivityInputSchema>, ActivityInput>,
    Same<Static<typeof ActivityUpdateSchema>, ActivityUpdate>,
    Same<Static<typeof ActivityCancelRequestSchema>, ActivityCancelRequest>,
    Same<Static<typeof StaffActivitySummarySchema>, StaffActivitySummary>,
    Same<Static<typeof StaffActivitySchema>, StaffActivity>
  ]
>
