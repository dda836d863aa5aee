/**
 * Activities as staff edit them: every one (sample and cancelled ones too), create, save and cancel through the one
 * versioned write path (server/core/versioned/write.ts). Cancelling is a decide() that refuses an activity already
 * called off or already over. Workers read through ./repository.ts; the revision triggers of migration 0007 make
 * cached worker answers follow on the next request.
 *
 * Records the seed wrote and nobody has saved since count as last changed when the database was seeded.
 */
import type { Updateable } from 'kysely'
import { activityStatus, type ActivityInput, type StaffActivity, type StaffActivitySummary } from '@/domain'
import type { Db } from '../core/db/database'
import { VERSION_COLUMNS, signupDatesFromRow, versionedFromRow } from '../core/db/row-helpers'
import { seededAt } from '../core/db/seeded-at'
import { signupEventChanged } from '../signups/event-changes'
import { firstVersion, insertUnlessTaken, updateWhereVersion, versionedCreate, versionedSave, versionedWrite } from '../core/versioned/write'
import type { EditResult, Editor, Executor, Refusal, VersionedRecord } from '../core/versioned/write'
import {
  ACTIVITY_SUMMARY_COLUMNS,
  activityFromInput,
  activityFromRow,
  activityInputColumns,
  activitySummaryFromRow,
  activityToRow,
  type ActivitiesTable
} from './rows'
import { findActivityEvent } from './repository'

export const ALREADY_CANCELLED: Refusal = { status: 409, code: 'ACTIVITY_CANCELLED', message: '该活动已取消，无需再次取消' }
export const ALREADY_ENDED: Refusal = { status: 409, code: 'ACTIVITY_ENDED', message: '该活动已结束，不能再取消' }

async function findActivity(executor: Executor, id: string, now: Date): Promise<StaffActivity | undefined> {
  const row = await executor.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return { ...activityFromRow(row, activityStatus(signupDatesFromRow(row), now)), ...versionedFromRow(row, await seededAt(executor)) }
}

function activityRecord(now: Date): VersionedRecord<string, StaffActivity, Updateable<ActivitiesTable>> {
  return {
    entity: 'activity',
    read: (executor, id) => findActivity(executor, id, now),
    async write(executor, id, columns, stamp) {
      // Workers signed up are told when it is called off or moves (server/signups/event-changes.ts), in this transaction.
      const before = await findActivityEvent(executor, id)
      if (!(await updateWhereVersion(executor, 'activities', { column: 'id', value: id }, columns, stamp))) return false
      const reason = typeof columns.cancel_reason === 'string' ? columns.cancel_reason : undefined
      await signupEventChanged(executor, before, await findActivityEvent(executor, id), reason, new Date(stamp.updatedAt))
      return true
    }
  }
}

export function createStaffActivitiesRepository(db: Db) {
  return {
    /** Every activity, sample and cancelled ones too, the latest to take place first. */
    async list(now: Date): Promise<StaffActivitySummary[]> {
      const [rows, unsavedAt] = await Promise.all([
        db
          .selectFrom('activities')
          .select([...ACTIVITY_SUMMARY_COLUMNS, ...VERSION_COLUMNS])
          .orderBy('event_starts_at', 'desc')
          .orderBy('id')
          .execute(),
        seededAt(db)
      ])
      return rows.map((row) => ({ ...activitySummaryFromRow(row, activityStatus(signupDatesFromRow(row), now)), ...versionedFromRow(row, unsavedAt) }))
    },

    find: (id: string, now: Date) => findActivity(db, id, now),

    create(input: ActivityInput, editor: Editor, now: Date): Promise<StaffActivity> {
      return versionedCreate(db, {
        entity: 'activity',
        now,
        editor,
        insert: (trx, id) =>
          insertUnlessTaken(trx.insertInto('activities').values({ ...activityToRow(activityFromInput(id, input)), ...firstVersion(editor, now) })),
        read: (trx, id) => findActivity(trx, id, now),
        summary: (after) => `新建活动《${after.title}》`
      })
    },

    /** Everything the editor shows; the id and a cancellation stay as they are. */
    update(id: string, input: ActivityInput, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffActivity>> {
      return versionedSave(
        db,
        activityRecord(now),
        { key: id, expectedVersion, editor, now },
        activityInputColumns(id, input),
        (after, before) => `修改活动《${after.title}》${before.sample && !after.sample ? '：示例信息已换为实际信息' : ''}`
      )
    },

    /** Called off with a reason workers are told; refused when it already is, or when it is over. */
    cancel(id: string, reason: string, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffActivity>> {
      return versionedWrite(db, activityRecord(now), {
        key: id,
        expectedVersion,
        editor,
        now,
        decide: (before) => {
          if (before.cancelled) return { refuse: ALREADY_CANCELLED }
          if (before.status === 'ended') return { refuse: ALREADY_ENDED }
          return {
            change: { cancelled_at: now.toISOString(), cancel_reason: reason.trim() },
            action: 'cancel',
            summary: (after) => `取消活动《${after.title}》：${reason.trim()}`
          }
        }
      })
    }
  }
}

export type StaffActivitiesRepository = ReturnType<typeof createStaffActivitiesRepository>
