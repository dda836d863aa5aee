/**
 * The editors' API for the services and the 十四五 plan page, through HTTP, and what workers then see: saves show at
 * once, the shared rules answer 400 naming the field, a stale version is a 409, and each save is audited.
 * Runs on SQLite, and on PostgreSQL when one is reachable (TEST_DATABASE_URL, as in postgres.test.ts).
 */
import { type HomeData, type Plan, type Service, type ServiceSummary, type ServiceInput, type StaffPlan, type StaffService } from '@/domain'
import { seedContent } from '@server/seed-content'
import { testDatabases } from './support/databases'
import { expectConflict, useStaffDesk } from './support/staff-desk'
import { FIXED_NOW, getJson, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const databases = testDatabases('miyun_staff_services')

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

describe.each(databases)('staff services and plan on $name', ({ setUp }) => {
  const desk = useStaffDesk(setUp, 'miyun-staff-services-')
  const { get: staffGet, auditOf, workerAfterChange } = desk

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
      const { status, body } = await desk.send('PUT', '/services/health-classes', desk.editor, {
        ...serviceInputOf(loaded, overrides),
        version: loaded.version
      })
      expect(status).toBe(400)
      expect(body.error).toMatchObject({ code: 'INVALID_FIELD', field, message })
      expect(await staffGet<StaffService>('/services/health-classes')).toEqual(loaded)
    })

    it('refuses a change of slug or icon by the shape check', async () => {
      const loaded = await staffGet<StaffService>('/services/health-classes')
      const { status, body } = await desk.send('PUT', '/services/health-classes', desk.editor, {
        ...serviceInputOf(loaded),
        icon: 'star',
        version: loaded.version
      })
      expect(status).toBe(400)
      expect(body.error.message).toBe('未知参数：icon')
    })

    it('refuses a save of a stale version, naming who saved and when', async () => {
      desk.clock = new Date('2026-11-24T10:40:00+08:00')
      await desk.openSessions()
      const loaded = await staffGet<StaffService>('/services/women-classroom')
      desk.clock = new Date('2026-11-24T10:41:00+08:00')
      expect(
        (await desk.send('PUT', '/services/women-classroom', desk.liSi, { ...serviceInputOf(loaded, { tagline: '李四改的' }), version: loaded.version })).status
      ).toBe(200)
      const stale = await desk.send('PUT', '/services/women-classroom', desk.zhangSan, {
        ...serviceInputOf(loaded, { tagline: '张三改的' }),
        version: loaded.version
      })
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
})
