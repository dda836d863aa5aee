/**
 * 经办 staff and an event's sign-ups through HTTP: the list (counts, masked phones, the waitlist in order), review on
 * the versioned path (approve, refuse with a reason that frees the place for the waitlist, stale version, not
 * pending), revealing a phone and the CSV export (full numbers, audited, nothing personal in the audit log), and
 * check-in by hand (audited, once).
 */
import type { AuditEntry } from '@/domain'
import { testDatabases } from './support/databases'
import { staffSession, type TestStaffer } from './support/staff'
import { useStaffDesk } from './support/staff-desk'
import { DATES, activityInput, createActivity, mySignups, signUp, signupBody } from './support/signups'
import { signInWorker, type TestWorker } from './support/workers'

const [sqlite] = testDatabases('signups_staff')

describe('经办 and sign-ups (SQLite)', () => {
  const desk = useStaffDesk(sqlite.setUp, 'miyun-signups-staff-')
  let handler: TestStaffer

  beforeEach(async () => {
    handler = await staffSession(desk.app, ['handler'], { displayName: '赵经办' })
  })

  const staff = async (method: 'GET' | 'POST', url: string, payload?: object, staffer: TestStaffer = handler) => {
    const response = await desk.app.inject({ method, url: `/api/staff${url}`, headers: staffer.headers, ...(payload ? { payload } : {}) })
    return { status: response.statusCode, body: String(response.headers['content-type']).startsWith('text/csv') ? response.body : response.json(), response }
  }

  async function eventWith(count: number, overrides: Parameters<typeof createActivity>[2] = {}) {
    const activity = await createActivity(desk.app, desk.editor, overrides)
    const workers: TestWorker[] = []
    const ids: string[] = []
    for (let i = 0; i < count; i++) {
      const worker = await signInWorker(desk.app)
      workers.push(worker)
      ids.push((await signUp(desk.app, worker, signupBody({ type: 'activity', id: activity.id }, { phone: `1381234${String(5000 + i)}` }))).body.signup.id)
    }
    return { activity, workers, ids }
  }

  it("lists an event's sign-ups in queue order with counts, masked phones and waitlist positions; editors see none", async () => {
    const { activity } = await eventWith(4, { capacity: 2 })
    const { status, body } = await staff('GET', `/events/activity/${activity.id}/signups`)
    expect(status).toBe(200)
    expect(body.event).toMatchObject({ type: 'activity', id: activity.id, title: '八段锦健身课', reviewRequired: false, cancelled: false })
    expect(body.counts).toEqual({ pending: 0, confirmed: 2, waitlisted: 2, rejected: 0, cancelled: 0, 'checked-in': 0 })
    expect(
      body.signups.map((signup: { seq: number; state: string; waitlistPosition?: number }) => [signup.seq, signup.state, signup.waitlistPosition])
    ).toEqual([
      [1, 'confirmed', undefined],
      [2, 'confirmed', undefined],
      [3, 'waitlisted', 1],
      [4, 'waitlisted', 2]
    ])
    expect(body.signups[0]).toMatchObject({ name: '张小燕', phoneMasked: '138****5000', employer: '密云区医院', version: 1 })
    expect(JSON.stringify(body)).not.toMatch(/1381234\d{4}/)
    expect((await staff('GET', `/events/activity/${activity.id}/signups`, undefined, desk.editor)).status).toBe(403)
    expect((await staff('GET', `/events/activity/no-such/signups`)).status).toBe(404)
  })

  it('approves and refuses sign-ups that wait for review; a refusal needs a reason and frees the place for the first waitlisted', async () => {
    const { activity, workers, ids } = await eventWith(3, { capacity: 2, reviewRequired: true })
    expect((await mySignups(desk.app, workers[0]))[0].state).toBe('pending')
    expect((await mySignups(desk.app, workers[2]))[0]).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 })

    const approved = await staff('POST', `/signups/${ids[0]}/review`, { approve: true, version: 1 })
    expect(approved.status).toBe(200)
    expect(approved.body).toMatchObject({ state: 'confirmed', version: 2, updatedBy: '赵经办' })
    const again = await staff('POST', `/signups/${ids[0]}/review`, { approve: false, reason: '名额调整', version: 2 })
    expect(again.body.error).toMatchObject({ code: 'NOT_PENDING', message: '该报名不在待审核状态，无需审核' })

    const noReason = await staff('POST', `/signups/${ids[1]}/review`, { approve: false, reason: '  ', version: 1 })
    expect(noReason.status).toBe(400)
    expect(noReason.body.error).toMatchObject({ code: 'INVALID_FIELD', field: 'reason', message: '不通过时请填写原因（报名人会看到）' })
    const stale = await staff('POST', `/signups/${ids[1]}/review`, { approve: false, reason: '不符合条件', version: 7 })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('EDIT_CONFLICT')

    const refused = await staff('POST', `/signups/${ids[1]}/review`, { approve: false, reason: '非本区职工', version: 1 })
    expect(refused.body).toMatchObject({ state: 'rejected', reason: '非本区职工' })
    expect((await mySignups(desk.app, workers[1]))[0]).toMatchObject({ state: 'rejected', reason: '非本区职工', changed: true })
    // The freed place goes to the first waitlisted at once: waiting for review again, as this event asks.
    expect((await mySignups(desk.app, workers[2]))[0]).toMatchObject({ state: 'pending', changed: true })
    const list = (await staff('GET', `/events/activity/${activity.id}/signups`)).body
    expect(list.counts).toMatchObject({ pending: 1, confirmed: 1, rejected: 1, waitlisted: 0 })
    expect(list.availability).toMatchObject({ taken: 2, waitlisted: 0 })

    const audit = await desk.app.db.selectFrom('audit_log').selectAll().where('entity', '=', 'signup').where('entity_id', '=', ids[1]).execute()
    expect(audit.map((entry) => [entry.action, entry.summary, entry.staff_name])).toEqual([['reject', '不通过报名（序号 2）：非本区职工', '赵经办']])
    expect(JSON.stringify(audit)).not.toContain('张小燕')
    const told = await desk.app.db.selectFrom('outbox').select('data').where('recipient', '=', workers[1].workerId).orderBy('created_at').execute()
    expect(JSON.parse(told[told.length - 1].data)).toMatchObject({ phrase2: '未通过', thing3: '非本区职工' })
  })

  it('reveals one phone number and exports the list with full numbers, both audited without the numbers', async () => {
    const { activity, ids } = await eventWith(2, { capacity: 1 })
    const revealed = await staff('POST', `/signups/${ids[0]}/reveal-phone`)
    expect(revealed).toMatchObject({ status: 200, body: { phone: '13812345000' } })
    expect((await staff('POST', '/signups/20261124-0000000000000000/reveal-phone')).status).toBe(404)

    const csv = await staff('GET', `/events/activity/${activity.id}/signups.csv`)
    expect(csv.status).toBe(200)
    expect(csv.response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.response.headers['cache-control']).toBe('no-store')
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe('"序号","状态","候补位次","姓名","手机号","工作单位","工种","从业年限","原因","报名时间","签到时间","人工签到人"')
    expect(lines.slice(1)).toEqual([
      '"1","报名成功","","张小燕","13812345000","密云区医院","","","","2026-11-24 10:00","",""',
      '"2","候补中","1","张小燕","13812345001","密云区医院","","","","2026-11-24 10:00","",""'
    ])

    const audit = await desk.app.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'summary', 'before', 'after'])
      .where('entity', '=', 'signup')
      .orderBy('at')
      .execute()
    const mine = audit.filter((entry) => entry.entity_id === ids[0] || entry.entity_id === `activity:${activity.id}`)
    expect(mine.map((entry) => [entry.action, entry.summary])).toEqual([
      ['reveal-phone', '查看报名手机号（八段锦健身课，序号 1）'],
      ['export', '导出《八段锦健身课》的报名名单（2 条，含完整手机号）']
    ])
    expect(JSON.stringify(audit)).not.toContain('13812345')
    expect((await staff('GET', `/events/activity/${activity.id}/signups.csv`, undefined, desk.editor)).status).toBe(403)
  })

  it('keeps a formula out of the CSV: a name starting with = stays text', async () => {
    const activity = await createActivity(desk.app, desk.editor)
    const worker = await signInWorker(desk.app)
    await signUp(desk.app, worker, signupBody({ type: 'activity', id: activity.id }, { name: '=HYPERLINK("x")', employer: '+单位"甲"' }))
    const csv = (await staff('GET', `/events/activity/${activity.id}/signups.csv`)).body as string
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
    expect(csv).toContain(`"'+单位""甲"""`)
  })

  it('checks a worker in by hand during the check-in hours, once, audited, and the worker sees it', async () => {
    const { activity, workers, ids } = await eventWith(2, { capacity: 1 })
    const early = await staff('POST', `/signups/${ids[0]}/check-in`)
    expect(early.body.error.code).toBe('CHECK_IN_CLOSED')
    desk.clock = new Date(DATES.eventStartsAt)
    handler = await staffSession(desk.app, ['handler'], { displayName: '赵经办' })
    const done = await staff('POST', `/signups/${ids[0]}/check-in`)
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ state: 'checked-in', checkedInBy: '赵经办', checkedInAt: DATES.eventStartsAt })
    expect((await staff('POST', `/signups/${ids[0]}/check-in`)).body.error.code).toBe('ALREADY_CHECKED_IN')
    expect((await staff('POST', `/signups/${ids[1]}/check-in`)).body.error).toEqual({ code: 'CHECK_IN_NOT_CONFIRMED', message: '报名成功后才能签到' })
    expect((await mySignups(desk.app, workers[0]))[0]).toMatchObject({ state: 'checked-in', changed: true })
    expect((await staff('GET', `/events/activity/${activity.id}/check-in`)).body).toMatchObject({ checkedIn: 1, confirmed: 1 })
    const audit: Pick<AuditEntry, 'action'>[] = await desk.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'signup')
      .where('entity_id', '=', ids[0])
      .execute()
    expect(audit.map((entry) => entry.action)).toEqual(['check-in'])
  })

  it('tells every registrant when an activity moves, and ends their sign-ups with the reason when it is called off', async () => {
    const { activity, workers } = await eventWith(3, { capacity: 2 })
    const messages = async (worker: TestWorker) =>
      (
        await desk.app.db
          .selectFrom('outbox')
          .select(['template', 'data'])
          .where('recipient', '=', worker.workerId)
          .where('template', '=', 'event-change')
          .execute()
      ).map((row) => JSON.parse(row.data))

    const retitled = await desk.app.inject({
      method: 'PUT',
      url: `/api/staff/activities/${activity.id}`,
      headers: desk.editor.headers,
      payload: { ...activityInput({ capacity: 2, title: '八段锦（新）' }), version: 1 }
    })
    expect(retitled.statusCode).toBe(200)
    expect(await messages(workers[0])).toEqual([]) // a new title is nothing a worker must act on
    const moved = await desk.app.inject({
      method: 'PUT',
      url: `/api/staff/activities/${activity.id}`,
      headers: desk.editor.headers,
      payload: { ...activityInput({ capacity: 2, title: '八段锦（新）', place: '密云区文化馆' }), version: 2 }
    })
    expect(moved.statusCode).toBe(200)
    expect(await messages(workers[2])).toEqual([
      { thing1: '八段锦（新）', thing2: '地点有调整，请查看（2026年12月5日 09:00）', time3: DATES.eventStartsAt, thing4: '密云区文化馆' }
    ])
    expect((await mySignups(desk.app, workers[0]))[0]).toMatchObject({ state: 'confirmed', event: { place: '密云区文化馆' } })

    const cancelled = await desk.app.inject({
      method: 'POST',
      url: `/api/staff/activities/${activity.id}/cancel`,
      headers: desk.editor.headers,
      payload: { version: 3, reason: '场地维修' }
    })
    expect(cancelled.statusCode).toBe(200)
    for (const worker of workers) {
      expect((await mySignups(desk.app, worker))[0]).toMatchObject({ state: 'cancelled', reason: '活动已取消：场地维修', changed: true })
      expect((await messages(worker)).map((data) => data.thing2)).toContain('活动已取消')
    }
    const after = await signUp(desk.app, await signInWorker(desk.app), signupBody({ type: 'activity', id: activity.id }))
    expect(after.body.error).toEqual({ code: 'EVENT_CANCELLED', message: '该活动已取消' })
    expect((await staff('GET', `/events/activity/${activity.id}/signups`)).body.availability).toMatchObject({ taken: 0, waitlisted: 0 })
  })
})
