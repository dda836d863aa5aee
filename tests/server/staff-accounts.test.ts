/**
 * Staff accounts and the audit log, as an administrator uses them, through HTTP on a real database file.
 */
import type { LightMyRequestResponse } from 'fastify'
import type { App } from '@server/app'
import { LAST_ADMIN_DISABLE, LAST_ADMIN_ROLE } from '@server/accounts/accounts'
import { COMMON_PASSWORD_MESSAGE } from '@server/core/auth/password-policy'
import { recordAudit } from '@server/core/audit'
import type { AuditEntry, StaffAccount } from '@/domain'
import { FIXED_NOW, buildTestApp, makeTempDir, removeTempDirs } from './support/test-app'
import { TEST_PASSWORD, createStaffer, sessionFor, staffSession, type TestStaffer } from './support/staff'

const NEW_PASSWORD = '古北水镇-夜游-长城-88'
let clock = FIXED_NOW
/** Audit entries are ordered by time: each change in these tests happens a second after the one before. */
const tick = () => {
  clock = new Date(clock.getTime() + 1000)
}

let app: App
let admin: TestStaffer

function call(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, as: TestStaffer = admin) {
  tick()
  return app.inject({ method, url: `/api/staff${url}`, headers: as.headers, ...(payload === undefined ? {} : { payload: payload as object }) })
}

function expectFieldError(response: LightMyRequestResponse, field: string, message: string) {
  expect(response.statusCode).toBe(400)
  expect(response.json().error).toMatchObject({ code: 'INVALID_FIELD', field, message })
}

async function auditOf(entityId?: string): Promise<AuditEntry[]> {
  const response = await call('GET', `/audit?entity=staff${entityId ? `&entityId=${entityId}` : ''}`)
  expect(response.statusCode).toBe(200)
  return response.json().items
}

async function newAccount(body: { name: string; displayName?: string; roles?: string[]; password?: string }): Promise<StaffAccount> {
  const response = await call('POST', '/accounts', { displayName: '测试员', roles: ['editor'], password: NEW_PASSWORD, ...body })
  expect(response.statusCode).toBe(201)
  return response.json()
}

function login(name: string, password: string) {
  return app.inject({ method: 'POST', url: '/api/staff/session', payload: { name, password }, remoteAddress: `192.0.2.${Math.floor(Math.random() * 250) + 1}` })
}

beforeAll(async () => {
  app = buildTestApp({ dataDir: makeTempDir('miyun-staff-accounts-'), now: () => clock })
  await app.ready()
  admin = await staffSession(app, ['admin'], { name: 'guanli', displayName: '赵管理' })
})

afterAll(async () => {
  await app.close()
  removeTempDirs()
})

describe('accounts', () => {
  it('lists every account without password hashes', async () => {
    const response = await call('GET', '/accounts')
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.json()).toEqual([
      { id: admin.staff.id, name: 'guanli', displayName: '赵管理', roles: ['admin'], disabled: false, createdAt: FIXED_NOW.toISOString() }
    ])
    expect(response.body).not.toMatch(/scrypt|hash|password/i)
  })

  it('creates an account that can log in, and audits it', async () => {
    const response = await call('POST', '/accounts', {
      name: ' LiuBianJi ',
      displayName: ' 刘编辑 ',
      roles: ['handler', 'editor', 'editor'],
      password: NEW_PASSWORD
    })
    expect(response.statusCode).toBe(201)
    const account: StaffAccount = response.json()
    expect(account).toEqual({
      id: expect.any(String),
      name: 'liubianji',
      displayName: '刘编辑',
      roles: ['editor', 'handler'],
      disabled: false,
      createdAt: clock.toISOString()
    })
    expect((await login('liubianji', NEW_PASSWORD)).json().staff).toEqual({
      id: account.id,
      name: 'liubianji',
      displayName: '刘编辑',
      roles: ['editor', 'handler']
    })

    const [entry] = await auditOf(account.id)
    expect(entry).toEqual({
      id: expect.any(String),
      at: account.createdAt,
      staffId: admin.staff.id,
      staffName: '赵管理',
      action: 'create',
      entity: 'staff',
      entityId: account.id,
      summary: '新建账号 liubianji（刘编辑）',
      before: null,
      after: account
    })
  })

  it('names every field that breaks a rule', async () => {
    const response = await call('POST', '/accounts', { name: 'A', displayName: '  ', roles: [], password: 'password1234' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toEqual({
      code: 'INVALID_FIELD',
      message: '账号需为 2–32 个字符：汉字、小写字母、数字或 _ . -',
      field: 'name',
      problems: [
        { field: 'name', message: '账号需为 2–32 个字符：汉字、小写字母、数字或 _ . -' },
        { field: 'displayName', message: '请填写姓名' },
        { field: 'roles', message: '请至少选择一个角色' },
        { field: 'password', message: COMMON_PASSWORD_MESSAGE }
      ]
    })
    expectFieldError(
      await call('POST', '/accounts', { name: 'duanmima', displayName: '短密码', roles: ['editor'], password: 'short-1' }),
      'password',
      '密码至少 12 个字符'
    )
    expectFieldError(
      await call('POST', '/accounts', { name: 'hanming', displayName: '韩明', roles: ['editor'], password: 'hanming-2026-密云' }),
      'password',
      '密码不能包含账号名'
    )
    const unknownRole = await call('POST', '/accounts', { name: 'juese', displayName: '角色', roles: ['boss'], password: NEW_PASSWORD })
    expect(unknownRole.statusCode).toBe(400)
    expect(unknownRole.json().error.message).toBe('参数 roles 无效：应为 editor、handler、admin 中的一个或几个')
    const extra = await call('POST', '/accounts', { name: 'duoyu', displayName: '多余', roles: ['editor'], password: NEW_PASSWORD, passwordHash: 'x' })
    expect(extra.json().error).toEqual({ code: 'UNKNOWN_PARAMETER', message: '未知参数：passwordHash', field: 'passwordHash' })
    expect((await call('GET', '/accounts')).json().map((account: StaffAccount) => account.name)).not.toEqual(
      expect.arrayContaining(['a', 'duanmima', 'hanming', 'juese', 'duoyu'])
    )
  })

  it('refuses a name already taken, whatever its case', async () => {
    await newAccount({ name: 'chongming' })
    expectFieldError(
      await call('POST', '/accounts', { name: 'ChongMing', displayName: '重名', roles: ['editor'], password: NEW_PASSWORD }),
      'name',
      '账号「chongming」已被使用，请换一个'
    )
  })

  it('changes the name shown and the roles, and audits before and after', async () => {
    const account = await newAccount({ name: 'gaijuese', displayName: '改角色' })
    const response = await call('PATCH', `/accounts/${account.id}`, { displayName: '高角色', roles: ['editor', 'admin'] })
    expect(response.statusCode).toBe(200)
    const changed: StaffAccount = response.json()
    expect(changed).toEqual({ ...account, displayName: '高角色', roles: ['editor', 'admin'] })

    const [entry] = await auditOf(account.id)
    expect(entry).toMatchObject({ action: 'update', summary: '修改账号 gaijuese（高角色）（改了姓名、角色）', before: account, after: changed })
    // Nothing to change: nothing written.
    expect((await call('PATCH', `/accounts/${account.id}`, { roles: ['admin', 'editor'] })).json()).toEqual(changed)
    expect(await auditOf(account.id)).toHaveLength(2)

    expectFieldError(await call('PATCH', `/accounts/${account.id}`, { roles: [] }), 'roles', '请至少选择一个角色')
    expectFieldError(await call('PATCH', `/accounts/${account.id}`, { displayName: '' }), 'displayName', '请填写姓名')
  })

  it('disables an account (its sessions end at once) and enables it again', async () => {
    const account = await newAccount({ name: 'tingyong' })
    const session = await sessionFor(app, account)
    expect((await call('GET', '/me', undefined, session)).statusCode).toBe(200)

    const disabled = await call('PATCH', `/accounts/${account.id}`, { disabled: true })
    expect(disabled.json()).toEqual({ ...account, disabled: true })
    expect((await call('GET', '/me', undefined, session)).statusCode).toBe(401)
    expect((await login('tingyong', NEW_PASSWORD)).statusCode).toBe(401)

    const enabled = await call('PATCH', `/accounts/${account.id}`, { disabled: false })
    expect(enabled.json()).toEqual({ ...account, disabled: false })
    expect((await login('tingyong', NEW_PASSWORD)).statusCode).toBe(200)

    const [enable, disable] = await auditOf(account.id)
    expect(disable).toMatchObject({ action: 'disable', summary: '停用账号 tingyong（测试员）', before: account, after: { ...account, disabled: true } })
    expect(enable).toMatchObject({ action: 'enable', summary: '启用账号 tingyong（测试员）', before: { ...account, disabled: true }, after: account })
  })

  it('resets a password: the policy applies, the sessions end, the audit has no password', async () => {
    const account = await newAccount({ name: 'chongzhi', displayName: '钟重置' })
    const session = await sessionFor(app, account)
    expectFieldError(await call('PUT', `/accounts/${account.id}/password`, { password: '52013145201314' }), 'password', COMMON_PASSWORD_MESSAGE)
    expectFieldError(await call('PUT', `/accounts/${account.id}/password`, { password: '钟重置的新密码-2026' }), 'password', '密码不能包含姓名')

    const reset = await call('PUT', `/accounts/${account.id}/password`, { password: '雾灵山-红叶-九月-2027' })
    expect(reset.statusCode).toBe(204)
    expect(reset.body).toBe('')
    expect((await call('GET', '/me', undefined, session)).statusCode).toBe(401)
    expect((await login('chongzhi', NEW_PASSWORD)).statusCode).toBe(401)
    expect((await login('chongzhi', '雾灵山-红叶-九月-2027')).statusCode).toBe(200)

    const [entry] = await auditOf(account.id)
    expect(entry).toMatchObject({ action: 'reset-password', summary: '重置账号 chongzhi（钟重置）的密码', before: account, after: account })
  })

  it('answers 404 for an account that does not exist', async () => {
    for (const response of [
      await call('PATCH', '/accounts/00000000-0000-4000-8000-000000000000', { disabled: true }),
      await call('PUT', '/accounts/00000000-0000-4000-8000-000000000000/password', { password: NEW_PASSWORD })
    ]) {
      expect(response.statusCode).toBe(404)
      expect(response.json().error).toEqual({ code: 'NOT_FOUND', message: '未找到该账号' })
    }
  })

  it('keeps the audit log free of password hashes and passwords', async () => {
    const all = await call('GET', '/audit')
    expect(all.json().total).toBeGreaterThan(5)
    expect(all.body).not.toMatch(/scrypt|hash/i)
    for (const password of [NEW_PASSWORD, TEST_PASSWORD, '雾灵山-红叶-九月-2027']) expect(all.body).not.toContain(password)
  })
})

describe('the last enabled administrator', () => {
  let guarded: App
  let only: TestStaffer
  const as = (staffer: TestStaffer, method: 'PATCH' | 'GET', url: string, payload?: unknown) =>
    guarded.inject({ method, url: `/api/staff${url}`, headers: staffer.headers, ...(payload === undefined ? {} : { payload: payload as object }) })

  beforeAll(async () => {
    guarded = buildTestApp({ now: () => FIXED_NOW })
    await guarded.ready()
    only = await staffSession(guarded, ['admin'], { name: 'weiyi', displayName: '唯一管理员' })
  })
  afterAll(() => guarded.close())

  it('cannot be disabled nor lose the role', async () => {
    expectFieldError(await as(only, 'PATCH', `/accounts/${only.staff.id}`, { disabled: true }), 'disabled', LAST_ADMIN_DISABLE)
    expectFieldError(await as(only, 'PATCH', `/accounts/${only.staff.id}`, { roles: ['editor'] }), 'roles', LAST_ADMIN_ROLE)
    // A disabled administrator does not count.
    const dormant = await createStaffer(guarded, { roles: ['admin'], name: 'xiumian' })
    expect((await as(only, 'PATCH', `/accounts/${dormant.id}`, { disabled: true })).statusCode).toBe(200)
    expectFieldError(await as(only, 'PATCH', `/accounts/${only.staff.id}`, { disabled: true }), 'disabled', LAST_ADMIN_DISABLE)
    expect((await as(only, 'GET', '/me')).json().roles).toEqual(['admin'])
  })

  it('can step down once another administrator is enabled', async () => {
    const next = await createStaffer(guarded, { roles: ['editor', 'admin'], name: 'jieren' })
    const stepDown = await as(only, 'PATCH', `/accounts/${only.staff.id}`, { roles: ['editor'] })
    expect(stepDown.statusCode).toBe(200)
    expect(stepDown.json().roles).toEqual(['editor'])
    // The change holds at once: the former admin's next request is an editor's.
    expect((await as(only, 'GET', '/accounts')).statusCode).toBe(403)
    const successor = await sessionFor(guarded, next)
    expectFieldError(await as(successor, 'PATCH', `/accounts/${next.id}`, { disabled: true }), 'disabled', LAST_ADMIN_DISABLE)
  })
})

describe('who may manage accounts', () => {
  it.each([['editor'], ['handler']] as const)('a staffer with only the %s role gets 403 everywhere here', async (role) => {
    const staffer = await staffSession(app, [role])
    const attempts = [
      await call('GET', '/accounts', undefined, staffer),
      await call('POST', '/accounts', { name: 'zijia', displayName: '自加', roles: ['admin'], password: NEW_PASSWORD }, staffer),
      await call('PATCH', `/accounts/${staffer.staff.id}`, { roles: ['admin'] }, staffer),
      await call('PUT', `/accounts/${admin.staff.id}/password`, { password: NEW_PASSWORD }, staffer),
      await call('GET', '/audit', undefined, staffer)
    ]
    for (const response of attempts) {
      expect(response.statusCode).toBe(403)
      expect(response.json().error).toEqual({ code: 'FORBIDDEN', message: '没有权限：此操作需要管理员角色' })
    }
    expect((await call('GET', '/me', undefined, staffer)).json().roles).toEqual([role])
  })

  it('nobody without a session gets anything', async () => {
    for (const [method, url] of [
      ['GET', '/accounts'],
      ['POST', '/accounts'],
      ['GET', '/audit']
    ] as const) {
      const response = await app.inject({ method, url: `/api/staff${url}` })
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('UNAUTHENTICATED')
    }
  })
})

describe('the audit log', () => {
  let audited: App
  let boss: TestStaffer
  const get = (url: string) => audited.inject({ method: 'GET', url: `/api/staff${url}`, headers: boss.headers })

  beforeAll(async () => {
    audited = buildTestApp({ now: () => FIXED_NOW })
    await audited.ready()
    boss = await staffSession(audited, ['admin'], { name: 'laoban', displayName: '老板' })
    // Written the way every change writes them; a second apart, oldest first.
    for (let index = 0; index < 22; index += 1) {
      await recordAudit(audited.db, {
        staff: boss.staff,
        action: 'update',
        entity: index === 5 ? 'news' : 'staff',
        entityId: `record-${index}`,
        summary: `第 ${index} 次修改`,
        before: { index },
        after: { index: index + 1 },
        at: new Date(FIXED_NOW.getTime() - (22 - index) * 1000)
      })
    }
  })
  afterAll(() => audited.close())

  it('pages newest first, 20 a page', async () => {
    const first = (await get('/audit')).json()
    expect(first).toMatchObject({ page: 1, pageSize: 20, total: 22, hasMore: true })
    expect(first.items).toHaveLength(20)
    expect(first.items[0]).toEqual({
      id: expect.any(String),
      at: new Date(FIXED_NOW.getTime() - 1000).toISOString(),
      staffId: boss.staff.id,
      staffName: '老板',
      action: 'update',
      entity: 'staff',
      entityId: 'record-21',
      summary: '第 21 次修改',
      before: { index: 21 },
      after: { index: 22 }
    })
    const second = (await get('/audit?page=2')).json()
    expect(second).toMatchObject({ page: 2, total: 22, hasMore: false })
    expect(second.items.map((entry: AuditEntry) => entry.summary)).toEqual(['第 1 次修改', '第 0 次修改'])
  })

  it('filters by entity and record', async () => {
    expect((await get('/audit?entity=news')).json()).toMatchObject({ total: 1, items: [{ entityId: 'record-5', entity: 'news' }] })
    expect((await get('/audit?entity=staff')).json().total).toBe(21)
    expect((await get('/audit?entity=staff&entityId=record-7')).json()).toMatchObject({ total: 1, items: [{ summary: '第 7 次修改' }] })
    expect((await get('/audit?entity=competition')).json()).toMatchObject({ items: [], total: 0, hasMore: false })
  })

  it('explains bad parameters', async () => {
    expect((await get('/audit?page=0')).json().error.message).toMatch(/^参数 page 无效：应为 1 到/)
    expect((await get('/audit?entity=people')).json().error.message).toMatch(/^参数 entity 无效：应为 news、/)
    expect((await get('/audit?who=me')).json().error).toEqual({ code: 'UNKNOWN_PARAMETER', message: '未知参数：who', field: 'who' })
  })
})
