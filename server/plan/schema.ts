/**
 * TypeBox schemas of the 十四五 plan page: what workers read (/api/plan) and the editors' API (/api/staff/plan).
 * The page is saved whole; the rules a staffer can break are the shared validators', answered as 400 INVALID_FIELD.
 */
import { Type, type Static } from '@sinclair/typebox'
import { LIMITS, type Plan, type PlanUpdate, type StaffPlan } from '@/domain'
import { List, Text } from '../core/schemas/caps'
import { closed } from '../core/schemas/common'
import type { AllTrue, Same } from '../core/schemas/common'
import { FiniteNumber } from '../core/schemas/numbers'
import { VersionParam, versionedProperties } from '../core/versioned/schema'

// ——— what workers read ———

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

// ——— the editors' API ———

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

// ——— Schema ⇄ domain type agreement, checked by `tsc` ———

export type PlanSchemasMatchDomainTypes = AllTrue<
  [Same<Static<typeof PlanSchema>, Plan>, Same<Static<typeof PlanUpdateSchema>, PlanUpdate>, Same<Static<typeof StaffPlanSchema>, StaffPlan>]
>
