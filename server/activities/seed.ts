/**
 * The sample activities, written once per database — also into a database first seeded by an earlier release, which
 * seedIfEmpty() no longer touches (as stations/seed.ts does). Its own marker in `meta` ('activities_seeded_at')
 * records that it ran, so a restart never brings back an activity staff deleted or undoes an edit; the marker is
 * written in the same transaction as the rows, so of two API instances starting at once only one writes them.
 *
 * Dated relative to when they are written: on a fresh database that is its first start (the seed's seeded_at, the
 * same instant); on one an earlier release seeded, the upgrade — dating them from a first start long past would bring
 * only ended activities.
 */
import type { Db } from '../core/db/database'
import { transaction } from '../core/db/transaction'
import { activityToRow } from './rows'
import { seedActivitiesAt } from './seed-data'

export const ACTIVITIES_SEEDED_MARKER = 'activities_seeded_at'

/** Returns true when it wrote the sample activities, false when this database had them before. */
export async function seedActivitiesOnce(
  db: Db,
  { now = new Date(), activities = seedActivitiesAt(now) }: { now?: Date; activities?: ReturnType<typeof seedActivitiesAt> } = {}
): Promise<boolean> {
  return transaction(db, async (trx) => {
    const marker = await trx
      .insertInto('meta')
      .values({ key: ACTIVITIES_SEEDED_MARKER, value: now.toISOString() })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .executeTakeFirst()
    if (Number(marker.numInsertedOrUpdatedRows ?? 0) === 0) return false
    if (activities.length > 0) {
      // An activity an operator added by hand under the same id keeps its row; the seed never overwrites.
      await trx
        .insertInto('activities')
        .values(activities.map(activityToRow))
        .onConflict((conflict) => conflict.doNothing())
        .execute()
    }
    return true
  })
}
