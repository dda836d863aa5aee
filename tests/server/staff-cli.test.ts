/**
 * `npm run staff`: the command line run as a child process (tsx, as the npm script runs it) against a temp DATA_DIR,
 * then the API built on the same folder, the way a deployment creates its first administrator.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import type { App } from '@server/app'
import { COMMON_PASSWORD_MESSAGE } from '@server/core/auth/password-policy'
import { REPO_ROOT } from '@server/core/config'
import { buildTestApp, makeTempDir, removeTempDirs } from './support/test-app'

const PASSWORD = '密云-工会-管理员-口令-2026'
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx')
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'staff.ts')

const dataDir = makeTempDir('miyun-staff-cli-')

/** The tests that start the CLI several times: each run starts tsx afresh (1–3 s, more on a busy 2-core machine). */
const SEVERAL_RUNS_TIMEOUT_MS = 90_000

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** stdin is a pipe, never a terminal, as under CI or a deploy script. */
function staffCli(args: string[], env: Record<string, string> = {}, input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    // Only what the CLI reads: a developer's DATABASE_URL or STAFF_PASSWORD must not leak in.
    const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, ...env }
    const child = spawn(TSX, [SCRIPT, ...args], { cwd: REPO_ROOT, env: childEnv as NodeJS.ProcessEnv })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

let app: App | undefined

afterAll(async () => {
  await app?.close()
  removeTempDirs()
})

describe('npm run staff', () => {
  it('adds an administrator who can then log in through the API', async () => {
    const run = await staffCli(['add', 'GuanLi', '--role', 'admin', '--role=editor', '--display-name', '赵管理'], { STAFF_PASSWORD: PASSWORD })
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(run.stdout).toContain('已创建账号 guanli（赵管理），角色：编辑、管理员')
    expect(run.stdout).toContain(path.join(dataDir, 'miyun.sqlite'))
    expect(run.stdout).not.toContain(PASSWORD)

    app = buildTestApp({ dataDir, now: () => new Date() })
    const login = await app.inject({ method: 'POST', url: '/api/staff/session', payload: { name: 'guanli', password: PASSWORD } })
    expect(login.statusCode).toBe(200)
    expect(login.json().staff).toMatchObject({ name: 'guanli', displayName: '赵管理', roles: ['editor', 'admin'] })

    const audit = await app.inject({ method: 'GET', url: '/api/staff/audit', headers: { authorization: `Bearer ${login.json().token}` } })
    expect(audit.json().items).toEqual([
      expect.objectContaining({ staffId: 'cli', staffName: '命令行', action: 'create', summary: '新建账号 guanli（赵管理）' })
    ])
    expect(audit.body).not.toMatch(/scrypt|hash/i)
    await app.close()
    app = undefined
  })

  it('refuses a weak password', async () => {
    const run = await staffCli(['add', 'ruomima', '--role', 'editor'], { STAFF_PASSWORD: 'password1234' })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`STAFF_PASSWORD 不符合要求：${COMMON_PASSWORD_MESSAGE}`)
  })

  it('refuses to go on without a password when stdin is not a terminal', async () => {
    const run = await staffCli(['add', 'meimima', '--role', 'editor'], {}, `${PASSWORD}\n${PASSWORD}\n`)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('未设置环境变量 STAFF_PASSWORD，且标准输入不是终端')
  })

  it('refuses a name already taken', async () => {
    const run = await staffCli(['add', 'guanli', '--role', 'editor'], { STAFF_PASSWORD: '另一个-足够长的-口令-9' })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('账号「guanli」已被使用')
  })

  it(
    'lists, disables, enables and resets, with the same rules as the admin pages',
    async () => {
      expect((await staffCli(['add', 'wangbianji', '--role', 'editor', '--display-name', '王编辑'], { STAFF_PASSWORD: PASSWORD })).code).toBe(0)

      const list = await staffCli(['list'])
      expect(list.code).toBe(0)
      expect(list.stdout).toMatch(/guanli\s+赵管理\s+编辑、管理员\s+启用\s+\d{4}年/)
      expect(list.stdout).toMatch(/wangbianji\s+王编辑\s+编辑\s+启用\s+从未登录/)

      const lastAdmin = await staffCli(['disable', 'guanli'])
      expect(lastAdmin.code).toBe(1)
      expect(lastAdmin.stderr).toContain('这是最后一个启用的管理员账号，不能停用')

      expect(await staffCli(['disable', 'wangbianji'])).toMatchObject({ code: 0, stdout: expect.stringContaining('已停用账号 wangbianji（王编辑）') })
      expect((await staffCli(['list'])).stdout).toMatch(/wangbianji\s+王编辑\s+编辑\s+已停用/)
      expect(await staffCli(['enable', 'wangbianji'])).toMatchObject({ code: 0, stdout: expect.stringContaining('已启用账号 wangbianji') })

      expect((await staffCli(['reset-password', 'wangbianji'], { STAFF_PASSWORD: 'wangbianji-newpass-1' })).stderr).toContain('密码不能包含账号名')
      const reset = await staffCli(['reset-password', 'wangbianji'], { STAFF_PASSWORD: '白河-峡谷-徒步-2027' })
      expect(reset).toMatchObject({ code: 0, stdout: expect.stringContaining('已重置账号 wangbianji（王编辑）的密码') })

      app = buildTestApp({ dataDir, now: () => new Date() })
      expect(
        (await app.inject({ method: 'POST', url: '/api/staff/session', payload: { name: 'wangbianji', password: '白河-峡谷-徒步-2027' } })).statusCode
      ).toBe(200)
      const missing = await staffCli(['enable', 'nobody'])
      expect(missing.code).toBe(1)
      expect(missing.stderr).toContain('未找到账号 nobody')
    },
    SEVERAL_RUNS_TIMEOUT_MS
  )

  it(
    'explains its usage and exits 2 on a wrong command line',
    async () => {
      for (const args of [[], ['bogus'], ['add', 'x1'], ['add', 'renming', '--role', 'boss'], ['disable']]) {
        const run = await staffCli(args)
        expect(run.code).toBe(2)
        expect(run.stderr).toContain('用法：')
      }
    },
    SEVERAL_RUNS_TIMEOUT_MS
  )
})
