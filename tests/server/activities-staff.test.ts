/**
 * The editors' API for activities, through HTTP, and what workers then see: create and save on the versioned write
 * path (two editors cannot overwrite each other), the shared rules answering 400 naming each field, a station code
 * that must name a station, cancelling with a reason (409 when already cancelled or over), and the audit trail.
 * Runs on SQLite, and on PostgreSQL when one is reachable.
 */
import { CONTENT_ID_PATTERN, type Activity, type ActivityInput, type ActivitySummary, type Page, type StaffActivity, type StaffActivitySummary } from '@/domain'
import { seedActivities } from '@server/activities/seed-data'
import { testDatabases } from './support/databases'
import { expectConflict, useStaffDesk } from './support/staff-desk'
import { FIXED_NOW, getJson, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const MINUTE = 60_000

const databases = testDatabases('miyun_staff_activities')

function newActivity(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    title: '女职工插花体验课',
    kind: 'women-class',
    summary: '女职工流动课堂走进社区，体验插花艺术。',
    cover: null,
    signupStartsAt: '2026-11-20T09:00:00+08:00',
    signupEndsAt: '2026-12-10T17:00:00+08:00',
    eventStartsAt: '2026-12-12T14:00:00+08:00',
    eventEndsAt: '2026-12-12T16:00:00+08:00',
    place: '鼓楼街道暖心驿站',
    stationCode: 'K7M2QX',
    capacity: 25,
    eligibility: '在密云区工作的女职工',
    womenOnly: true,
    reviewRequired: false,
    blocks: [{ type: 'paragraph', text: '老师现场讲解插花基础，材料由工会准备。' }],
    contact: { name: '区总工会女职工部', phone: '010-12351' },
    sample: false,
    sampleNote: null,
    ...overrides
  }
}

/** What the editor page sends back for a record it loaded. */
function inputOf(activity: Activity, overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    title: activity.title,
    kind: activity.kind,
    summary: activity.summary,
    cover: activity.cover ?? null,
    signupStartsAt: activity.signupStartsAt,
    signupEndsAt: activity.signupEndsAt,
    eventStartsAt: activity.eventStartsAt,
    eventEndsAt: activity.eventEndsAt,
    place: activity.place,
    stationCode: activity.stationCode ?? null,
    capacity: activity.capacity,
    eligibility: activity.eligibility,
    womenOnly: activity.womenOnly,
    reviewRequired: activity.reviewRequired,
    blocks: activity.blocks,
    contact: activity.contact ?? null,
    sample: activity.sample,
    sampleNote: activity.sampleNote ?? null,
    ...overrides
  }
}

describe.each(databases)('staff activities on $name', ({ setUp }) => {
  const desk = useStaffDesk(setUp, 'miyun-staff-activities-')
  const { get: staffGet, auditOf, workerAfterChange } = desk

  it('lists every activity for staff with its version, the latest to take place first, no-store', async () => {
    const { response, body } = await getJson<StaffActivitySummary[]>(desk.app, '/api/staff/activities', desk.editor.headers)
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    for (const seeded of seedActivities) expect(body.map((item) => item.id)).toContain(seeded.id)
    expect(body.find((item) => item.id === 'yoga-class')).toMatchObject({ status: 'signup', version: 1, updatedAt: FIXED_NOW.toISOString(), sample: true })
    for (let i = 1; i < body.length; i++) expect(Date.parse(body[i - 1].eventStartsAt)).toBeGreaterThanOrEqual(Date.parse(body[i].eventStartsAt))
    const missing = await getJson(desk.app, '/api/staff/activities/no-such-activity', desk.editor.headers)
    expect(missing.status).toBe(404)
    expect(missing.body.error.message).toBe('未找到该活动')
  })

  it('creates an activity with its real dates that workers see at once, with an audit record', async () => {
    let created: StaffActivity | undefined
    const list = await workerAfterChange<Page<ActivitySummary>>('/api/activities?open=1&kind=women-class', async () => {
      const { status, body } = await desk.send('POST', '/activities', desk.editor, newActivity())
      expect(status).toBe(201)
      created = body
    })
    expect(created!.id).toMatch(new RegExp(CONTENT_ID_PATTERN))
    expect(created).toMatchObject({
      version: 1,
      updatedBy: '王编辑',
      status: 'signup',
      signupStartsAt: '2026-11-20T01:00:00.000Z',
      eventEndsAt: '2026-12-12T08:00:00.000Z',
      stationCode: 'K7M2QX',
      capacity: 25,
      womenOnly: true,
      sample: false
    })
    expect(created).not.toHaveProperty('cancelled')
    expect(list.items.map((item) => item.id)).toContain(created!.id)
    expect((await getJson<Activity>(desk.app, `/api/activities/${created!.id}`)).body).toMatchObject({
      title: '女职工插花体验课',
      blocks: newActivity().blocks
    })
    const [entry] = await auditOf('activity', created!.id)
    expect(entry).toMatchObject({ action: 'create', staffName: '王编辑', summary: '新建活动《女职工插花体验课》', before: null })
  })

  it('saves an edit workers see on the next request; two saves of one version: the second gets 409', async () => {
    const created: StaffActivity = (await desk.send('POST', '/activities', desk.editor, newActivity())).body
    desk.clock = new Date(FIXED_NOW.getTime() + 5 * MINUTE)
    const detail = await workerAfterChange<Activity>(`/api/activities/${created.id}`, async () => {
      const { status, body } = await desk.send('PUT', `/activities/${created.id}`, desk.zhangSan, {
        ...newActivity({ title: '女职工插花体验课（改期）', signupStartsAt: '2026-12-01T09:00:00+08:00', stationCode: null, capacity: 30 }),
        version: created.version
      })
      expect(status).toBe(200)
      expect(body).toMatchObject({ version: 2, updatedBy: '张三', status: 'upcoming', capacity: 30 })
    })
    expect(detail).toMatchObject({ title: '女职工插花体验课（改期）', status: 'upcoming', signupStartsAt: '2026-12-01T01:00:00.000Z' })
    expect(detail).not.toHaveProperty('stationCode')

    const late = await desk.send('PUT', `/activities/${created.id}`, desk.editor, { ...newActivity({ title: '晚到的保存' }), version: created.version })
    expectConflict(late, '该活动已被 张三 于 11月24日 10:05 修改，请刷新后再改', { version: 2, updatedAt: desk.clock.toISOString(), updatedBy: '张三' })
    expect((await staffGet<StaffActivity>(`/activities/${created.id}`)).title).toBe('女职工插花体验课（改期）')
    expect((await desk.send('PUT', '/activities/no-such-activity', desk.editor, { ...newActivity(), version: 1 })).status).toBe(404)
  })

  it('marking a sample activity as real removes 「示例」 and says so in the audit log', async () => {
    const loaded = await staffGet<StaffActivity>('/activities/reading-salon')
    const { status, body } = await desk.send('PUT', '/activities/reading-salon', desk.editor, {
      ...inputOf(loaded, { sample: false }),
      version: loaded.version
    })
    expect(status).toBe(200)
    expect(body.sample).toBe(false)
    expect(body).not.toHaveProperty('sampleNote')
    const [entry] = (await auditOf('activity', 'reading-salon')).slice(-1)
    expect(entry.summary).toBe('修改活动《职工书屋读书分享会》：示例信息已换为实际信息')
    expect((entry.before as StaffActivity).sample).toBe(true)
  })

  it.each<[string, Partial<ActivityInput>, string]>([
    ['title', { title: '  ' }, '请填写标题'],
    ['title', { title: '长'.repeat(61) }, '标题不能超过 60 字（现 61 字）'],
    ['summary', { summary: '' }, '请填写简介'],
    ['cover', { cover: 'https://example.com/a.png' }, '封面图片无效，请重新上传'],
    ['signupStartsAt', { signupStartsAt: '2026-02-30T09:00:00+08:00' }, '请填写有效的报名开始时间'],
    ['signupEndsAt', { signupEndsAt: '2026-11-20T09:00:00+08:00' }, '报名截止时间应晚于报名开始时间'],
    ['eventStartsAt', { eventStartsAt: '2026-12-10T16:00:00+08:00' }, '活动开始时间不能早于报名截止时间'],
    ['eventEndsAt', { eventEndsAt: '2026-12-12T14:00:00+08:00' }, '活动结束时间应晚于活动开始时间'],
    ['eventEndsAt', { eventEndsAt: '2028-12-12T14:00:00+08:00' }, '活动时间不能超过 366 天'],
    ['place', { place: '' }, '请填写地点'],
    ['place', { place: '一楼\n活动室' }, '地点不能包含换行或控制字符'],
    ['stationCode', { stationCode: 'abc' }, '服务站点编码应为 6 位字母或数字，不在站点举办请留空'],
    ['stationCode', { stationCode: 'ZZZZZZ' }, '没有编码为 ZZZZZZ 的服务站点'],
    ['capacity', { capacity: 0 }, '名额需为 1–10000 的整数'],
    ['capacity', { capacity: 10_001 }, '名额需为 1–10000 的整数'],
    ['capacity', { capacity: 2.5 }, '名额需为 1–10000 的整数'],
    ['eligibility', { eligibility: '' }, '请填写参加对象'],
    ['blocks', { blocks: [] }, '正文至少需要一个段落或图片'],
    ['contact.name', { contact: { name: '' } }, '请填写联系人或地点']
  ])('refuses a bad %s with 400 naming it: %s', async (field, overrides, message) => {
    for (const [method, url, extra] of [
      ['POST', '/activities', {}],
      ['PUT', '/activities/yoga-class', { version: 1 }]
    ] as const) {
      const { status, body } = await desk.send(method, url, desk.editor, { ...newActivity(overrides), ...extra })
      expect(status).toBe(400)
      expect(body.error).toMatchObject({ code: 'INVALID_FIELD', field, message })
    }
  })

  it('refuses a body of the wrong shape with 400 naming the field', async () => {
    const kind = await desk.send('POST', '/activities', desk.editor, { ...newActivity(), kind: 'party' })
    expect(kind.status).toBe(400)
    expect(kind.body.error.message).toContain('kind')
    const extra = await desk.send('POST', '/activities', desk.editor, { ...newActivity(), status: 'signup' })
    expect(extra.status).toBe(400)
    expect(extra.body.error.message).toContain('status')
    const capacity = await desk.send('POST', '/activities', desk.editor, { ...newActivity(), capacity: '很多' })
    expect(capacity.status).toBe(400)
    expect(capacity.body.error.message).toContain('capacity')
  })

  describe('cancelling', () => {
    it('cancels with a reason: workers see it called off and it leaves 「可报名」; the audit log says why', async () => {
      const created: StaffActivity = (await desk.send('POST', '/activities', desk.editor, newActivity())).body
      desk.clock = new Date(FIXED_NOW.getTime() + MINUTE)
      const detail = await workerAfterChange<Activity>(`/api/activities/${created.id}`, async () => {
        const { status, body } = await desk.send('POST', `/activities/${created.id}/cancel`, desk.editor, {
          version: created.version,
          reason: '因天气原因取消'
        })
        expect(status).toBe(200)
        expect(body).toMatchObject({ version: 2, cancelled: { at: desk.clock.toISOString(), reason: '因天气原因取消' } })
      })
      expect(detail.cancelled).toEqual({ at: desk.clock.toISOString(), reason: '因天气原因取消' })
      expect(detail.status).toBe('signup')
      expect((await getJson<Page<ActivitySummary>>(desk.app, '/api/activities?open=1')).body.items.map((item) => item.id)).not.toContain(created.id)
      const all = (await getJson<Page<ActivitySummary>>(desk.app, '/api/activities')).body.items
      expect(all.findIndex((item) => item.id === created.id)).toBeGreaterThan(all.findIndex((item) => item.status === 'upcoming'))
      const [entry] = (await auditOf('activity', created.id)).slice(-1)
      expect(entry).toMatchObject({ action: 'cancel', summary: '取消活动《女职工插花体验课》：因天气原因取消' })
      expect((entry.before as StaffActivity).cancelled).toBeUndefined()

      const again = await desk.send('POST', `/activities/${created.id}/cancel`, desk.editor, { version: 2, reason: '再取消一次' })
      expect(again.status).toBe(409)
      expect(again.body.error).toMatchObject({ code: 'ACTIVITY_CANCELLED', message: '该活动已取消，无需再次取消' })
      // A save keeps the cancellation.
      const saved = await desk.send('PUT', `/activities/${created.id}`, desk.editor, { ...newActivity({ title: '插花课（已取消）' }), version: 2 })
      expect(saved.body).toMatchObject({ version: 3, cancelled: { reason: '因天气原因取消' } })
    })

    it('refuses to cancel an activity that is over, a stale version, and a blank reason', async () => {
      const ended = await staffGet<StaffActivity>('/activities/fitness-lecture')
      const over = await desk.send('POST', '/activities/fitness-lecture/cancel', desk.editor, { version: ended.version, reason: '场地维修' })
      expect(over.status).toBe(409)
      expect(over.body.error).toMatchObject({ code: 'ACTIVITY_ENDED', message: '该活动已结束，不能再取消' })

      const created: StaffActivity = (await desk.send('POST', '/activities', desk.editor, newActivity())).body
      await desk.send('PUT', `/activities/${created.id}`, desk.zhangSan, { ...newActivity(), version: 1 })
      const stale = await desk.send('POST', `/activities/${created.id}/cancel`, desk.editor, { version: 1, reason: '场地维修' })
      expect(stale.status).toBe(409)
      expect(stale.body.error.code).toBe('EDIT_CONFLICT')

      const blank = await desk.send('POST', `/activities/${created.id}/cancel`, desk.editor, { version: 2, reason: '  ' })
      expect(blank.status).toBe(400)
      expect(blank.body.error).toMatchObject({ code: 'INVALID_FIELD', field: 'reason', message: '请填写取消原因' })
      const missing = await desk.send('POST', '/activities/no-such-activity/cancel', desk.editor, { version: 1, reason: '场地维修' })
      expect(missing.status).toBe(404)
    })
  })
})
