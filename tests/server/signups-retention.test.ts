/** Sign-ups are deleted SIGNUP_RETENTION_DAYS after their event ends — not a millisecond before. */
import { retentionRules } from '@server/retention-rules'
import { loadConfig } from '@server/core/config'
import { runRetention } from '@server/core/retention'
import { signupRetentionRule } from '@server/signups/retention'
import { testDatabases } from './support/databases'
import { useStaffDesk } from './support/staff-desk'
import { DATES, createActivity, signUp, signupBody } from './support/signups'
import { signInWorker } from './support/workers'

const [sqlite] = testDatabases('signups_retention')
const DAY_MS = 24 * 60 * 60 * 1000

describe('sign-up retention (SQLite)', () => {
  const desk = useStaffDesk(sqlite.setUp, 'miyun-signups-retention-')

  it("deletes an ended event's sign-ups and counters the configured days after its end", async () => {
    const ended = await createActivity(desk.app, desk.editor)
    const later = await createActivity(desk.app, desk.editor, { eventEndsAt: '2026-12-06T04:00:00.000Z' })
    for (const activity of [ended, ended, later]) await signUp(desk.app, await signInWorker(desk.app), signupBody({ type: 'activity', id: activity.id }))
    const count = async (table: 'signups' | 'signup_events') =>
      (await desk.app.db.selectFrom(table).select('event_id').execute()).filter((row) => [ended.id, later.id].includes(row.event_id)).length

    const rule = signupRetentionRule(365)
    const deadline = new Date(DATES.eventEndsAt).getTime() + 365 * DAY_MS
    expect(await rule.run(desk.app.db, new Date(deadline))).toBe(0)
    expect(await count('signups')).toBe(3)
    expect(await rule.run(desk.app.db, new Date(deadline + 1))).toBe(2)
    expect(await count('signups')).toBe(1)
    expect(await count('signup_events')).toBe(1)
  })

  it('is among the rules `npm run retention` runs, with SIGNUP_RETENTION_DAYS', async () => {
    const config = loadConfig({ DATA_DIR: '/tmp/unused', SIGNUP_RETENTION_DAYS: '30' })
    const results = await runRetention(desk.app.db, retentionRules(config), new Date())
    expect(results.map((result) => result.name)).toContain('活动结束满 30 天的报名信息')
  })
})
