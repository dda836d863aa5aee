/**
 * The 十四五 record and 十五五 plan page: one document, read by workers (and 首页's figures) and saved whole by staff
 * (figures, sections and quote together, as the editor shows them together) through the one versioned write path.
 */
import type { Plan, StaffPlan } from '@/domain'
import { DOCUMENT_KEYS, type Db } from '../core/db/database'
import { documentRecord, requireDocument } from '../core/db/documents'
import { versionedSave, type EditResult, type Editor } from '../core/versioned/write'

const planRecord = documentRecord<StaffPlan, Plan>(
  DOCUMENT_KEYS.plan,
  'plan',
  ({ body, ...version }) => ({ plan: body as Plan, ...version }),
  (plan) => JSON.stringify(plan)
)

export function createPlanRepository(db: Db) {
  return {
    /** What workers read. */
    plan: async (): Promise<Plan> => (await requireDocument<Plan>(db, DOCUMENT_KEYS.plan)).body,

    /** What the editor loads. */
    async get(): Promise<StaffPlan> {
      const { body, ...version } = await requireDocument<Plan>(db, DOCUMENT_KEYS.plan)
      return { plan: body, ...version }
    },

    update(plan: Plan, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffPlan>> {
      return versionedSave(db, planRecord, { key: DOCUMENT_KEYS.plan, expectedVersion, editor, now }, plan, (after) => `修改规划页《${after.plan.title}》`)
    }
  }
}

export type PlanRepository = ReturnType<typeof createPlanRepository>
