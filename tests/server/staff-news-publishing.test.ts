/**
 * Publishing news through the editors' API, and what workers then see: a publication shows at once, or exactly at
 * its scheduled instant (the cached answers follow the clock); a withdrawal removes it from the list, 首页 and its
 * page. Runs on SQLite, and on PostgreSQL when one is reachable (TEST_DATABASE_URL, as in postgres.test.ts).
 */
import type { NewsSummary, Page } from '@/domain'
import { testDatabases } from './support/databases'
import { draftInput, ids, newsDesk } from './support/news-desk'
import { useStaffDesk } from './support/staff-desk'
import { FIXED_NOW, getJson, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const databases = testDatabases('miyun_staff_news_publishing')

describe.each(databases)('staff news publishing on $name', ({ setUp }) => {
  const desk = useStaffDesk(setUp, 'miyun-staff-news-publishing-')

  const { createDraft, publish, workerList, workerHome, workerDetail } = newsDesk(desk)

  describe('publishing', () => {
    it('publishes now: the article is at once on the worker list, 首页 and its detail page', async () => {
      const before = await getJson(desk.app, '/api/news')
      await workerHome()
      const draft = await createDraft({ title: '即时发布的动态' })
      const published = await publish(draft)
      expect(published).toMatchObject({ status: 'published', version: 2, publishedAt: FIXED_NOW.toISOString(), updatedBy: '王编辑' })

      const after = await getJson<Page<NewsSummary>>(desk.app, '/api/news', { 'if-none-match': before.response.headers.etag as string })
      expect(after.status).toBe(200)
      expect(ids(after.body.items)).toContain(draft.id)
      // Newest of the unpinned ones: right after the pinned articles.
      expect(after.body.items.find((item) => !item.pinned)?.id).toBe(draft.id)
      expect(ids((await workerHome()).news)).toContain(draft.id)

      const detail = await workerDetail(draft.id)
      expect(detail.status).toBe(200)
      expect(detail.body).toMatchObject({ id: draft.id, title: '即时发布的动态', blocks: draftInput().blocks, publishedAt: FIXED_NOW.toISOString() })
      expect(detail.body).not.toHaveProperty('status')
      expect(detail.body).not.toHaveProperty('version')
    })

    it('schedules a publication: workers see it exactly from its instant, not a millisecond before', async () => {
      const draft = await createDraft({ title: '定时发布的动态' })
      const at = '2026-11-25T09:00:00+08:00'
      const scheduled = await publish(draft, at)
      expect(scheduled).toMatchObject({ status: 'published', publishedAt: '2026-11-25T01:00:00.000Z' })

      expect((await workerDetail(draft.id)).status).toBe(404)
      expect(ids((await workerList()).items)).not.toContain(draft.id)

      desk.clock = new Date(Date.parse(at) - 1)
      expect((await workerDetail(draft.id)).status).toBe(404)
      expect(ids((await workerHome()).news)).not.toContain(draft.id)

      desk.clock = new Date(Date.parse(at))
      expect((await workerDetail(draft.id)).status).toBe(200)
      expect(ids((await workerList()).items)).toContain(draft.id)
      expect(ids((await workerHome()).news)).toContain(draft.id)
    })

    it('refuses a publication time that is not an instant', async () => {
      const draft = await createDraft()
      const { status, body } = await desk.send('POST', `/news/${draft.id}/publish`, desk.editor, { version: 1, at: '明天上午' })
      expect(status).toBe(400)
      expect(body.error).toMatchObject({ code: 'INVALID_FIELD', field: 'at', message: '发布时间格式无效' })
      expect((await getJson(desk.app, `/api/staff/news/${draft.id}`, desk.editor.headers)).body.status).toBe('draft')
    })

    it('withdraws an article: gone from the list, 首页 and the detail page (404)', async () => {
      const published = await publish(await createDraft({ title: '将被撤下的动态' }))
      expect((await workerDetail(published.id)).status).toBe(200)
      expect(ids((await workerHome()).news)).toContain(published.id)

      const { status, body } = await desk.send('POST', `/news/${published.id}/unpublish`, desk.editor, { version: published.version })
      expect(status).toBe(200)
      expect(body).toMatchObject({ status: 'withdrawn', version: published.version + 1 })

      const detail = await getJson(desk.app, `/api/news/${published.id}`)
      expect(detail.status).toBe(404)
      expect(detail.body.error.message).toBe('未找到该文章')
      expect(ids((await workerList()).items)).not.toContain(published.id)
      expect(ids((await workerHome()).news)).not.toContain(published.id)

      // Withdrawing twice is refused, with the stored version.
      const again = await desk.send('POST', `/news/${published.id}/unpublish`, desk.editor, { version: body.version })
      expect(again.status).toBe(409)
      expect(again.body.error).toMatchObject({ code: 'NOT_PUBLISHED', current: { version: body.version } })
    })

    it('withdrawing a scheduled article cancels it', async () => {
      const scheduled = await publish(await createDraft(), '2026-11-24T12:00:00+08:00')
      await desk.send('POST', `/news/${scheduled.id}/unpublish`, desk.editor, { version: scheduled.version })
      desk.clock = new Date('2026-11-24T13:00:00+08:00')
      expect((await workerDetail(scheduled.id)).status).toBe(404)
    })

    it('puts a pinned article first on the worker list', async () => {
      const pinned = await publish(await createDraft({ title: '置顶通知', category: '通知公告', pinned: true }))
      const list = await workerList()
      expect(list.items[0].id).toBe(pinned.id)
      expect(list.items[0].pinned).toBe(true)
      expect((await workerHome()).news[0].id).toBe(pinned.id)

      // Unpinning is an edit like any other.
      const { body } = await desk.send('PUT', `/news/${pinned.id}`, desk.editor, {
        ...draftInput({ title: '置顶通知', category: '通知公告', pinned: false }),
        version: pinned.version
      })
      expect(body.pinned).toBe(false)
      expect((await workerList()).items[0].id).not.toBe(pinned.id)
    })
  })
})
