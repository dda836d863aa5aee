/**
 * Sample events are dated relative to the database's first start: whenever it is installed, a fresh database has
 * activities open for sign-up (one with 3 places), some upcoming and one ended, and competitions in every status.
 * Once written the dates stay: a later start of the same database keeps them.
 */
import { COMPETITION_STATUSES, beijing, type ActivitySummary, type CompetitionSummary, type Page } from '@/domain'
import { seedActivities } from '@server/activities/seed-data'
import { ACTIVITIES_SEEDED_MARKER } from '@server/activities/seed'
import { SEEDED_MARKER } from '@server/core/db/seeded-at'
import { FIXED_NOW, buildTestApp, getJson, makeTempDir, removeTempDirs } from './support/test-app'

afterAll(removeTempDirs)

const DAY = 24 * 60 * 60 * 1000
const clockTime = (iso: string) => beijing(iso).format('HH:mm')

async function firstPageOf<T>(app: ReturnType<typeof buildTestApp>, url: string): Promise<T[]> {
  const { status, body } = await getJson<Page<T>>(app, url)
  expect(status).toBe(200)
  return body.items
}

describe.each([
  // A year later, in the afternoon of another weekday; and before the reference day, early in the morning.
  { name: 'a year later', firstStart: new Date('2027-11-03T15:30:00+08:00'), days: 344, year: 2027 },
  { name: 'earlier in the year', firstStart: new Date('2026-03-01T07:45:00+08:00'), days: -268, year: 2026 }
])('a database first started $name', ({ firstStart, days, year }) => {
  const dataDir = makeTempDir('miyun-sample-dates-')
  let clock = firstStart
  let app: ReturnType<typeof buildTestApp>

  beforeAll(async () => {
    app = buildTestApp({ dataDir, now: () => clock })
    await app.ready()
  })

  afterAll(async () => {
    await app.close()
  })

  it('has activities open for sign-up, one with 3 places, upcoming ones and one ended', async () => {
    const items = await firstPageOf<ActivitySummary>(app, '/api/activities')
    expect(items).toHaveLength(seedActivities.length)
    const statuses = items.map((item) => item.status)
    expect(statuses.filter((status) => status === 'signup').length).toBeGreaterThanOrEqual(4)
    expect(statuses).toContain('upcoming')
    expect(statuses).toContain('ended')
    expect(items.find((item) => item.id === 'taiji-class')).toMatchObject({ status: 'signup', capacity: 3 })
    expect((await firstPageOf<ActivitySummary>(app, '/api/activities?open=1')).length).toBeGreaterThanOrEqual(4)
  })

  it('moves every sample date by whole days from the reference, keeping its Beijing clock time', async () => {
    for (const seeded of seedActivities) {
      const { body } = await getJson<ActivitySummary>(app, `/api/activities/${seeded.id}`)
      expect(Date.parse(body.signupStartsAt) - Date.parse(seeded.signupStartsAt)).toBe(days * DAY)
      expect(Date.parse(body.eventEndsAt) - Date.parse(seeded.eventEndsAt)).toBe(days * DAY)
      expect(clockTime(body.eventStartsAt)).toBe(clockTime(seeded.eventStartsAt))
    }
  })

  it('has competitions in every status, sample titles in the year they take place, the 2025 contests as they were', async () => {
    for (const status of COMPETITION_STATUSES) {
      expect({ status, found: (await firstPageOf<CompetitionSummary>(app, `/api/competitions?status=${status}`)).length > 0 }).toEqual({ status, found: true })
    }
    const housekeeping = (await getJson<CompetitionSummary>(app, '/api/competitions/housekeeping-2026')).body
    expect(housekeeping.status).toBe('signup')
    expect(housekeeping.title).toBe(`${beijing(housekeeping.eventStartsAt).format('YYYY')}年密云区家政服务技能竞赛`)
    expect(Number(beijing(housekeeping.eventStartsAt).format('YYYY'))).toBeGreaterThanOrEqual(year)
    const reported = (await getJson<CompetitionSummary>(app, '/api/competitions/beekeeping-2025')).body
    expect(reported).toMatchObject({ title: '2025年“工匠杯”养蜂技能大赛', signupStartsAt: new Date('2025-04-21T09:00:00+08:00').toISOString() })
  })

  it('keeps the dates once written: a later start of the same database does not move them', async () => {
    const before = (await getJson<ActivitySummary>(app, '/api/activities/yoga-class')).body
    await app.close()
    clock = new Date(firstStart.getTime() + 400 * DAY)
    app = buildTestApp({ dataDir, now: () => clock })
    await app.ready()
    const after = (await getJson<ActivitySummary>(app, '/api/activities/yoga-class')).body
    expect(after).toEqual({ ...before, status: 'ended' })
    expect((await firstPageOf<ActivitySummary>(app, '/api/activities?open=1')).length).toBe(0)
  })
})

describe('a database an earlier release seeded, before there were activities', () => {
  it('gets the sample activities once on the upgrade, dated from then, and never again after staff remove one', async () => {
    const dataDir = makeTempDir('miyun-sample-upgrade-')
    let clock = FIXED_NOW
    let app = buildTestApp({ dataDir, now: () => clock })
    await app.ready()
    // What an earlier release left: its content and marker, no activities and no activity marker.
    await app.db.deleteFrom('activities').execute()
    await app.db.deleteFrom('meta').where('key', '=', ACTIVITIES_SEEDED_MARKER).execute()
    await app.close()

    const upgradeDays = 200
    clock = new Date(FIXED_NOW.getTime() + upgradeDays * DAY)
    app = buildTestApp({ dataDir, now: () => clock })
    try {
      const items = await firstPageOf<ActivitySummary>(app, '/api/activities?open=1')
      expect(items.length).toBeGreaterThanOrEqual(4)
      const yoga = (await getJson<ActivitySummary>(app, '/api/activities/yoga-class')).body
      const seeded = seedActivities.find((item) => item.id === 'yoga-class')!
      expect(Date.parse(yoga.signupStartsAt) - Date.parse(seeded.signupStartsAt)).toBe(upgradeDays * DAY)
      const seededAt = await app.db.selectFrom('meta').select('value').where('key', '=', SEEDED_MARKER).executeTakeFirstOrThrow()
      expect(seededAt.value).toBe(FIXED_NOW.toISOString())

      await app.db.deleteFrom('activities').where('id', '=', 'yoga-class').execute()
      await app.close()
      app = buildTestApp({ dataDir, now: () => clock })
      expect((await getJson(app, '/api/activities/yoga-class')).status).toBe(404)
    } finally {
      await app.close()
    }
  })
})
