/**
 * The group commit (server/core/db/group-commit.ts) on a real database: works that arrive together see each other's
 * writes in order, as if alone; on SQLite they share COMMITs (fewer transactions than works); a work that throws
 * undoes only its own writes; on PostgreSQL each work is its own transaction.
 */
import type { App } from '@server/app'
import { createGroupCommit } from '@server/core/db/group-commit'
import { takesRowLocks } from '@server/core/db/transaction'
import { testDatabases, useTestDatabase } from './support/databases'
import { buildTestApp } from './support/test-app'

const WORKS = 60

describe.each(testDatabases('group_commit'))('group commit ($name)', ({ setUp }) => {
  const database = useTestDatabase(setUp)
  let app: App

  beforeAll(async () => {
    app = buildTestApp({ env: database.env })
    await app.ready()
  })

  afterAll(async () => {
    await app.close()
  })

  const read = async (key: string) => (await app.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value

  it('runs works that arrive together in order, each after the writes before it, all of them committed', async () => {
    const transactions = jest.spyOn(app.db, 'transaction')
    const commit = createGroupCommit(app.db)
    await app.db.insertInto('meta').values({ key: 'group-commit-count', value: '0' }).execute()
    const results = await Promise.all(
      Array.from({ length: WORKS }, () =>
        commit.run(async (trx) => {
          // As the sign-ups lock their event's counters: FOR UPDATE on PostgreSQL, SQLite's one writer otherwise.
          const query = trx.selectFrom('meta').select('value').where('key', '=', 'group-commit-count')
          const { value } = await (takesRowLocks(app.db) ? query.forUpdate() : query).executeTakeFirstOrThrow()
          const next = Number(value) + 1
          await trx
            .updateTable('meta')
            .set({ value: String(next) })
            .where('key', '=', 'group-commit-count')
            .execute()
          return next
        })
      )
    )
    // Each work saw every write of the works before it: the counts are 1…60, none lost, none repeated.
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: WORKS }, (_, i) => i + 1))
    expect(await read('group-commit-count')).toBe(String(WORKS))
    if (takesRowLocks(app.db)) {
      // PostgreSQL: one transaction a work (a row lock serialises them; PostgreSQL groups concurrent syncs itself).
      expect(transactions.mock.calls.length).toBe(WORKS)
    } else {
      // SQLite: the works queued behind the first shared COMMITs.
      expect(transactions.mock.calls.length).toBeGreaterThanOrEqual(1)
      expect(transactions.mock.calls.length).toBeLessThan(WORKS)
    }
    transactions.mockRestore()
  })

  it('undoes only the writes of a work that throws; the others beside it are committed', async () => {
    const commit = createGroupCommit(app.db)
    const write = (key: string, thenThrow = false) =>
      commit.run(async (trx) => {
        await trx.insertInto('meta').values({ key, value: 'written' }).execute()
        if (thenThrow) throw new Error(`${key} failed after writing`)
        return key
      })
    const outcomes = await Promise.allSettled([write('group-commit-a'), write('group-commit-b', true), write('group-commit-c')])
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('group-commit-b failed after writing'))
    expect(await read('group-commit-a')).toBe('written')
    expect(await read('group-commit-b')).toBeUndefined()
    expect(await read('group-commit-c')).toBe('written')
  })

  it('a work the database refuses (a key already taken) fails alone, and the works beside it are committed', async () => {
    const commit = createGroupCommit(app.db)
    await app.db.insertInto('meta').values({ key: 'group-commit-taken', value: 'before' }).execute()
    const insert = (key: string) => commit.run((trx) => trx.insertInto('meta').values({ key, value: 'inserted' }).execute())
    const outcomes = await Promise.allSettled([insert('group-commit-x'), insert('group-commit-taken'), insert('group-commit-y')])
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(await read('group-commit-taken')).toBe('before')
    expect(await read('group-commit-x')).toBe('inserted')
    expect(await read('group-commit-y')).toBe('inserted')
    await expect(commit.run(async () => 'after')).resolves.toBe('after')
  })
})
