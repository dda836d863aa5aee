/**
 * The news editor's API, through HTTP, and what workers then see through theirs: drafts stay hidden, a publication
 * shows at once (or exactly at its scheduled instant), a withdrawal removes it everywhere, two editors cannot
 * overwrite each other, and every change leaves an audit record with the article before and after.
 * Runs on SQLite, and on PostgreSQL when one is reachable (TEST_DATABASE_URL, as in postgres.test.ts).
 */
import { CONTENT_ID_PATTERN, PAGE_SIZE, type Page, type NewsInput, type StaffNewsArticle, type StaffNewsSummary } from '@/domain'
import { seedContent } from '@server/seed-content'
import { staffSession } from './support/staff'
import { testDatabases } from './support/databases'
import { draftInput, ids, newsDesk } from './support/news-desk'
import { useStaffDesk } from './support/staff-desk'
import { FIXED_NOW, getJson, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const MINUTE = 60_000

const databases = testDatabases('miyun_staff_news')

describe.each(databases)('staff news on $name', ({ setUp }) => {
  const desk = useStaffDesk(setUp, 'miyun-staff-news-')

  const { createDraft, publish, workerList, workerHome, workerDetail } = newsDesk(desk)

  describe('drafts', () => {
    it('creates a draft with a short URL-safe id, version 1 and the editor as last editor, which workers cannot see', async () => {
      // Load the worker answers first, so they sit in the response cache when the draft is written.
      const listBefore = await workerList()
      const draft = await createDraft({ sample: true, sampleNote: '活动时间为示例' })

      expect(draft.id).toMatch(new RegExp(CONTENT_ID_PATTERN))
      expect(draft.id.length).toBeLessThanOrEqual(20)
      expect(draft).toMatchObject({
        status: 'draft',
        version: 1,
        updatedBy: '王编辑',
        updatedAt: FIXED_NOW.toISOString(),
        title: draftInput().title,
        blocks: draftInput().blocks,
        sample: true,
        sampleNote: '活动时间为示例'
      })
      expect(draft).not.toHaveProperty('cover')

      expect((await workerDetail(draft.id)).status).toBe(404)
      expect(ids((await workerList()).items)).not.toContain(draft.id)
      expect((await workerList()).total).toBe(listBefore.total)
      expect(ids((await workerHome()).news)).not.toContain(draft.id)

      const staffView = await getJson<StaffNewsArticle>(desk.app, `/api/staff/news/${draft.id}`, desk.editor.headers)
      expect(staffView.status).toBe(200)
      expect(staffView.body).toEqual(draft)
    })

    it('lists every status for staff, the last edited first, with no-store and no ETag', async () => {
      desk.clock = new Date(FIXED_NOW.getTime() + 5 * MINUTE)
      const older = await createDraft({ title: '较早的草稿' })
      desk.clock = new Date(FIXED_NOW.getTime() + 6 * MINUTE)
      const withdrawnLater = await createDraft({ title: '将被撤下的动态' })
      const published = await publish(withdrawnLater)
      desk.clock = new Date(FIXED_NOW.getTime() + 7 * MINUTE)
      await desk.send('POST', `/news/${published.id}/unpublish`, desk.editor, { version: published.version })

      const { response, body } = await getJson<Page<StaffNewsSummary>>(desk.app, '/api/staff/news', desk.editor.headers)
      expect(response.headers['cache-control']).toBe('no-store')
      expect(response.headers.etag).toBeUndefined()
      expect(body.items.slice(0, 2).map((item) => [item.id, item.status])).toEqual([
        [withdrawnLater.id, 'withdrawn'],
        [older.id, 'draft']
      ])
      expect(body.items[0]).not.toHaveProperty('blocks')
      expect(body.total).toBeGreaterThan(seedContent.news.length)
      for (let i = 1; i < body.items.length; i++) {
        expect(Date.parse(body.items[i - 1].updatedAt)).toBeGreaterThanOrEqual(Date.parse(body.items[i].updatedAt))
      }
      // Articles never saved by staff count from their publication and name no editor.
      const seeded = (await getJson<Page<StaffNewsSummary>>(desk.app, '/api/staff/news?status=published&page=2', desk.editor.headers)).body.items
      const untouched = seeded.find((item) => item.updatedBy === undefined)!
      expect(untouched).toMatchObject({ status: 'published', version: 1, updatedAt: untouched.publishedAt })

      const drafts = await getJson<Page<StaffNewsSummary>>(desk.app, '/api/staff/news?status=draft', desk.editor.headers)
      expect(drafts.body.items.length).toBeGreaterThan(0)
      expect(drafts.body.items.every((item) => item.status === 'draft')).toBe(true)
      expect(drafts.body.pageSize).toBe(PAGE_SIZE)

      const bad = await getJson(desk.app, '/api/staff/news?status=scheduled', desk.editor.headers)
      expect(bad.status).toBe(400)
      expect(bad.body.error.message).toMatch(/^参数 status 无效：应为 draft（草稿）、published（已发布）、withdrawn（已撤下） 之一/)
    })

    it('answers 404 for an article that does not exist', async () => {
      expect((await getJson(desk.app, '/api/staff/news/no-such-article', desk.editor.headers)).body.error.message).toBe('未找到该动态')
      const update = await desk.send('PUT', '/news/no-such-article', desk.editor, { ...draftInput(), version: 1 })
      expect(update.status).toBe(404)
      expect((await desk.send('POST', '/news/no-such-article/publish', desk.editor, { version: 1 })).status).toBe(404)
    })

    it('needs a staff session with the editor role', async () => {
      expect((await desk.send('POST', '/news', undefined, draftInput())).status).toBe(401)
      // The session is checked before the body: an anonymous caller learns nothing about what a valid body is.
      expect((await desk.send('POST', '/news', undefined, { nonsense: true })).status).toBe(401)
      const handler = await staffSession(desk.app, ['handler'])
      const refused = await desk.send('POST', '/news', handler, draftInput())
      expect(refused.status).toBe(403)
      expect(refused.body.error.message).toMatch(/编辑/)
      // 管理员 can do everything an editor can.
      expect((await desk.send('POST', '/news', desk.liSi, draftInput())).status).toBe(201)
    })
  })

  describe('editing', () => {
    it('saves the input, keeps status and publication time, and moves the version', async () => {
      const published = await publish(await createDraft())
      desk.clock = new Date(FIXED_NOW.getTime() + 20 * MINUTE)
      const edited = draftInput({ title: '修改后的标题', cover: '/media/uploads/20261124-abcdef/750.jpg', sample: true, sampleNote: '人数为示例' })
      const { status, body } = await desk.send('PUT', `/news/${published.id}`, desk.zhangSan, { ...edited, version: published.version })
      expect(status).toBe(200)
      expect(body).toMatchObject({
        status: 'published',
        publishedAt: published.publishedAt,
        version: published.version + 1,
        updatedAt: desk.clock.toISOString(),
        updatedBy: '张三',
        title: '修改后的标题',
        cover: '/media/uploads/20261124-abcdef/750.jpg',
        sample: true,
        sampleNote: '人数为示例'
      })
      const detail = await workerDetail(published.id)
      expect(detail.body).toMatchObject({ title: '修改后的标题', sample: true, sampleNote: '人数为示例', cover: '/media/uploads/20261124-abcdef/750.jpg' })

      // Removing the cover and the sample note: null clears them.
      const cleared = await desk.send('PUT', `/news/${published.id}`, desk.zhangSan, {
        ...edited,
        cover: null,
        sample: false,
        sampleNote: null,
        version: body.version
      })
      expect(cleared.body).not.toHaveProperty('cover')
      expect(cleared.body).not.toHaveProperty('sampleNote')
      expect(cleared.body.sample).toBe(false)
    })

    it('refuses the second of two editors who loaded the same version, naming who saved and when', async () => {
      desk.clock = new Date('2026-11-24T10:30:00+08:00')
      await desk.openSessions()
      const draft = await createDraft()
      const loadedByZhang = (await getJson<StaffNewsArticle>(desk.app, `/api/staff/news/${draft.id}`, desk.zhangSan.headers)).body
      const loadedByLi = (await getJson<StaffNewsArticle>(desk.app, `/api/staff/news/${draft.id}`, desk.liSi.headers)).body
      expect(loadedByZhang.version).toBe(1)
      expect(loadedByLi.version).toBe(1)

      desk.clock = new Date('2026-11-24T10:32:00+08:00')
      const first = await desk.send('PUT', `/news/${draft.id}`, desk.zhangSan, { ...draftInput({ title: '张三的标题' }), version: loadedByZhang.version })
      expect(first.status).toBe(200)

      desk.clock = new Date('2026-11-24T10:35:00+08:00')
      const second = await desk.send('PUT', `/news/${draft.id}`, desk.liSi, { ...draftInput({ title: '李四的标题' }), version: loadedByLi.version })
      expect(second.status).toBe(409)
      expect(second.body).toEqual({
        error: {
          code: 'EDIT_CONFLICT',
          message: '该动态已被 张三 于 11月24日 10:32 修改，请刷新后再改',
          current: { version: 2, updatedAt: '2026-11-24T02:32:00.000Z', updatedBy: '张三' }
        }
      })
      // 张三's save stands; publishing or withdrawing with the stale version is refused the same way.
      expect((await getJson(desk.app, `/api/staff/news/${draft.id}`, desk.editor.headers)).body.title).toBe('张三的标题')
      expect((await desk.send('POST', `/news/${draft.id}/publish`, desk.liSi, { version: 1 })).body.error.code).toBe('EDIT_CONFLICT')
      expect((await desk.send('POST', `/news/${draft.id}/unpublish`, desk.liSi, { version: 1 })).body.error.code).toBe('EDIT_CONFLICT')
    })

    it('lets exactly one of two simultaneous saves of one version through', async () => {
      const draft = await createDraft()
      const results = await Promise.all(
        [desk.zhangSan, desk.liSi].map((staffer, index) =>
          desk.send('PUT', `/news/${draft.id}`, staffer, { ...draftInput({ title: `同时保存 ${index}` }), version: 1 })
        )
      )
      expect(results.map((result) => result.status).sort()).toEqual([200, 409])
      const winner = results.find((result) => result.status === 200)!
      const stored = (await getJson<StaffNewsArticle>(desk.app, `/api/staff/news/${draft.id}`, desk.editor.headers)).body
      expect(stored).toMatchObject({ version: 2, title: winner.body.title })
    })
  })

  describe('validation', () => {
    const blocksWith = (block: unknown) => draftInput({ blocks: [block as NewsInput['blocks'][number]] })

    it.each([
      ['an empty paragraph', blocksWith({ type: 'paragraph', text: '   ' }), 'blocks.0.text', '请填写第 1 块（段落）的文字'],
      [
        'an image block whose src is not an upload',
        blocksWith({ type: 'image', src: 'https://example.com/a.jpg' }),
        'blocks.0.src',
        '第 1 块（图片）还没有上传图片'
      ],
      ['an image src climbing out of /media', blocksWith({ type: 'image', src: '/media/../miyun.sqlite' }), 'blocks.0.src', '第 1 块（图片）还没有上传图片'],
      ['a title over 60 characters', draftInput({ title: '长'.repeat(61) }), 'title', '标题不能超过 60 字（现 61 字）'],
      ['no body at all', draftInput({ blocks: [] }), 'blocks', '正文至少需要一个段落或图片'],
      ['a cover from elsewhere', draftInput({ cover: 'http://example.com/cover.jpg' }), 'cover', '封面图片无效，请重新上传']
    ])('refuses %s with 400 INVALID_FIELD naming the field', async (_case, input, field, message) => {
      for (const [method, url, body] of [
        ['POST', '/news', input],
        ['PUT', `/news/${(await createDraft()).id}`, { ...input, version: 1 }]
      ] as const) {
        const { status, body: answer } = await desk.send(method, url, desk.editor, body)
        expect(status).toBe(400)
        expect(answer.error).toMatchObject({ code: 'INVALID_FIELD', field, message })
        expect(answer.error.problems).toContainEqual({ field, message })
      }
    })

    it('lists every problem of a body at once', async () => {
      const { body } = await desk.send('POST', '/news', desk.editor, draftInput({ title: '', summary: '', blocks: [{ type: 'heading', text: '' }] }))
      expect(body.error.problems.map((problem: { field: string }) => problem.field)).toEqual(['title', 'summary', 'blocks.0.text'])
    })

    it.each([
      ['an unknown block type', blocksWith({ type: 'video', src: '/media/a.mp4' }), /^参数 blocks 无效：正文应为块的列表/],
      ['raw HTML in a block (an unknown field)', blocksWith({ type: 'paragraph', text: '正文', html: '<script>alert(1)</script>' }), /^未知参数：html$/],
      ['a block field of another type', blocksWith({ type: 'heading', text: '小标题', src: '/media/a.jpg' }), /^未知参数：src$/],
      ['a status set by the body', { ...draftInput(), status: 'published' }, /^未知参数：status$/],
      ['an unknown category', draftInput({ category: '娱乐' as NewsInput['category'] }), /^参数 category 无效：栏目应为 思想引领、/],
      ['a missing field', (({ blocks: _blocks, ...rest }) => rest)(draftInput()), /^参数 blocks 无效/]
    ])('refuses %s by the shape check, naming it', async (_case, input, message) => {
      const { status, body } = await desk.send('POST', '/news', desk.editor, input)
      expect(status).toBe(400)
      expect(body.error.message).toMatch(message)
    })

    it('needs the version with a save', async () => {
      const draft = await createDraft()
      const { status, body } = await desk.send('PUT', `/news/${draft.id}`, desk.editor, draftInput())
      expect(status).toBe(400)
      expect(body.error.message).toBe('参数 version 无效：应为打开编辑时读到的版本号（正整数）')
    })
  })

  it('takes a withdrawn article out of the 首页 featured items that point at it, and back when published again', async () => {
    const featuredIds = async () => (await workerHome()).featured.map((item) => item.id)
    expect(await featuredIds()).toContain('featured-blueprint')
    const article = (await getJson<StaffNewsArticle>(desk.app, '/api/staff/news/blueprint-15th', desk.editor.headers)).body
    const withdrawn = await desk.send('POST', '/news/blueprint-15th/unpublish', desk.editor, { version: article.version })
    expect(withdrawn.status).toBe(200)
    expect(await featuredIds()).not.toContain('featured-blueprint')
    await publish(withdrawn.body)
    expect(await featuredIds()).toContain('featured-blueprint')
  })

  it('saves the longest article the limits allow (100 paragraphs of 5000 characters)', async () => {
    const blocks = Array.from({ length: 100 }, (_, index) => ({ type: 'paragraph' as const, text: `第${index}段`.padEnd(5000, '职') }))
    const article = await createDraft({ blocks })
    expect(article.blocks).toHaveLength(100)
    const { status } = await desk.send('PUT', `/news/${article.id}`, desk.editor, { ...draftInput({ blocks }), version: article.version })
    expect(status).toBe(200)
  })

  it('records every change in the audit log, with the article before and after', async () => {
    const at = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * MINUTE)
    desk.clock = at(1)
    const draft = await createDraft({ title: '审计用动态' })
    desk.clock = at(2)
    const edited = await desk.send('PUT', `/news/${draft.id}`, desk.zhangSan, { ...draftInput({ title: '审计用动态（改）' }), version: 1 })
    desk.clock = at(3)
    const conflict = await desk.send('PUT', `/news/${draft.id}`, desk.liSi, { ...draftInput({ title: '不会保存' }), version: 1 })
    expect(conflict.status).toBe(409)
    desk.clock = at(4)
    const published = await publish(edited.body, '2026-11-30T09:00:00+08:00', desk.liSi)
    desk.clock = at(5)
    const withdrawn = await desk.send('POST', `/news/${draft.id}/unpublish`, desk.editor, { version: published.version })

    const entries = await desk.auditOf('news', draft.id)
    expect(entries.map((entry) => [entry.action, entry.staffName, entry.summary])).toEqual([
      ['create', '王编辑', '新建动态《审计用动态》'],
      ['update', '张三', '修改动态《审计用动态（改）》'],
      ['publish', '李四', '定时发布动态《审计用动态（改）》（2026年11月30日 09:00）'],
      ['unpublish', '王编辑', '撤下动态《审计用动态（改）》']
    ])
    expect(entries.map((entry) => entry.at)).toEqual([at(1), at(2), at(4), at(5)].map((date) => date.toISOString()))
    expect(entries[0].staffId).toBe(desk.editor.staff.id)
    expect(entries[0].before).toBeNull()
    expect(entries[0].after).toEqual(draft)
    expect(entries[1].before).toEqual(draft)
    expect(entries[1].after).toEqual(edited.body)
    expect(entries[2].before).toEqual(edited.body)
    expect(entries[2].after).toEqual(published)
    expect(entries[3].before).toEqual(published)
    expect(entries[3].after).toEqual(withdrawn.body)
  })

  it('finds a published article by a word of its body, follows edits, and never finds drafts', async () => {
    const word = '峪口蜂蜜品鉴会'
    const search = async (keyword: string) => ids((await workerList(`?q=${encodeURIComponent(keyword)}`)).items)
    const draft = await createDraft({ blocks: [{ type: 'paragraph', text: `本周末在${word}上，职工代表交流了养蜂技术。` }] })
    expect(await search(word)).toEqual([])

    const published = await publish(draft)
    expect(await search(word)).toEqual([draft.id])

    const replaced = '石城镇采摘节'
    await desk.send('PUT', `/news/${draft.id}`, desk.editor, {
      ...draftInput({ blocks: [{ type: 'quote', text: `${replaced}圆满结束`, cite: '区总工会' }] }),
      version: published.version
    })
    expect(await search(word)).toEqual([])
    expect(await search(replaced)).toEqual([draft.id])
  })
})
