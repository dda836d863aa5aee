/**
 * The set-up both staff API suites share: an app on one of the test databases with a clock the test moves, three
 * staffers (编辑 王编辑, 编辑 张三, 管理员 李四) with live sessions, and `send` for JSON writes to /api/staff.
 * Call inside a describe: it registers that describe's hooks.
 */
import type { StaffMe } from '../../../src/domain/staff'
import type { App } from '../../../server/app'
import type { TestDatabase } from './databases'
import { createStaffer, sessionFor, type TestStaffer } from './staff'
import { FIXED_NOW, buildTestApp, makeTempDir } from './test-app'

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
  send(method: 'POST' | 'PUT', url: string, staffer: TestStaffer | undefined, payload: unknown): Promise<{ response: Awaited<ReturnType<App['inject']>>; status: number; body: any }>
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
