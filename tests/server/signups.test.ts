/**
 * A worker's sign-ups through HTTP: the answer to a first, second and retried attempt, consent, the form's rules,
 * the window's edges to the millisecond, the last place and the waitlist, cancel and promotion, and that another
 * worker's sign-up is not there for them.
 */
import { PRIVACY_NOTICE_VERSION } from '@/domain'
import { testDatabases } from './support/databases'
import { useStaffDesk } from './support/staff-desk'
import { staffSession } from './support/staff'
import { DATES, createActivity, mySignups, signUp, signupBody, workerPost } from './support/signups'
import { signInWorker } from './support/workers'

const [sqlite] = testDatabases('signups')
const at = (iso: string, plusMs = 0) => new Date(new Date(iso).getTime() + plusMs)

describe('sign-ups (SQLite)', () => {
  const desk = useStaffDesk(sqlite.setUp, 'miyun-signups-')

  it('signs a worker up, answers the same sign-up to a second attempt and to a retry, and keeps the phone masked', async () => {
    const activity = await createActivity(desk.app, desk.editor, { capacity: 3 })
    const event = { type: 'activity' as const, id: activity.id }
    const worker = await signInWorker(desk.app)
    const body = signupBody(event, { phone: '138 0013 1234' })

    const first = await signUp(desk.app, worker, body)
    expect(first.status).toBe(201)
    expect(first.body.existing).toBe(false)
    expect(first.body.signup).toMatchObject({ state: 'confirmed', event: { type: 'activity', id: activity.id, title: '八段锦健身课' }, changed: false })
    expect(first.body.signup.fields).toEqual({ name: '张小燕', phoneMasked: '138****1234', employer: '密云区医院' })
    expect(first.body.availability).toEqual({ capacity: 3, taken: 1, waitlisted: 0, remaining: 2, label: '剩余 2 个名额' })
    expect(JSON.stringify(first.body)).not.toContain('13800131234')

    const retry = await signUp(desk.app, worker, body)
    expect(retry.status).toBe(200)
    expect(retry.body).toMatchObject({ existing: true, signup: { id: first.body.signup.id } })
    const second = await signUp(desk.app, worker, signupBody(event))
    expect(second.status).toBe(200)
    expect(second.body).toMatchObject({ existing: true, signup: { id: first.body.signup.id } })
    expect(second.body.availability.taken).toBe(1)

    const other = await createActivity(desk.app, desk.editor)
    const reused = await signUp(desk.app, worker, { ...body, eventId: other.id })
    expect(reused).toEqual({ status: 409, body: { error: expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }) } })

    const stored = await desk.app.db.selectFrom('signups').selectAll().where('id', '=', first.body.signup.id).executeTakeFirstOrThrow()
    expect(stored.fields_enc.startsWith('v1.')).toBe(true)
    expect(stored.fields_enc).not.toContain('张小燕')
    expect(await mySignups(desk.app, worker)).toEqual([expect.objectContaining({ id: first.body.signup.id, state: 'confirmed' })])
  })

  it('refuses personal data before consent, names the wrong field, and answers 404 for an unknown event', async () => {
    const activity = await createActivity(desk.app, desk.editor)
    const event = { type: 'activity' as const, id: activity.id }
    const stranger = await signInWorker(desk.app, { consent: false })
    const refused = await signUp(desk.app, stranger, signupBody(event))
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatchObject({
      code: 'CONSENT_REQUIRED',
      message: '请先阅读并同意《报名个人信息处理说明》',
      noticeVersion: PRIVACY_NOTICE_VERSION
    })

    const worker = await signInWorker(desk.app)
    const badPhone = await signUp(desk.app, worker, signupBody(event, { phone: '12345' }))
    expect(badPhone.status).toBe(400)
    expect(badPhone.body.error).toMatchObject({ code: 'INVALID_FIELD', field: 'phone', message: '手机号应为 11 位数字，以 1 开头' })
    const shortName = await signUp(desk.app, worker, signupBody(event, { name: '张' }))
    expect(shortName.body.error).toMatchObject({ code: 'INVALID_FIELD', field: 'name' })
    expect(shortName.body.error.message).toContain('姓名')

    const competition = (await desk.app.db.selectFrom('competitions').select('id').executeTakeFirstOrThrow()).id
    const noTrade = await signUp(desk.app, worker, signupBody({ type: 'competition', id: competition }))
    expect(noTrade.status).toBe(400)
    expect(noTrade.body.error.problems.map((problem: { field: string }) => problem.field)).toEqual(expect.arrayContaining(['trade', 'years']))

    const unknown = await signUp(desk.app, worker, signupBody({ type: 'activity', id: 'no-such-activity' }))
    expect(unknown).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: '未找到该活动或竞赛' } } })
    const badType = await signUp(desk.app, worker, signupBody({ type: 'meeting' as 'activity', id: activity.id }))
    expect(badType.status).toBe(400)
    expect(await desk.app.db.selectFrom('signups').select('id').where('event_id', '=', activity.id).execute()).toEqual([])
  })

  it('opens and closes the window exactly at its instants', async () => {
    const activity = await createActivity(desk.app, desk.editor, { capacity: 10 })
    const event = { type: 'activity' as const, id: activity.id }
    const worker = await signInWorker(desk.app)
    desk.clock = at(DATES.signupStartsAt, -1)
    expect((await signUp(desk.app, worker, signupBody(event))).body.error).toEqual({ code: 'SIGNUP_NOT_OPEN', message: '报名尚未开始' })
    desk.clock = at(DATES.signupStartsAt)
    expect((await signUp(desk.app, worker, signupBody(event))).status).toBe(201)
    desk.clock = at(DATES.signupEndsAt)
    expect((await signUp(desk.app, await signInWorker(desk.app), signupBody(event))).status).toBe(201)
    desk.clock = at(DATES.signupEndsAt, 1)
    const late = await signUp(desk.app, await signInWorker(desk.app), signupBody(event))
    expect(late).toEqual({ status: 409, body: { error: { code: 'SIGNUP_CLOSED', message: '报名已截止' } } })
  })

  it('gives the last place, then queues in order, and promotes the first in the queue at once when a place is freed', async () => {
    const activity = await createActivity(desk.app, desk.editor, { capacity: 2 })
    const event = { type: 'activity' as const, id: activity.id }
    const workers = await Promise.all([1, 2, 3, 4].map(() => signInWorker(desk.app)))
    const answers = []
    for (const worker of workers) answers.push(await signUp(desk.app, worker, signupBody(event)))
    expect(answers.map((answer) => answer.body.signup.state)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted'])
    expect(answers.map((answer) => answer.body.signup.waitlistPosition)).toEqual([undefined, undefined, 1, 2])
    expect(answers[3].body.availability).toMatchObject({ remaining: 0, waitlisted: 2, label: '名额已满，已有 2 人候补' })

    const cancelled = await workerPost(desk.app, workers[0], `/api/me/signups/${answers[0].body.signup.id}/cancel`)
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.signup.state).toBe('cancelled')
    expect(cancelled.body.availability).toMatchObject({ taken: 2, waitlisted: 1 })

    const [promoted] = await mySignups(desk.app, workers[2])
    expect(promoted).toMatchObject({ state: 'confirmed', changed: true })
    expect(promoted.waitlistPosition).toBeUndefined()
    expect((await mySignups(desk.app, workers[2]))[0].changed).toBe(false)
    expect((await mySignups(desk.app, workers[3]))[0]).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 })

    const messages = await desk.app.db
      .selectFrom('outbox')
      .select(['recipient', 'template', 'page', 'data'])
      .where('recipient', '=', workers[2].workerId)
      .execute()
    expect(messages.map((message) => JSON.parse(message.data).phrase2)).toEqual(['候补中', '报名成功'])
    expect(messages[1]).toMatchObject({ template: 'signup-result', page: 'packages/signups/mine/index' })

    // A cancelled worker may sign up again: a new sign-up at the end of the queue.
    const again = await signUp(desk.app, workers[0], signupBody(event))
    expect(again.body.signup).toMatchObject({ state: 'waitlisted', waitlistPosition: 2 })
    const twice = await workerPost(desk.app, workers[0], `/api/me/signups/${answers[0].body.signup.id}/cancel`)
    expect(twice.body.error.code).toBe('NOT_CANCELLABLE')
  })

  it('lets a worker cancel until the event starts, not at its start', async () => {
    const activity = await createActivity(desk.app, desk.editor)
    const event = { type: 'activity' as const, id: activity.id }
    const [early, late] = [await signInWorker(desk.app), await signInWorker(desk.app)]
    const earlySignup = (await signUp(desk.app, early, signupBody(event))).body.signup
    const lateSignup = (await signUp(desk.app, late, signupBody(event))).body.signup
    desk.clock = at(DATES.eventStartsAt, -1)
    expect((await workerPost(desk.app, early, `/api/me/signups/${earlySignup.id}/cancel`)).status).toBe(200)
    desk.clock = at(DATES.eventStartsAt)
    const refused = await workerPost(desk.app, late, `/api/me/signups/${lateSignup.id}/cancel`)
    expect(refused).toEqual({ status: 409, body: { error: { code: 'CANCEL_CLOSED', message: '活动已开始，不能再取消报名' } } })
  })

  it("never shows, cancels or checks in another worker's sign-up (404, as if it did not exist)", async () => {
    const activity = await createActivity(desk.app, desk.editor)
    const event = { type: 'activity' as const, id: activity.id }
    const owner = await signInWorker(desk.app)
    const other = await signInWorker(desk.app)
    const { id } = (await signUp(desk.app, owner, signupBody(event))).body.signup
    expect(await mySignups(desk.app, other)).toEqual([])
    const cancel = await workerPost(desk.app, other, `/api/me/signups/${id}/cancel`)
    expect(cancel).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: '未找到该报名' } } })
    const checkIn = await workerPost(desk.app, other, `/api/me/signups/${id}/check-in`, { code: '123456' })
    expect(checkIn.status).toBe(404)
    expect((await mySignups(desk.app, owner))[0].state).toBe('confirmed')
    // Staff tokens are no worker identity; no token at all is asked to sign in.
    const staffToken = await desk.app.inject({ method: 'GET', url: '/api/me/signups', headers: desk.liSi.headers })
    expect(staffToken.json().error.code).toBe('WORKER_SESSION_ENDED')
    const anonymous = await desk.app.inject({ method: 'GET', url: '/api/me/signups' })
    expect(anonymous.json().error.code).toBe('WORKER_UNAUTHENTICATED')
  })

  it('checks in with the code on the staff screen: the current and previous 30 s only, in the check-in hours, once', async () => {
    const handler = await staffSession(desk.app, ['handler'])
    const activity = await createActivity(desk.app, desk.editor)
    const event = { type: 'activity' as const, id: activity.id }
    const worker = await signInWorker(desk.app)
    const { id } = (await signUp(desk.app, worker, signupBody(event))).body.signup
    const second = await signInWorker(desk.app)
    const secondId = (await signUp(desk.app, second, signupBody(event))).body.signup.id
    const screen = async (staffer = handler) =>
      (await desk.app.inject({ method: 'GET', url: `/api/staff/events/activity/${activity.id}/check-in`, headers: staffer.headers })).json()

    const tooEarly = await screen()
    expect(tooEarly.code).toMatch(/^\d{6}$/)
    expect(tooEarly.path).toBe(`packages/signups/check-in/index?type=activity&id=${activity.id}&code=${tooEarly.code}`)
    expect((await workerPost(desk.app, worker, `/api/me/signups/${id}/check-in`, { code: tooEarly.code })).body.error.code).toBe('CHECK_IN_CLOSED')

    desk.clock = at(DATES.eventStartsAt, -60 * 60 * 1000)
    const shown = await screen(await staffSession(desk.app, ['handler']))
    expect(shown).toMatchObject({ checkedIn: 0, confirmed: 2 })
    const wrong = shown.code === '000000' ? '000001' : '000000'
    expect(await workerPost(desk.app, worker, `/api/me/signups/${id}/check-in`, { code: wrong })).toEqual({
      status: 400,
      body: { error: { code: 'CHECK_IN_CODE_WRONG', message: '签到码不对或已过期，请看现场屏幕上的最新签到码' } }
    })
    const malformed = await workerPost(desk.app, worker, `/api/me/signups/${id}/check-in`, { code: '12ab' })
    expect(malformed.status).toBe(400)

    // 30 s later the code shown before still works; 60 s later it does not.
    desk.clock = at(shown.validUntil, 29_000)
    const accepted = await workerPost(desk.app, worker, `/api/me/signups/${id}/check-in`, { code: shown.code })
    expect(accepted.status).toBe(200)
    expect(accepted.body.signup).toMatchObject({ state: 'checked-in', checkedInAt: desk.clock.toISOString() })
    expect((await workerPost(desk.app, worker, `/api/me/signups/${id}/check-in`, { code: shown.code })).body.error.code).toBe('ALREADY_CHECKED_IN')

    // Two steps after it was shown, the same code is refused.
    desk.clock = at(shown.validUntil, 30_000)
    const stale = await workerPost(desk.app, second, `/api/me/signups/${secondId}/check-in`, { code: shown.code })
    expect(stale.body.error.code).toBe('CHECK_IN_CODE_WRONG')
    const fresh = await screen(await staffSession(desk.app, ['handler']))
    expect((await workerPost(desk.app, second, `/api/me/signups/${secondId}/check-in`, { code: fresh.code })).status).toBe(200)
    expect(await screen(await staffSession(desk.app, ['handler']))).toMatchObject({ checkedIn: 2, confirmed: 2 })
  })

  it('answers the places of an event publicly, never cached, and 404 for an unknown one', async () => {
    const activity = await createActivity(desk.app, desk.editor, { capacity: 1 })
    const worker = await signInWorker(desk.app)
    await signUp(desk.app, worker, signupBody({ type: 'activity', id: activity.id }))
    const response = await desk.app.inject({ method: 'GET', url: `/api/events/activity/${activity.id}/availability` })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.json()).toEqual({ capacity: 1, taken: 1, waitlisted: 0, remaining: 0, label: '名额已满，可报名候补' })
    expect((await desk.app.inject({ method: 'GET', url: '/api/events/activity/nope/availability' })).statusCode).toBe(404)
    expect((await desk.app.inject({ method: 'GET', url: `/api/events/party/${activity.id}/availability` })).statusCode).toBe(400)
  })
})
