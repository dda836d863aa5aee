/**
 * Competitions as staff edit them: every one (sample ones too), create, and save through the one versioned write
 * path (server/core/versioned/write.ts). Workers read through ./repository.ts; the revision triggers of migration
 * 0002 make cached worker answers follow on the next request.
 *
 * Records the seed wrote and nobody has saved since count as last changed when the database was seeded.
 */
import { competitionStatus, type Competition, type CompetitionInput, type StaffCompetition, type StaffCompetitionSummary } from '@/domain'
import type { Db } from '../core/db/database'
import { VERSION_COLUMNS, signupDatesFromRow, versionedFromRow } from '../core/db/row-helpers'
import { seededAt } from '../core/db/seeded-at'
import { signupEventChanged } from '../signups/event-changes'
import { findCompetitionEvent } from './repository'
import { firstVersion, insertUnlessTaken, updateWhereVersion, versionedCreate, versionedSave } from '../core/versioned/write'
import type { EditResult, Editor, Executor, VersionedRecord } from '../core/versioned/write'
import {
  COMPETITION_SUMMARY_COLUMNS,
  competitionFromInput,
  competitionFromRow,
  competitionInputColumns,
  competitionSummaryFromRow,
  competitionToRow
} from './rows'

/** What an audit line says beyond 「修改竞赛《…》」: the two changes workers notice most. */
function competitionChangeSummary(before: Competition, after: Competition): string {
  const notes = [
    before.sample && !after.sample ? '示例信息已换为实际信息' : undefined,
    before.results.length === 0 && after.results.length > 0 ? `公布成绩 ${after.results.length} 条` : undefined
  ].filter((note): note is string => note !== undefined)
  return `修改竞赛《${after.title}》${notes.length > 0 ? `：${notes.join('，')}` : ''}`
}

async function findCompetition(executor: Executor, id: string, now: Date): Promise<StaffCompetition | undefined> {
  const row = await executor.selectFrom('competitions').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return { ...competitionFromRow(row, competitionStatus(signupDatesFromRow(row), now)), ...versionedFromRow(row, await seededAt(executor)) }
}

function competitionRecord(now: Date): VersionedRecord<string, StaffCompetition, CompetitionInput> {
  return {
    entity: 'competition',
    read: (executor, id) => findCompetition(executor, id, now),
    async write(executor, id, input, stamp) {
      // Workers signed up are told when it moves (server/signups/event-changes.ts), in this transaction.
      const before = await findCompetitionEvent(executor, id)
      if (!(await updateWhereVersion(executor, 'competitions', { column: 'id', value: id }, competitionInputColumns(id, input), stamp))) return false
      await signupEventChanged(executor, before, await findCompetitionEvent(executor, id), undefined, new Date(stamp.updatedAt))
      return true
    }
  }
}

export function createStaffCompetitionsRepository(db: Db) {
  return {
    /** Every competition, sample ones too, the latest sign-up first. */
    async list(now: Date): Promise<StaffCompetitionSummary[]> {
      const [rows, unsavedAt] = await Promise.all([
        db
          .selectFrom('competitions')
          .select([...COMPETITION_SUMMARY_COLUMNS, ...VERSION_COLUMNS])
          .orderBy('signup_starts_at', 'desc')
          .orderBy('id')
          .execute(),
        seededAt(db)
      ])
      return rows.map((row) => ({
        ...competitionSummaryFromRow(row, competitionStatus(signupDatesFromRow(row), now)),
        ...versionedFromRow(row, unsavedAt)
      }))
    },

    find: (id: string, now: Date) => findCompetition(db, id, now),

    create(input: CompetitionInput, editor: Editor, now: Date): Promise<StaffCompetition> {
      return versionedCreate(db, {
        entity: 'competition',
        now,
        editor,
        insert: (trx, id) =>
          insertUnlessTaken(trx.insertInto('competitions').values({ ...competitionToRow(competitionFromInput(id, input)), ...firstVersion(editor, now) })),
        read: (trx, id) => findCompetition(trx, id, now),
        summary: (after) => `新建竞赛《${after.title}》`
      })
    },

    /** Everything the editor shows, results and the sample flag included; the id stays. */
    update(id: string, input: CompetitionInput, expectedVersion: number, editor: Editor, now: Date): Promise<EditResult<StaffCompetition>> {
      return versionedSave(db, competitionRecord(now), { key: id, expectedVersion, editor, now }, input, (after, before) =>
        competitionChangeSummary(before, after)
      )
    }
  }
}

export type StaffCompetitionsRepository = ReturnType<typeof createStaffCompetitionsRepository>
