/**
 * TypeBox schemas of the competition routes: what workers read (/api/competitions) and the editors' API
 * (/api/staff/competitions). Body schemas check the shape only — types, known fields (additionalProperties: false at
 * every level) — and the rules a staffer can break (empty, too long, dates in the wrong order) are left to the shared
 * validators, answered as 400 INVALID_FIELD naming the field. Each top-level `description` is what a 400 from the
 * schema itself says after 「参数 x 无效：」.
 */
import { Type, type Static } from '@sinclair/typebox'
import {
  COMPETITION_STATUSES,
  LIMITS,
  TRADES,
  type Competition,
  type CompetitionInput,
  type CompetitionSummary,
  type CompetitionUpdate,
  type StaffCompetition,
  type StaffCompetitionSummary
} from '@/domain'
import { FORMAT_MAX, INSTANT_EXAMPLE, LabelledText, List, Text, TextList, TextOrNull } from '../core/schemas/caps'
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
import { FiniteNumberOrNull } from '../core/schemas/numbers'
import { PageParam, oneOf } from '../core/schemas/params'
import { VersionParam, versionedProperties } from '../core/versioned/schema'

// ——— what workers read ———

export const CompetitionSummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  trade: StringEnum(TRADES),
  summary: Type.String(),
  cover: Type.Optional(Type.String()),
  ...signupEventDates,
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

export const CompetitionPageSchema = PageSchema(CompetitionSummarySchema)

export const CompetitionListQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(COMPETITION_STATUSES, { description: oneOf(COMPETITION_STATUSES) })),
    trade: Type.Optional(StringEnum(TRADES, { description: oneOf(TRADES) })),
    page: Type.Optional(PageParam)
  },
  closed
)

/** Any finite number, so that 0 or 2.5 reach the shared rule and its message (「名额需为 1–100000 的整数…」). */
function NumberOrNull(description: string) {
  return FiniteNumberOrNull({ description })
}

// ——— the editors' API ———

const competitionInputProperties = {
  title: LabelledText('标题', LIMITS.title),
  trade: StringEnum(TRADES, { description: `工种应为 ${TRADES.join('、')} 之一` }),
  summary: LabelledText('简介', LIMITS.summary),
  cover: TextOrNull(FORMAT_MAX.mediaPath, '封面应为上传得到的 /media/… 路径，无封面时为 null'),
  ...signupEventDateInputs('比赛'),
  venue: LabelledText('地点', LIMITS.venue),
  organizer: LabelledText('主办单位', LIMITS.organizer),
  quota: NumberOrNull('名额应为整数，不限名额时为 null'),
  schedule: List(Type.Object({ at: Text(FORMAT_MAX.instant), title: Text(LIMITS.resultField) }, closed), LIMITS.listItems, {
    description: `日程应为 { at 时间（${INSTANT_EXAMPLE}）, title 内容 } 的列表`
  }),
  rules: TextList('规则'),
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
  ...sampleInputProperties
}

export const CompetitionInputSchema = Type.Object(competitionInputProperties, closed)

export const CompetitionUpdateSchema = Type.Object({ ...competitionInputProperties, version: VersionParam }, closed)

export const StaffCompetitionSummarySchema = Type.Object({ ...CompetitionSummarySchema.properties, ...versionedProperties })

export const StaffCompetitionSchema = Type.Object({ ...CompetitionSchema.properties, ...versionedProperties })

// ——— Schema ⇄ domain type agreement, checked by `tsc` ———

export type CompetitionSchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof CompetitionSummarySchema>, CompetitionSummary>,
    Same<Static<typeof CompetitionSchema>, Competition>,
    Same<Static<typeof CompetitionInputSchema>, CompetitionInput>,
    Same<Static<typeof CompetitionUpdateSchema>, CompetitionUpdate>,
    Same<Static<typeof StaffCompetitionSummarySchema>, StaffCompetitionSummary>,
    Same<Static<typeof StaffCompetitionSchema>, StaffCompetition>
  ]
>
