/**
 * The editors' API for competitions, through HTTP, and what workers then see through theirs: a save shows on the
 * next request (even with the old answer cached), the shared rules answer 400 naming the field, two editors cannot
 * overwrite each other, and every change leaves an audit record with the record before and after.
 * Runs on SQLite, and on PostgreSQL when one is reachable (TEST_DATABASE_URL, as in postgres.test.ts).
 */
import {
  CONTENT_ID_PATTERN,
  type Competition,
  type CompetitionSummary,
  type HomeData,
  type Page,
  type CompetitionInput,
  type StaffCompetition,
  type StaffCompetitionSummary
} from '@/domain'
import { seedContent } from '@server/seed-content'
import { testDatabases } from './support/databases'
import { expectConflict, useStaffDesk } from './support/staff-desk'
import { FIXED_NOW, getJson, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const MINUTE = 60_000

const databases = testDatabases('miyun_staff_competitions')

/** What the editor page sends back for a record it loaded: optional fields as null, status and version left out. */
function competitionInputOf(competition: Competition, overrides: Partial<CompetitionInput> = {}): CompetitionInput {
  return {
    title: competition.title,
    trade: competition.trade,
    summary: competition.summary,
    cover: competition.cover ?? null,
    signupStartsAt: competition.signupStartsAt,
    signupEndsAt: competition.signupEndsAt,
    eventStartsAt: competition.eventStartsAt,
    eventEndsAt: competition.eventEndsAt,
    venue: competition.venue,
    organizer: competition.organizer,
    quota: competition.quota ?? null,
    schedule: competition.schedule,
    rules: competition.rules,
    awards: competition.awards,
    results: competition.results,
    contact: competition.contact ?? null,
    sample: competition.sample,
    sampleNote: competition.sampleNote ?? null,
    ...overrides
  }
}

function newCompetition(overrides: Partial<CompetitionInput> = {}): CompetitionInput {
  return {
    title: '2026年密云区电梯维修工技能竞赛',
    trade: '电工',
    summary: '面向电梯维修岗位职工的技能竞赛。',
    cover: null,
    signupStartsAt: '2026-11-20T09:00:00+08:00',
    signupEndsAt: '2026-12-10T17:00:00+08:00',
    eventStartsAt: '2026-12-15T09:00:00+08:00',
    eventEndsAt: '2026-12-15T17:00:00+08:00',
    venue: '密云区职工之家',
    organizer: '密云区总工会',
    quota: 50,
    schedule: [{ at: '2026-12-15T09:00:00+08:00', title: '实操比赛' }],
    rules: ['在密云区工作的电梯维修岗位职工均可报名。'],
    awards: [
      { title: '密云工匠', description: '第一名，推荐参评密云工匠' },
      { title: '密云能手', description: '第二至第五名' }
    ],
    results: [],
    contact: { name: '区总工会职工服务中心', phone: '010-12351', hours: '工作日 9:00–17:00' },
    sample: false,
    sampleNote: null,
    ...overrides
  }
}

describe.each(databases)('staff competitions on $name', ({ setUp }) => {
  const desk = useStaffDesk(setUp, 'miyun-staff-competitions-')
  const { get: staffGet, auditOf, workerAfterChange } = desk

  describe('competitions', () => {
    it('lists every competition for staff, sample ones too, with version and derived status, no-store and no ETag', async () => {
      const { response, body } = await getJson<StaffCompetitionSummary[]>(desk.app, '/api/staff/competitions', desk.editor.headers)
      expect(response.statusCode).toBe(200)
      expect(response.headers['cache-control']).toBe('no-store')
      expect(response.headers.etag).toBeUndefined()
      for (const seeded of seedContent.competitions) expect(body.map((item) => item.id)).toContain(seeded.id)
      expect(body.filter((item) => item.sample).length).toBeGreaterThan(0)
      const housekeeping = body.find((item) => item.id === 'housekeeping-2026')!
      // Never saved by staff: version 1, last changed when the database was seeded, no editor named.
      expect(housekeeping).toMatchObject({ status: 'signup', version: 1, updatedAt: FIXED_NOW.toISOString(), sample: true })
      expect(housekeeping).not.toHaveProperty('updatedBy')
      expect(housekeeping).not.toHaveProperty('rules')
      for (let i = 1; i < body.length; i++) {
        expect(Date.parse(body[i - 1].signupStartsAt)).toBeGreaterThanOrEqual(Date.parse(body[i].signupStartsAt))
      }
    })

    it('reads one competition with everything the editor shows, or 404', async () => {
      const competition = await staffGet<StaffCompetition>('/competitions/beekeeping-2026-sample')
      const worker = (await getJson<Competition>(desk.app, '/api/competitions/beekeeping-2026-sample')).body
      expect(competition).toEqual({
        ...worker,
        version: competition.version,
        updatedAt: competition.updatedAt,
        ...(competition.updatedBy ? { updatedBy: competition.updatedBy } : {})
      })
      const missing = await getJson(desk.app, '/api/staff/competitions/no-such-contest', desk.editor.headers)
      expect(missing.status).toBe(404)
      expect(missing.body.error.message).toBe('未找到该竞赛')
      expect((await desk.send('PUT', '/competitions/no-such-contest', desk.editor, { ...newCompetition(), version: 1 })).status).toBe(404)
    })

    it('creates a competition with a new URL-safe id that workers see at once on the list, 首页 and its page', async () => {
      let created: StaffCompetition | undefined
      const list = await workerAfterChange<Page<CompetitionSummary>>('/api/competitions?status=signup', async () => {
        const { status, body } = await desk.send('POST', '/competitions', desk.editor, newCompetition())
        expect(status).toBe(201)
        created = body
      })
      expect(created!.id).toMatch(new RegExp(CONTENT_ID_PATTERN))
      expect(created).toMatchObject({
        version: 1,
        updatedAt: FIXED_NOW.toISOString(),
        updatedBy: '王编辑',
        status: 'signup',
        title: '2026年密云区电梯维修工技能竞赛',
        signupStartsAt: '2026-11-20T01:00:00.000Z',
        quota: 50,
        sample: false
      })
      expect(created).not.toHaveProperty('cover')
      expect(created).not.toHaveProperty('sampleNote')
      expect(list.items.map((item) => item.id)).toContain(created!.id)
      expect((await getJson<HomeData>(desk.app, '/api/home')).body.competitions.map((item) => item.id)).toContain(created!.id)

      const detail = await getJson<Competition>(desk.app, `/api/competitions/${created!.id}`)
      expect(detail.status).toBe(200)
      expect(detail.body).toMatchObject({ title: created!.title, status: 'signup', awards: newCompetition().awards, contact: newCompetition().contact })
      expect(detail.body).not.toHaveProperty('version')
      expect(detail.body).not.toHaveProperty('updatedBy')
      expect(await staffGet<StaffCompetition>(`/competitions/${created!.id}`)).toEqual(created)
    })

    it('saves an edit workers see on the next request; the status follows the new dates and is never stored', async () => {
      const created: StaffCompetition = (await desk.send('POST', '/competitions', desk.editor, newCompetition())).body
      desk.clock = new Date(FIXED_NOW.getTime() + 5 * MINUTE)
      const detail = await workerAfterChange<Competition>(`/api/competitions/${created.id}`, async () => {
        const { status, body } = await desk.send('PUT', `/competitions/${created.id}`, desk.zhangSan, {
          ...newCompetition({
            title: '电梯维修工技能竞赛（改期）',
            signupStartsAt: '2026-12-01T09:00:00+08:00',
            signupEndsAt: '2026-12-20T17:00:00+08:00',
            eventStartsAt: '2026-12-26T09:00:00+08:00',
            eventEndsAt: '2026-12-26T17:00:00+08:00',
            quota: null
          }),
          version: created.version
        })
        expect(status).toBe(200)
        expect(body).toMatchObject({ id: created.id, version: 2, updatedBy: '张三', updatedAt: desk.clock.toISOString(), status: 'upcoming' })
        expect(body).not.toHaveProperty('quota')
      })
      expect(detail).toMatchObject({ title: '电梯维修工技能竞赛（改期）', status: 'upcoming', signupStartsAt: '2026-12-01T01:00:00.000Z' })
      expect(detail).not.toHaveProperty('quota')
      const upcoming = (await getJson<Page<CompetitionSummary>>(desk.app, '/api/competitions?status=upcoming')).body
      expect(upcoming.items.map((item) => item.id)).toContain(created.id)
      const stored = await desk.app.db.selectFrom('competitions').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow()
      expect(stored).not.toHaveProperty('status')
    })

    it('marking a sample competition as real removes 「示例」 for workers, on the list, 首页 and its page', async () => {
      const loaded = await staffGet<StaffCompetition>('/competitions/housekeeping-2026')
      expect(loaded.sample).toBe(true)
      const detail = await workerAfterChange<Competition>('/api/competitions/housekeeping-2026', async () => {
        const { status, body } = await desk.send('PUT', '/competitions/housekeeping-2026', desk.editor, {
          // The page leaves the note in place when the box is unticked; it no longer means anything.
          ...competitionInputOf(loaded, { sample: false, venue: '密云区职工之家' }),
          version: loaded.version
        })
        expect(status).toBe(200)
        expect(body.sample).toBe(false)
        expect(body).not.toHaveProperty('sampleNote')
      })
      expect(detail).toMatchObject({ sample: false, venue: '密云区职工之家' })
      expect(detail).not.toHaveProperty('sampleNote')
      const listed = (await getJson<Page<CompetitionSummary>>(desk.app, '/api/competitions?status=signup')).body.items.find(
        (item) => item.id === 'housekeeping-2026'
      )
      expect(listed).toMatchObject({ sample: false })
      expect(listed).not.toHaveProperty('sampleNote')
      const onHome = (await getJson<HomeData>(desk.app, '/api/home')).body.competitions.find((item) => item.id === 'housekeeping-2026')
      if (onHome) expect(onHome.sample).toBe(false)

      const [entry] = (await auditOf('competition', 'housekeeping-2026')).slice(-1)
      expect(entry.summary).toBe('修改竞赛《2026年密云区家政服务技能竞赛》：示例信息已换为实际信息')
      expect((entry.before as StaffCompetition).sample).toBe(true)
      expect((entry.after as StaffCompetition).sample).toBe(false)
    })

    it('publishes results with their 密云工匠 / 密云能手 titles on the worker page', async () => {
      const loaded = await staffGet<StaffCompetition>('/competitions/catering-2025')
      expect(loaded).toMatchObject({ status: 'ended', results: [] })
      const results = [
        { rank: '一等奖', name: '王师傅', unit: '密云区某酒店', award: '密云工匠' },
        { rank: '二等奖', name: '李师傅', unit: '密云区某餐饮公司', award: '密云能手' },
        { rank: '三等奖', name: '赵师傅' }
      ]
      const detail = await workerAfterChange<Competition>('/api/competitions/catering-2025', async () => {
        const { status } = await desk.send('PUT', '/competitions/catering-2025', desk.liSi, {
          ...competitionInputOf(loaded, { results }),
          version: loaded.version
        })
        expect(status).toBe(200)
      })
      expect(detail.results).toEqual(results)
      expect(detail.status).toBe('ended')
      const [entry] = (await auditOf('competition', 'catering-2025')).slice(-1)
      expect(entry).toMatchObject({ action: 'update', staffName: '李四', summary: `修改竞赛《${loaded.title}》：公布成绩 3 条` })
    })

    it.each([
      ['sign-up closing before it opens', { signupEndsAt: '2026-11-19T09:00:00+08:00' }, 'signupEndsAt', '报名截止时间不能早于报名开始时间'],
      ['a quota of 0', { quota: 0 }, 'quota', '名额需为 1–100000 的整数，不限名额请留空'],
      ['a date without a time zone', { eventEndsAt: '2026-12-15 17:00' }, 'eventEndsAt', '请填写有效的比赛结束时间'],
      ['an empty title', { title: '  ' }, 'title', '请填写标题'],
      ['a winner without a name', { results: [{ rank: '一等奖', name: '', award: '密云工匠' }] }, 'results.0.name', '请填写成绩第 1 条的姓名']
    ])('refuses %s with 400 INVALID_FIELD naming the field', async (_case, overrides, field, message) => {
      const target = await staffGet<StaffCompetition>('/competitions/forklift-2027')
      for (const [method, url, payload] of [
        ['POST', '/competitions', newCompetition(overrides as Partial<CompetitionInput>)],
        ['PUT', '/competitions/forklift-2027', { ...newCompetition(overrides as Partial<CompetitionInput>), version: target.version }]
      ] as const) {
        const { status, body } = await desk.send(method, url, desk.editor, payload)
        expect(status).toBe(400)
        expect(body.error).toMatchObject({ code: 'INVALID_FIELD', field, message })
        expect(body.error.problems).toContainEqual({ field, message })
      }
      expect(await staffGet<StaffCompetition>('/competitions/forklift-2027')).toEqual(target)
    })

    it.each([
      ['a status set by the body', { ...newCompetition(), status: 'ended' }, /^未知参数：status$/],
      ['an unknown trade', newCompetition({ trade: '木工' as CompetitionInput['trade'] }), /^参数 trade 无效：工种应为 养蜂、/],
      ['an unknown field in a result', newCompetition({ results: [{ rank: '1', name: '王', score: 99 } as never] }), /^未知参数：score$/],
      ['a missing field', (({ results: _results, ...rest }) => rest)(newCompetition()), /^参数 results 无效：成绩应为/]
    ])('refuses %s by the shape check', async (_case, payload, message) => {
      const { status, body } = await desk.send('POST', '/competitions', desk.editor, payload)
      expect(status).toBe(400)
      expect(body.error.message).toMatch(message)
    })

    it('needs the version with a save', async () => {
      const { status, body } = await desk.send('PUT', '/competitions/forklift-2027', desk.editor, newCompetition())
      expect(status).toBe(400)
      expect(body.error.message).toBe('参数 version 无效：应为打开编辑时读到的版本号（正整数）')
    })

    it('refuses the second of two editors who loaded the same version, naming who saved and when', async () => {
      desk.clock = new Date('2026-11-24T10:30:00+08:00')
      await desk.openSessions()
      const loaded = await staffGet<StaffCompetition>('/competitions/electrician-2026')
      desk.clock = new Date('2026-11-24T10:32:00+08:00')
      const first = await desk.send('PUT', '/competitions/electrician-2026', desk.zhangSan, {
        ...competitionInputOf(loaded, { title: '张三的标题' }),
        version: loaded.version
      })
      expect(first.status).toBe(200)
      desk.clock = new Date('2026-11-24T10:35:00+08:00')
      const second = await desk.send('PUT', '/competitions/electrician-2026', desk.liSi, {
        ...competitionInputOf(loaded, { title: '李四的标题' }),
        version: loaded.version
      })
      expectConflict(second, '该竞赛已被 张三 于 11月24日 10:32 修改，请刷新后再改', {
        version: loaded.version + 1,
        updatedAt: '2026-11-24T02:32:00.000Z',
        updatedBy: '张三'
      })
      expect((await staffGet<StaffCompetition>('/competitions/electrician-2026')).title).toBe('张三的标题')
      expect((await getJson<Competition>(desk.app, '/api/competitions/electrician-2026')).body.title).toBe('张三的标题')
    })

    it('lets exactly one of two simultaneous saves of one version through', async () => {
      const created: StaffCompetition = (await desk.send('POST', '/competitions', desk.editor, newCompetition())).body
      const results = await Promise.all(
        [desk.zhangSan, desk.liSi].map((staffer, index) =>
          desk.send('PUT', `/competitions/${created.id}`, staffer, { ...newCompetition({ title: `同时保存 ${index}` }), version: created.version })
        )
      )
      expect(results.map((result) => result.status).sort()).toEqual([200, 409])
      const winner = results.find((result) => result.status === 200)!
      expect(await staffGet<StaffCompetition>(`/competitions/${created.id}`)).toMatchObject({ version: 2, title: winner.body.title })
    })

    it('records creation and each save in the audit log with the competition before and after', async () => {
      desk.clock = new Date(FIXED_NOW.getTime() + MINUTE)
      const created: StaffCompetition = (await desk.send('POST', '/competitions', desk.editor, newCompetition({ title: '审计用竞赛' }))).body
      desk.clock = new Date(FIXED_NOW.getTime() + 2 * MINUTE)
      const saved = await desk.send('PUT', `/competitions/${created.id}`, desk.zhangSan, { ...newCompetition({ title: '审计用竞赛（改）' }), version: 1 })
      const refused = await desk.send('PUT', `/competitions/${created.id}`, desk.liSi, { ...newCompetition({ title: '不会保存' }), version: 1 })
      expect(refused.status).toBe(409)

      const entries = await auditOf('competition', created.id)
      expect(entries.map((entry) => [entry.action, entry.staffName, entry.summary])).toEqual([
        ['create', '王编辑', '新建竞赛《审计用竞赛》'],
        ['update', '张三', '修改竞赛《审计用竞赛（改）》']
      ])
      expect(entries[0].staffId).toBe(desk.editor.staff.id)
      expect(entries[0].before).toBeNull()
      expect(entries[0].after).toEqual(created)
      expect(entries[1].before).toEqual(created)
      expect(entries[1].after).toEqual(saved.body)
    })
  })
})
