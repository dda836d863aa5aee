/**
 * The set-up the staff API suites share: an app on one of the test databases with a clock the test moves, three
 * staffers (编辑 王编辑, 编辑 张三, 管理员 李四) with live sessions, `send` for JSON writes to /api/staff, `get` for
 * reads, a record's audit trail, and what workers see after a change.
 * Call inside a describe: it registers that describe's hooks.
 */
import type { AuditEntry, StaffMe } from '@/domain'
import type { App } from '@server/app'
import { auditEntryFromRow } from '@server/core/audit'
import type { TestDatabase } from './databases'
import { createStaffer, sessionFor, type TestStaffer } from './staff'
import { FIXED_NOW, buildTestApp, getJson, makeTempDir } from './test-app'

export interface StaffDesk {
  app: App
  /** What the app's clock reads; each test starts at FIXED_NOW. */
  clock: Date
  staff: { editor: StaffMe; zhangSan: StaffMe; liSi: StaffMe }
  editor: TestStaffer
  zhangSan: TestStaffer
  liSi: TestStaffer
  /** Sessions end after 30 idle minutes: a test that moves the clock further opens new ones. */
  openSessions(): Promise<void>
  send(
    method: 'POST' | 'PUT',
    url: string,
    staffer: TestStaffer | undefined,
    payload: unknown
  ): Promise<{ response: Awaited<ReturnType<App['inject']>>; status: number; body: any }>
  /** GET /api/staff<url> as `staffer` (the editor by default), which must answer 200. */
  get<T>(url: string, staffer?: TestStaffer): Promise<T>
  /** The audit records of one record, oldest first. */
  auditOf(entity: string, entityId: string): Promise<AuditEntry[]>
  /**
   * A worker answer fetched before a change and asked for again after it with its ETag: the change must come back
   * as a fresh 200 at once, not as 304 from the answer cache.
   */
  workerAfterChange<T>(url: string, change: () => Promise<unknown>): Promise<T>
}

/** A 409 EDIT_CONFLICT with the message and the stored version the editor page shows. */
export function expectConflict(answer: { status: number; body: any }, message: string, current: object): void {
  expect(answer.status).toBe(409)
  expect(answer.body).toEqual({ error: { code: 'EDIT_CONFLICT', message, current } })
}

export function useStaffDesk(setUp: TestDatabase['setUp'], dataDirPrefix: string): StaffDesk {
  let tearDown: (() => Promise<void>) | undefined
  const desk = {
    clock: FIXED_NOW,
    async openSessions() {
      ;[desk.editor, desk.zhangSan, desk.liSi] = await Promise.all([
        sessionFor(desk.app, desk.staff.editor),
        sessionFor(desk.app, desk.staff.zhangSan),
        sessionFor(desk.app, desk.staff.liSi)
      ])
    },
    async send(method: 'POST' | 'PUT', url: string, staffer: TestStaffer | undefined, payload: unknown) {
      const response = await desk.app.inject({ method, url: `/api/staff${url}`, headers: staffer?.headers ?? {}, payload: payload as object })
      return { response, status: response.statusCode, body: response.json() }
    },
    async get<T>(url: string, staffer: TestStaffer = desk.editor): Promise<T> {
      const { status, body } = await getJson<T>(desk.app, `/api/staff${url}`, staffer.headers)
      expect(status).toBe(200)
      return body
    },
    async auditOf(entity: string, entityId: string) {
      const rows = await desk.app.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', entity)
        .where('entity_id', '=', entityId)
        .orderBy('at')
        .orderBy('id')
        .execute()
      return rows.map(auditEntryFromRow)
    },
    async workerAfterChange<T>(url: string, change: () => Promise<unknown>): Promise<T> {
      const before = await getJson(desk.app, url)
      expect(before.status).toBe(200)
      await change()
      const after = await getJson<T>(desk.app, url, { 'if-none-match': before.response.headers.etag as string })
      expect(after.status).toBe(200)
      return after.body
    }
  } as StaffDesk

  beforeAll(async () => {
    const database = await setUp()
    tearDown = database.tearDown
    desk.clock = FIXED_NOW
    desk.app = buildTestApp({ dataDir: makeTempDir(dataDirPrefix), env: database.env, now: () => desk.clock })
    await desk.app.ready()
    desk.staff = {
      editor: await createStaffer(desk.app, { roles: ['editor'], displayName: '王编辑' }),
      zhangSan: await createStaffer(desk.app, { roles: ['editor'], displayName: '张三' }),
      liSi: await createStaffer(desk.app, { roles: ['admin'], displayName: '李四' })
    }
  })

  afterAll(async () => {
    await desk.app?.close()
    await tearDown?.()
  })

  beforeEach(async () => {
    desk.clock = FIXED_NOW
    await desk.openSessions()
  })

  return desk
}
