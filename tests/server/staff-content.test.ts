/**
 * The editors' API for competitions, services, the plan page and the 首页 featured list, through HTTP, and what
 * workers then see through theirs: a save shows on the next request (even with the old answer cached), the shared
 * rules answer 400 naming the field, two editors cannot overwrite each other, and every change leaves an audit
 * record with the record before and after.
 * Runs on SQLite, and on PostgreSQL when one is reachable (TEST_DATABASE_URL, as in postgres.test.ts).
 */
import {
  CONTENT_ID_PATTERN,
  type Competition,
  type CompetitionSummary,
  type HomeData,
  type Page,
  type Plan,
  type Service,
  type ServiceSummary
} from '../../src/domain'
import type {
  CompetitionInput,
  ServiceInput,
  StaffCompetition,
  StaffCompetitionSummary,
  StaffFeatured,
  StaffPlan,
  StaffService
} from '../../src/domain/staff'
import { auditEntryFromRow } from '../../server/core/audit'
import { newsToRow } from '../../server/news/rows'
import { seedContent } from '../../server/seed-content'
import { staffSession } from './support/staff'
import { testDatabases } from './support/databases'
import { useStaffDesk } from './support/staff-desk'
import { FIXED_NOW, getJson, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const MINUTE = 60_000

const databases = testDatabases('miyun_staff_content')

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

function serviceInputOf(service: Service, overrides: Partial<ServiceInput> = {}): ServiceInput {
  return {
    name: service.name,
    tagline: service.tagline,
    what: service.what,
    who: service.who,
    how: service.how,
    contacts: service.contacts,
    figures: service.figures,
    sample: service.sample,
    sampleNote: service.sampleNote ?? null,
    ...overrides
  }
}

describe.each(databases)('staff content on $name', ({ setUp }) => {
  const desk = useStaffDesk(setUp, 'miyun-staff-content-')

  async function staffGet<T>(url: string, staffer = desk.editor): Promise<T> {
    const { status, body } = await getJson<T>(desk.app, `/api/staff${url}`, staffer.headers)
    expect(status).toBe(200)
    return body
  }

  async function auditOf(entity: string, entityId: string) {
    const rows = await desk.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', entity)
      .where('entity_id', '=', entityId)
      .orderBy('at')
      .execute()
    return rows.map(auditEntryFromRow)
  }

  /**
   * A worker answer fetched before a change and asked for again after it with its ETag: the change must come
   * back as a fresh 200 at once, not as 304 from the answer cache.
   */
  async function workerAfterChange<T>(url: string, change: () => Promise<unknown>): Promise<T> {
    const before = await getJson(desk.app, url)
    expect(before.status).toBe(200)
    await change()
    const after = await getJson<T>(desk.app, url, { 'if-none-match': before.response.headers.etag as string })
    expect(after.status).toBe(200)
    return after.body
  }

  const expectConflict = (answer: { status: number; body: any }, message: string, current: object) => {
    expect(answer.status).toBe(409)
    expect(answer.body).toEqual({ error: { code: 'EDIT_CONFLICT', message, current } })
  }

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
      expect(competition).toEqual({ ...worker, version: competition.version, updatedAt: competition.updatedAt, ...(competition.updatedBy ? { updatedBy: competition.updatedBy } : {}) })
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
      const listed = (await getJson<Page<CompetitionSummary>>(desk.app, '/api/competitions?status=signup')).body.items.find((item) => item.id === 'housekeeping-2026')
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
        const { status } = await desk.send('PUT', '/competitions/catering-2025', desk.liSi, { ...competitionInputOf(loaded, { results }), version: loaded.version })
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
      const first = await desk.send('PUT', '/competitions/electrician-2026', desk.zhangSan, { ...competitionInputOf(loaded, { title: '张三的标题' }), version: loaded.version })
      expect(first.status).toBe(200)
      desk.clock = new Date('2026-11-24T10:35:00+08:00')
      const second = await desk.send('PUT', '/competitions/electrician-2026', desk.liSi, { ...competitionInputOf(loaded, { title: '李四的标题' }), version: loaded.version })
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

  describe('services', () => {
    it('reads a service with its version, or 404 for a slug that is not one of the seven', async () => {
      const service = await staffGet<StaffService>('/services/summer-cooling')
      const worker = (await getJson<Service>(desk.app, '/api/services/summer-cooling')).body
      expect(service).toMatchObject({ ...worker, version: expect.any(Number), updatedAt: expect.any(String) })
      const missing = await getJson(desk.app, '/api/staff/services/karaoke', desk.editor.headers)
      expect(missing.status).toBe(404)
      expect(missing.body.error.message).toBe('未找到该服务')
      expect((await desk.send('PUT', '/services/karaoke', desk.editor, { ...serviceInputOf(worker), version: 1 })).status).toBe(404)
    })

    it('saves a service page workers see at once, and unticking 示例 removes the tag', async () => {
      const loaded = await staffGet<StaffService>('/services/legal-aid')
      expect(loaded.sample).toBe(true)
      const how = ['拨打12351职工服务热线，说明遇到的问题。', '携带劳动合同和工资记录到区职工服务中心办理。']
      const detail = await workerAfterChange<Service>('/api/services/legal-aid', async () => {
        const { status, body } = await desk.send('PUT', '/services/legal-aid', desk.editor, {
          ...serviceInputOf(loaded, { tagline: '劳动争议调解、法律咨询与援助', how, sample: false }),
          version: loaded.version
        })
        expect(status).toBe(200)
        expect(body).toMatchObject({ slug: 'legal-aid', icon: loaded.icon, version: loaded.version + 1, updatedBy: '王编辑', sample: false })
      })
      expect(detail).toMatchObject({ slug: 'legal-aid', tagline: '劳动争议调解、法律咨询与援助', how, sample: false })
      expect(detail).not.toHaveProperty('sampleNote')
      const listed = (await getJson<{ items: ServiceSummary[] }>(desk.app, '/api/services')).body.items
      expect(listed.map((item) => item.slug)).toEqual(seedContent.services.map((item) => item.slug))
      expect(listed.find((item) => item.slug === 'legal-aid')).toMatchObject({ tagline: '劳动争议调解、法律咨询与援助', sample: false })

      const [entry] = (await auditOf('service', 'legal-aid')).slice(-1)
      expect(entry).toMatchObject({ action: 'update', staffName: '王编辑', summary: '修改服务「法律援助」：示例信息已换为实际信息' })
      expect(entry.before).toEqual(loaded)
      expect((entry.after as StaffService).how).toEqual(how)
    })

    it.each([
      ['an empty 「是什么」 list', { what: [] }, 'what', '请至少填写一条「是什么」'],
      ['a blank 「怎么办」 step', { how: ['第一步', ' '] }, 'how.1', '请填写「怎么办」第 2 条'],
      ['a phone number with letters', { contacts: [{ name: '区总工会', phone: '12351-abc' }] }, 'contacts.0.phone', '电话只能包含数字、空格和 - ，最多 20 位']
    ])('refuses %s with 400 INVALID_FIELD naming the field', async (_case, overrides, field, message) => {
      const loaded = await staffGet<StaffService>('/services/health-classes')
      const { status, body } = await desk.send('PUT', '/services/health-classes', desk.editor, { ...serviceInputOf(loaded, overrides), version: loaded.version })
      expect(status).toBe(400)
      expect(body.error).toMatchObject({ code: 'INVALID_FIELD', field, message })
      expect(await staffGet<StaffService>('/services/health-classes')).toEqual(loaded)
    })

    it('refuses a change of slug or icon by the shape check', async () => {
      const loaded = await staffGet<StaffService>('/services/health-classes')
      const { status, body } = await desk.send('PUT', '/services/health-classes', desk.editor, { ...serviceInputOf(loaded), icon: 'star', version: loaded.version })
      expect(status).toBe(400)
      expect(body.error.message).toBe('未知参数：icon')
    })

    it('refuses a save of a stale version, naming who saved and when', async () => {
      desk.clock = new Date('2026-11-24T10:40:00+08:00')
      await desk.openSessions()
      const loaded = await staffGet<StaffService>('/services/women-classroom')
      desk.clock = new Date('2026-11-24T10:41:00+08:00')
      expect((await desk.send('PUT', '/services/women-classroom', desk.liSi, { ...serviceInputOf(loaded, { tagline: '李四改的' }), version: loaded.version })).status).toBe(200)
      const stale = await desk.send('PUT', '/services/women-classroom', desk.zhangSan, { ...serviceInputOf(loaded, { tagline: '张三改的' }), version: loaded.version })
      expectConflict(stale, '该服务已被 李四 于 11月24日 10:41 修改，请刷新后再改', {
        version: loaded.version + 1,
        updatedAt: '2026-11-24T02:41:00.000Z',
        updatedBy: '李四'
      })
      expect((await getJson<Service>(desk.app, '/api/services/women-classroom')).body.tagline).toBe('李四改的')
    })
  })

  describe('plan', () => {
    it('reads the whole plan document with its version', async () => {
      const staffPlan = await staffGet<StaffPlan>('/plan')
      expect(staffPlan.plan).toEqual((await getJson<Plan>(desk.app, '/api/plan')).body)
      expect(staffPlan.version).toBeGreaterThanOrEqual(1)
    })

    it('saves the plan; workers see it on the plan page and in the 首页 figures at once', async () => {
      const loaded = await staffGet<StaffPlan>('/plan')
      const figures = loaded.plan.figures.map((figure) => (figure.key === 'skill-contests' ? { ...figure, display: '31场', amount: 31 } : figure))
      const plan = { ...loaded.plan, figures, summary: `${loaded.plan.summary}（已更新）` }
      const home = await workerAfterChange<HomeData>('/api/home', async () => {
        const { status, body } = await desk.send('PUT', '/plan', desk.editor, { plan, version: loaded.version })
        expect(status).toBe(200)
        expect(body).toEqual({ plan, version: loaded.version + 1, updatedAt: FIXED_NOW.toISOString(), updatedBy: '王编辑' })
      })
      expect(home.figures.find((figure) => figure.key === 'skill-contests')).toMatchObject({ display: '31场', amount: 31 })
      expect((await getJson<Plan>(desk.app, '/api/plan')).body).toEqual(plan)

      const [entry] = (await auditOf('plan', 'plan')).slice(-1)
      expect(entry).toMatchObject({ action: 'update', staffName: '王编辑', summary: `修改规划页《${plan.title}》` })
      expect(entry.before).toEqual(loaded)
      expect(entry.after).toEqual({ plan, version: loaded.version + 1, updatedAt: FIXED_NOW.toISOString(), updatedBy: '王编辑' })
    })

    it('refuses a figure whose display text is too long, naming the field', async () => {
      const loaded = await staffGet<StaffPlan>('/plan')
      const figures = loaded.plan.figures.map((figure, index) => (index === 0 ? { ...figure, display: '三'.repeat(31) } : figure))
      const { status, body } = await desk.send('PUT', '/plan', desk.editor, { plan: { ...loaded.plan, figures }, version: loaded.version })
      expect(status).toBe(400)
      expect(body.error).toMatchObject({
        code: 'INVALID_FIELD',
        field: 'plan.figures.0.display',
        message: `数字「${loaded.plan.figures[0].label}」的显示文字不能超过 30 字（现 31 字）`
      })
      expect(await staffGet<StaffPlan>('/plan')).toEqual(loaded)
    })

    it('refuses an unknown field anywhere in the plan', async () => {
      const loaded = await staffGet<StaffPlan>('/plan')
      const figures = loaded.plan.figures.map((figure, index) => (index === 0 ? { ...figure, colour: 'red' } : figure))
      const { status, body } = await desk.send('PUT', '/plan', desk.editor, { plan: { ...loaded.plan, figures }, version: loaded.version })
      expect(status).toBe(400)
      expect(body.error.message).toBe('未知参数：colour')
    })

    it('refuses a save of a stale version, naming who saved and when', async () => {
      desk.clock = new Date('2026-11-24T11:00:00+08:00')
      await desk.openSessions()
      const loaded = await staffGet<StaffPlan>('/plan')
      desk.clock = new Date('2026-11-24T11:05:00+08:00')
      expect((await desk.send('PUT', '/plan', desk.zhangSan, { plan: { ...loaded.plan, subtitle: '张三的副标题' }, version: loaded.version })).status).toBe(200)
      const stale = await desk.send('PUT', '/plan', desk.editor, { plan: { ...loaded.plan, subtitle: '王编辑的副标题' }, version: loaded.version })
      expectConflict(stale, '规划页已被 张三 于 11月24日 11:05 修改，请刷新后再改', {
        version: loaded.version + 1,
        updatedAt: '2026-11-24T03:05:00.000Z',
        updatedBy: '张三'
      })
      expect((await getJson<Plan>(desk.app, '/api/plan')).body.subtitle).toBe('张三的副标题')
    })
  })

  describe('featured', () => {
    it('reads the list as workers see it, with version 1 before anyone saved it', async () => {
      const featured = await staffGet<StaffFeatured>('/featured')
      expect(featured.items).toEqual((await getJson<HomeData>(desk.app, '/api/home')).body.featured)
      expect(featured.items.map((item) => item.id)).toEqual(seedContent.featured.map((item) => item.id))
      expect(featured).toMatchObject({ version: 1, updatedAt: FIXED_NOW.toISOString() })
      expect(featured).not.toHaveProperty('updatedBy')
    })

    it('replaces the whole list in the order given; 首页 shows it at once; new items get an id', async () => {
      const loaded = await staffGet<StaffFeatured>('/featured')
      const [plan, blueprint, , legalAid] = loaded.items
      const added = {
        title: '电工技能竞赛报名中',
        subtitle: '报名截止 12月10日',
        image: '/media/trophy.svg',
        target: { page: 'competitionDetail', id: 'electrician-2026' },
        sample: true,
        sampleNote: '示例赛事'
      }
      let saved: StaffFeatured | undefined
      const home = await workerAfterChange<HomeData>('/api/home', async () => {
        const { status, body } = await desk.send('PUT', '/featured', desk.editor, { items: [legalAid, added, plan, blueprint], version: loaded.version })
        expect(status).toBe(200)
        saved = body
      })
      expect(saved).toMatchObject({ version: loaded.version + 1, updatedAt: FIXED_NOW.toISOString(), updatedBy: '王编辑' })
      const newId = saved!.items[1].id
      expect(newId).toMatch(new RegExp(CONTENT_ID_PATTERN))
      expect(saved!.items.map((item) => item.id)).toEqual([legalAid.id, newId, plan.id, blueprint.id])
      expect(saved!.items[1]).toEqual({ id: newId, ...added })
      expect(home.featured).toEqual(saved!.items)
      expect(await staffGet<StaffFeatured>('/featured')).toEqual(saved)

      const [entry] = (await auditOf('featured', 'home')).slice(-1)
      expect(entry).toMatchObject({ action: 'update', staffName: '王编辑', summary: '修改首页推荐（共 4 项）' })
      expect(entry.before).toEqual(loaded)
      expect(entry.after).toEqual(saved)
    })

    it.each([
      ['an article that does not exist', { page: 'newsDetail', id: 'no-such-article' }, 'items.0.target.id', '推荐第 1 项指向的动态不存在或尚未发布'],
      ['a competition that does not exist', { page: 'competitionDetail', id: 'no-such-contest' }, 'items.0.target.id', '推荐第 1 项指向的竞赛不存在']
    ])('refuses an item pointing at %s, naming the field', async (_case, target, field, message) => {
      const loaded = await staffGet<StaffFeatured>('/featured')
      const items = [{ title: '坏链接', target, sample: false }, ...loaded.items]
      const { status, body } = await desk.send('PUT', '/featured', desk.editor, { items, version: loaded.version })
      expect(status).toBe(400)
      expect(body.error).toMatchObject({ code: 'INVALID_FIELD', field, message })
      expect(await staffGet<StaffFeatured>('/featured')).toEqual(loaded)
    })

    it('refuses an article workers cannot open yet: a draft, or one scheduled for later', async () => {
      const base = seedContent.news[0]
      await desk.app.db
        .insertInto('news')
        .values([
          { ...newsToRow({ ...base, id: 'featured-draft' }), status: 'draft' },
          { ...newsToRow({ ...base, id: 'featured-scheduled', publishedAt: '2026-11-30T09:00:00+08:00' }), status: 'published' }
        ])
        .execute()
      const loaded = await staffGet<StaffFeatured>('/featured')
      const items = [
        { title: '草稿', target: { page: 'newsDetail', id: 'featured-draft' }, sample: false },
        { title: '定时', target: { page: 'newsDetail', id: 'featured-scheduled' }, sample: false },
        { title: '已发布', target: { page: 'newsDetail', id: base.id }, sample: false }
      ]
      const { status, body } = await desk.send('PUT', '/featured', desk.editor, { items, version: loaded.version })
      expect(status).toBe(400)
      expect(body.error.problems).toEqual([
        { field: 'items.0.target.id', message: '推荐第 1 项指向的动态不存在或尚未发布' },
        { field: 'items.1.target.id', message: '推荐第 2 项指向的动态不存在或尚未发布' }
      ])
    })

    it('lists every problem of the list at once: the fields’ own rules, ids, targets', async () => {
      const loaded = await staffGet<StaffFeatured>('/featured')
      const items = [
        { id: 'Not_Valid', title: '', target: { page: 'plan' }, sample: false },
        { id: 'twice', title: '甲', image: 'https://example.com/a.jpg', target: { page: 'plan' }, sample: false },
        { id: 'twice', title: '乙', target: { page: 'competitionDetail', id: 'gone' }, sample: false }
      ]
      const { status, body } = await desk.send('PUT', '/featured', desk.editor, { items, version: loaded.version })
      expect(status).toBe(400)
      expect(body.error.problems).toEqual([
        { field: 'items.0.title', message: '请填写推荐第 1 项的标题' },
        { field: 'items.1.image', message: '推荐第 2 项的图片无效，请重新上传' },
        { field: 'items.0.id', message: '推荐第 1 项的编号只能由小写字母、数字和连字符组成（最多 64 位）' },
        { field: 'items.2.id', message: '推荐第 3 项的编号与第 2 项重复' },
        { field: 'items.2.target.id', message: '推荐第 3 项指向的竞赛不存在' }
      ])
    })

    it('refuses a service slug outside the seven, and a target with fields of another kind, by the shape check', async () => {
      const loaded = await staffGet<StaffFeatured>('/featured')
      for (const target of [{ page: 'serviceDetail', slug: 'karaoke' }, { page: 'plan', id: 'x' }]) {
        const { status, body } = await desk.send('PUT', '/featured', desk.editor, { items: [{ title: '坏链接', target, sample: false }], version: loaded.version })
        expect(status).toBe(400)
        expect(body.error.code).toMatch(/^(INVALID_PARAMETER|UNKNOWN_PARAMETER)$/)
      }
    })

    it('refuses a save of a stale version, naming who saved and when', async () => {
      desk.clock = new Date('2026-11-24T11:20:00+08:00')
      await desk.openSessions()
      const loaded = await staffGet<StaffFeatured>('/featured')
      desk.clock = new Date('2026-11-24T11:21:00+08:00')
      const reversed = [...loaded.items].reverse()
      expect((await desk.send('PUT', '/featured', desk.liSi, { items: reversed, version: loaded.version })).status).toBe(200)
      const stale = await desk.send('PUT', '/featured', desk.zhangSan, { items: loaded.items.slice(1), version: loaded.version })
      expectConflict(stale, '首页推荐已被 李四 于 11月24日 11:21 修改，请刷新后再改', {
        version: loaded.version + 1,
        updatedAt: '2026-11-24T03:21:00.000Z',
        updatedBy: '李四'
      })
      expect((await getJson<HomeData>(desk.app, '/api/home')).body.featured.map((item) => item.id)).toEqual(reversed.map((item) => item.id))
    })

    it('lets exactly one of two simultaneous saves of one version through', async () => {
      const loaded = await staffGet<StaffFeatured>('/featured')
      const results = await Promise.all(
        [desk.zhangSan, desk.liSi].map((staffer, index) => desk.send('PUT', '/featured', staffer, { items: loaded.items.slice(index), version: loaded.version }))
      )
      expect(results.map((result) => result.status).sort()).toEqual([200, 409])
      const winner = results.find((result) => result.status === 200)!
      expect(await staffGet<StaffFeatured>('/featured')).toEqual(winner.body)
    })
  })

  describe('who may call', () => {
    const routes: [method: 'GET' | 'POST' | 'PUT', url: string][] = [
      ['GET', '/competitions'],
      ['GET', '/competitions/housekeeping-2026'],
      ['POST', '/competitions'],
      ['PUT', '/competitions/housekeeping-2026'],
      ['GET', '/services/legal-aid'],
      ['PUT', '/services/legal-aid'],
      ['GET', '/plan'],
      ['PUT', '/plan'],
      ['GET', '/featured'],
      ['PUT', '/featured']
    ]

    it.each(routes)('%s %s: 401 without a session, 403 for a 经办, and nothing changes', async (method, url) => {
      const handler = await staffSession(desk.app, ['handler'])
      const revision = await desk.app.repositories.contentVersion.revision()
      const payload = method === 'GET' ? undefined : { nonsense: true }
      const anonymous = await desk.app.inject({ method, url: `/api/staff${url}`, payload })
      expect(anonymous.statusCode).toBe(401)
      expect(anonymous.json().error.code).toBe('UNAUTHENTICATED')
      const refused = await desk.app.inject({ method, url: `/api/staff${url}`, headers: handler.headers, payload })
      expect(refused.statusCode).toBe(403)
      expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN', message: '没有权限：此操作需要编辑角色' })
      expect(await desk.app.repositories.contentVersion.revision()).toBe(revision)
    })
  })
})
