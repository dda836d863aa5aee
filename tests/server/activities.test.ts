/**
 * Activities as workers read them, through HTTP: the list (everything still to come first, by event start; ended and
 * called-off ones last), the kind and 「可报名」 filters, paging, the detail page and its 404, the status following the
 * clock through the answer cache, and what the sign-up part reads of an activity or a competition.
 */
import { ACTIVITY_KINDS, isOpenForSignup, type Activity, type ActivitySummary, type Page } from '@/domain'
import type { App } from '@server/app'
import { findActivityEvent } from '@server/activities/repository'
import { activityToRow } from '@server/activities/rows'
import { findCompetitionEvent } from '@server/competitions/repository'
import { seedActivities } from '@server/activities/seed-data'
import { seedContent } from '@server/seed-content'
import { FIXED_NOW, buildTestApp, getJson } from './support/test-app'

const ms = (iso: string) => Date.parse(iso)

let app: App
let clock: Date

beforeAll(async () => {
  clock = FIXED_NOW
  app = buildTestApp({ now: () => clock })
  await app.ready()
})

afterAll(async () => {
  await app.close()
})

beforeEach(() => {
  clock = FIXED_NOW
})

const list = (query = '') => getJson<Page<ActivitySummary>>(app, `/api/activities${query}`)

describe('the activity list', () => {
  it('puts what is still to come first, the soonest to start first, then the ended ones, the latest first', async () => {
    const { status, body } = await list()
    expect(status).toBe(200)
    expect(body).toMatchObject({ page: 1, total: seedActivities.length, hasMore: false })
    const over = (item: ActivitySummary) => item.status === 'ended' || item.cancelled !== undefined
    const firstOver = body.items.findIndex(over)
    expect(firstOver).toBeGreaterThan(0)
    const coming = body.items.slice(0, firstOver)
    const ended = body.items.slice(firstOver)
    expect(ended.every(over)).toBe(true)
    expect(coming.map((item) => item.status)).not.toContain('ended')
    for (let i = 1; i < coming.length; i++) expect(ms(coming[i - 1].eventStartsAt)).toBeLessThanOrEqual(ms(coming[i].eventStartsAt))
    for (let i = 1; i < ended.length; i++) expect(ms(ended[i - 1].eventStartsAt)).toBeGreaterThanOrEqual(ms(ended[i].eventStartsAt))
    expect(ended.map((item) => item.id)).toEqual(['fitness-lecture'])
    // A list row carries what a card shows, not the article.
    expect(body.items[0]).not.toHaveProperty('blocks')
    expect(body.items[0]).not.toHaveProperty('eligibility')
  })

  it('has sample activities open for sign-up, one with 3 places, upcoming ones and an ended one at the first start', async () => {
    const { body } = await list()
    const statuses = body.items.map((item) => item.status)
    expect(statuses.filter((status) => status === 'signup').length).toBeGreaterThanOrEqual(4)
    expect(statuses).toContain('upcoming')
    expect(statuses).toContain('ended')
    expect(body.items.find((item) => item.id === 'taiji-class')).toMatchObject({ status: 'signup', capacity: 3 })
    expect(body.items.every((item) => item.sample && item.sampleNote)).toBe(true)
  })

  it('filters by kind', async () => {
    for (const kind of ACTIVITY_KINDS) {
      const { status, body } = await list(`?kind=${kind}`)
      expect(status).toBe(200)
      expect(body.items.map((item) => item.id).sort()).toEqual(
        seedActivities
          .filter((item) => item.kind === kind)
          .map((item) => item.id)
          .sort()
      )
    }
    expect((await list('?kind=craftsman')).body.items.map((item) => item.id)).toEqual(['new-media-course', 'homestay-course'])
  })

  it('「可报名」 (open=1) lists only those a worker can sign up for now, with a kind too', async () => {
    const { body } = await list('?open=1')
    expect(body.items.length).toBeGreaterThanOrEqual(4)
    expect(body.items.every(isOpenForSignup)).toBe(true)
    expect(body.total).toBe(body.items.length)
    const all = (await list()).body.items
    expect(body.items.map((item) => item.id)).toEqual(all.filter(isOpenForSignup).map((item) => item.id))
    expect((await list('?open=1&kind=craftsman')).body.items.map((item) => item.id)).toEqual(['new-media-course'])
  })

  it('refuses an unknown kind, an open other than 1 and unknown parameters, naming them', async () => {
    const refused = (query: string) => getJson<{ error: { code: string; message: string } }>(app, `/api/activities${query}`)
    const kind = await refused('?kind=party')
    expect(kind.status).toBe(400)
    expect(kind.body.error.message).toContain('kind')
    expect(kind.body.error.message).toContain('women-class（女职工流动课堂）')
    const open = await refused('?open=yes')
    expect(open.status).toBe(400)
    expect(open.body.error.message).toContain('open')
    const unknown = await refused('?status=signup')
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatchObject({ code: 'UNKNOWN_PARAMETER' })
    expect((await list('?page=0')).status).toBe(400)
  })

  it('pages 20 at a time with the total, each activity once', async () => {
    const template = seedActivities[0]
    const extra = Array.from({ length: 15 }, (_, index) => ({ ...template, id: `paging-${String(index).padStart(2, '0')}`, title: `分页活动 ${index}` }))
    await app.db.insertInto('activities').values(extra.map(activityToRow)).execute()
    try {
      const total = seedActivities.length + extra.length
      const first = await list('?page=1')
      expect(first.body).toMatchObject({ page: 1, pageSize: 20, total, hasMore: true })
      expect(first.body.items).toHaveLength(20)
      const second = await list('?page=2')
      expect(second.body).toMatchObject({ page: 2, total, hasMore: false })
      expect(second.body.items).toHaveLength(total - 20)
      const ids = [...first.body.items, ...second.body.items].map((item) => item.id)
      expect(new Set(ids).size).toBe(total)
      expect((await list('?page=9')).body).toMatchObject({ items: [], total, hasMore: false })
    } finally {
      await app.db.deleteFrom('activities').where('id', 'like', 'paging-%').execute()
    }
  })

  it('follows the clock through the answer cache: sign-up opens, and an activity ends', async () => {
    const homestay = seedActivities.find((item) => item.id === 'homestay-course')!
    const before = await list('?open=1')
    expect(before.body.items.map((item) => item.id)).not.toContain('homestay-course')
    clock = new Date(ms(homestay.signupStartsAt))
    const opened = await getJson<Page<ActivitySummary>>(app, '/api/activities?open=1', { 'if-none-match': before.response.headers.etag as string })
    expect(opened.status).toBe(200)
    expect(opened.body.items.map((item) => item.id)).toContain('homestay-course')

    const baduanjin = seedActivities.find((item) => item.id === 'baduanjin-class')!
    clock = new Date(ms(baduanjin.eventEndsAt) + 1)
    expect((await getJson<Activity>(app, '/api/activities/baduanjin-class')).body.status).toBe('ended')
    const items = (await list()).body.items
    expect(items.findIndex((item) => item.id === 'baduanjin-class')).toBeGreaterThan(items.findIndex((item) => item.id === 'homestay-course'))
  })
})

describe('an activity page', () => {
  it('shows the activity with its article, who may join and the contact', async () => {
    const { status, body } = await getJson<Activity>(app, '/api/activities/yoga-class')
    expect(status).toBe(200)
    const seeded = seedActivities.find((item) => item.id === 'yoga-class')!
    expect(body).toMatchObject({
      id: 'yoga-class',
      kind: 'sports',
      title: seeded.title,
      place: '果园街道职工之家',
      stationCode: 'R4T8WD',
      capacity: 20,
      womenOnly: false,
      reviewRequired: false,
      eligibility: seeded.eligibility,
      blocks: seeded.blocks,
      contact: { name: '职工服务热线', phone: '12351' },
      status: 'signup',
      signupStartsAt: new Date(seeded.signupStartsAt).toISOString(),
      sample: true
    })
    expect(body).not.toHaveProperty('cancelled')
    expect(body).not.toHaveProperty('version')
    expect((await getJson<Activity>(app, '/api/activities/women-class')).body).toMatchObject({ womenOnly: true, kind: 'women-class' })
  })

  it('answers 404 with a message for an unknown activity and 400 for an id that cannot be one', async () => {
    const missing = await getJson(app, '/api/activities/no-such-activity')
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({ error: { code: 'NOT_FOUND', message: '未找到该活动' } })
    expect((await getJson(app, '/api/activities/Not_An_Id')).status).toBe(400)
    expect((await getJson(app, '/api/activities/yoga-class?x=1')).status).toBe(400)
  })
})

describe('what the sign-up part reads of an event', () => {
  it('reads an activity as a SignupEvent', async () => {
    const seeded = seedActivities.find((item) => item.id === 'new-media-course')!
    expect(await findActivityEvent(app.db, 'new-media-course')).toEqual({
      type: 'activity',
      id: 'new-media-course',
      title: seeded.title,
      place: seeded.place,
      dates: {
        signupStartsAt: new Date(seeded.signupStartsAt).toISOString(),
        signupEndsAt: new Date(seeded.signupEndsAt).toISOString(),
        eventStartsAt: new Date(seeded.eventStartsAt).toISOString(),
        eventEndsAt: new Date(seeded.eventEndsAt).toISOString()
      },
      capacity: 40,
      reviewRequired: true,
      cancelled: false,
      extraFields: []
    })
    expect(await findActivityEvent(app.db, 'no-such-activity')).toBeUndefined()
  })

  it('reads a competition as a SignupEvent: its quota (none: no limit), trade and years asked', async () => {
    expect(await findCompetitionEvent(app.db, 'housekeeping-2026')).toMatchObject({
      type: 'competition',
      id: 'housekeeping-2026',
      place: seedContent.competitions.find((item) => item.id === 'housekeeping-2026')!.venue,
      capacity: 120,
      reviewRequired: false,
      cancelled: false,
      extraFields: ['trade', 'years']
    })
    expect((await findCompetitionEvent(app.db, 'catering-2025'))?.capacity).toBeNull()
    expect(await findCompetitionEvent(app.db, 'no-such-contest')).toBeUndefined()
  })
})
