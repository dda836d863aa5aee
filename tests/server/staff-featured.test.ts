/**
 * The editors' API for the 首页 featured list through HTTP (what workers then see on 首页, targets that must exist,
 * conflicts, the audit record), and who may call the content editors' routes: 401 without a session, 403 for a
 * 经办, and nothing changes either way.
 * Runs on SQLite, and on PostgreSQL when one is reachable (TEST_DATABASE_URL, as in postgres.test.ts).
 */
import { CONTENT_ID_PATTERN, type HomeData, type StaffFeatured } from '@/domain'
import { newsToRow } from '@server/news/rows'
import { seedContent } from '@server/seed-content'
import { staffSession } from './support/staff'
import { testDatabases } from './support/databases'
import { expectConflict, useStaffDesk } from './support/staff-desk'
import { FIXED_NOW, getJson, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const databases = testDatabases('miyun_staff_featured')

describe.each(databases)('staff featured list on $name', ({ setUp }) => {
  const desk = useStaffDesk(setUp, 'miyun-staff-featured-')
  const { get: staffGet, auditOf, workerAfterChange } = desk

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
      for (const target of [
        { page: 'serviceDetail', slug: 'karaoke' },
        { page: 'plan', id: 'x' }
      ]) {
        const { status, body } = await desk.send('PUT', '/featured', desk.editor, {
          items: [{ title: '坏链接', target, sample: false }],
          version: loaded.version
        })
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
        [desk.zhangSan, desk.liSi].map((staffer, index) =>
          desk.send('PUT', '/featured', staffer, { items: loaded.items.slice(index), version: loaded.version })
        )
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
