/**
 * `npm run staff -- <command>`: staff accounts from the server's own shell. This is how the first administrator is
 * made — there is no default account and no default password anywhere — and how an administrator who is locked out
 * of the app gets back in.
 *
 * Same database as the server (loadConfig: DATA_DIR or DATABASE_URL), same migrations, same rules as the admin
 * pages (server/auth/accounts.ts), and every change is in the audit log under 「命令行」.
 *
 * Passwords come from STAFF_PASSWORD (for scripts) or are typed twice on the terminal without echo; never from an
 * argument, which would sit in the shell history and in every process listing.
 */
import path from 'node:path'
import { formatDateTime, normaliseStaffName, ROLE_LABELS, STAFF_ROLES, staffNameProblem, type StaffRole } from '@/domain'
import { CLI_ACTOR, changeAccount, createAccount, resetPassword } from '@server/accounts/accounts'
import { newPasswordProblem } from '@server/core/auth/password-policy'
import { ConfigError, loadConfig, type Config } from '@server/core/config'
import { SQLITE_FILENAME } from '@server/core/db/create-db'
import type { Db } from '@server/core/db/database'
import { createStaffRepository, staffAccountFromRow, type StaffRow } from '@server/accounts/repository'
import { HttpError } from '@server/core/errors'
import { runMain, withDatabase } from './cli'

const EXIT_FAILED = 1
const EXIT_USAGE = 2
const EXIT_CANCELLED = 130

const USAGE = `用法：
  npm run staff -- add <账号> --role <角色> [--role <角色>…] [--display-name <姓名>]
  npm run staff -- list
  npm run staff -- disable <账号>
  npm run staff -- enable <账号>
  npm run staff -- reset-password <账号>

角色：${STAFF_ROLES.map((role) => `${role}（${ROLE_LABELS[role]}）`).join('、')}
密码：取自环境变量 STAFF_PASSWORD；未设置时在终端输入两次（不显示）。
数据库：与服务器相同（DATA_DIR 或 DATABASE_URL）。
退出码：0 成功；1 未完成（如密码太弱、账号已存在、找不到账号）；2 用法错误；130 已取消。`

/** A failure with its message for the terminal and the exit code. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILED
  ) {
    super(message)
  }
}

const usageError = (message: string) => new CliError(`${message}\n\n${USAGE}`, EXIT_USAGE)

interface Parsed {
  command: string
  names: string[]
  roles: StaffRole[]
  displayName?: string
}

function parseArguments(args: string[]): Parsed {
  const [command, ...rest] = args
  if (!command || command === '--help' || command === '-h' || command === 'help') throw new CliError(USAGE, command ? 0 : EXIT_USAGE)
  const parsed: Parsed = { command, names: [], roles: [] }
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index]
    const [flag, inline] = argument.startsWith('--') ? argument.split(/=(.*)/s, 2) : [argument, undefined]
    const value = () => {
      const next = inline ?? rest[++index]
      if (next === undefined || next === '') throw usageError(`${flag} 后面缺少值`)
      return next
    }
    if (flag === '--role') {
      for (const role of value()
        .split(',')
        .map((item) => item.trim())) {
        if (!(STAFF_ROLES as readonly string[]).includes(role)) throw usageError(`未知角色：${role}`)
        parsed.roles.push(role as StaffRole)
      }
    } else if (flag === '--display-name') {
      parsed.displayName = value()
    } else if (flag.startsWith('-')) {
      throw usageError(`未知选项：${flag}`)
    } else {
      parsed.names.push(argument)
    }
  }
  return parsed
}

function oneName(parsed: Parsed): string {
  if (parsed.names.length !== 1) throw usageError(`${parsed.command} 需要一个账号名`)
  if (parsed.roles.length > 0 || parsed.displayName !== undefined) throw usageError(`${parsed.command} 不接受 --role 或 --display-name`)
  return normaliseStaffName(parsed.names[0])
}

// ——— reading a password ———

/** Reads one line from the terminal in raw mode, echoing nothing. */
function askHidden(prompt: string): Promise<string> {
  const input = process.stdin
  // Raw mode before the prompt: keys typed the moment it appears must not be echoed by the terminal.
  input.setEncoding('utf8')
  input.setRawMode(true)
  process.stderr.write(prompt)
  return new Promise((resolve, reject) => {
    let value = ''
    const finish = (error?: CliError) => {
      input.removeListener('data', onData)
      input.setRawMode(false)
      input.pause()
      process.stderr.write('\n')
      if (error) reject(error)
      else resolve(value)
    }
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish()
        if (char === '\u0003') return finish(new CliError('已取消', EXIT_CANCELLED))
        if (char === '\u0004') return value === '' ? finish(new CliError('已取消', EXIT_CANCELLED)) : finish()
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('')
        else if (char >= ' ') value += char
      }
    }
    input.resume()
    input.on('data', onData)
  })
}

const MAX_TRIES = 3

async function newPassword(who: { name: string; displayName: string }): Promise<string> {
  const fromEnv = process.env.STAFF_PASSWORD
  if (fromEnv) {
    const problem = newPasswordProblem(fromEnv, who)
    if (problem) throw new CliError(`STAFF_PASSWORD 不符合要求：${problem}`)
    return fromEnv
  }
  if (!process.stdin.isTTY) {
    throw new CliError('没有可用的密码：未设置环境变量 STAFF_PASSWORD，且标准输入不是终端，无法输入密码。请在终端中运行，或设置 STAFF_PASSWORD。')
  }
  for (let attempt = 1; attempt <= MAX_TRIES; attempt += 1) {
    const password = await askHidden(`请输入账号 ${who.name} 的新密码（不显示）：`)
    const problem = newPasswordProblem(password, who)
    if (problem) {
      process.stderr.write(`${problem}\n`)
      continue
    }
    if ((await askHidden('请再输入一次：')) === password) return password
    process.stderr.write('两次输入的密码不一致\n')
  }
  throw new CliError(`${MAX_TRIES} 次都未设好密码，已放弃`)
}

// ——— commands ———

function where(config: Config): string {
  return config.databaseUrl ? 'PostgreSQL（DATABASE_URL）' : path.join(config.dataDir, SQLITE_FILENAME)
}

async function findAccount(db: Db, name: string): Promise<StaffRow> {
  const row = await createStaffRepository(db).findByName(name)
  if (!row) throw new CliError(`未找到账号 ${name}（可用 npm run staff -- list 查看全部账号）`)
  return row
}

const rolesText = (roles: readonly StaffRole[]) => roles.map((role) => ROLE_LABELS[role]).join('、')

/** Display width in a terminal: CJK characters take two columns. */
function pad(text: string, width: number): string {
  const columns = [...text].reduce(
    (sum, char) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1),
    0
  )
  return text + ' '.repeat(Math.max(1, width - columns))
}

async function run(parsed: Parsed, db: Db, config: Config): Promise<string> {
  const staff = createStaffRepository(db)
  switch (parsed.command) {
    case 'add': {
      if (parsed.names.length !== 1) throw usageError('add 需要一个账号名')
      if (parsed.roles.length === 0) throw usageError('add 需要至少一个 --role')
      const name = normaliseStaffName(parsed.names[0])
      const displayName = (parsed.displayName ?? name).trim()
      // Checked before the password is asked for: nobody types a password twice to learn the name was wrong.
      const nameProblem = staffNameProblem(name)
      if (nameProblem) throw new CliError(nameProblem)
      if (await staff.findByName(name)) throw new CliError(`账号「${name}」已被使用，请换一个`)
      const password = await newPassword({ name, displayName })
      const account = await createAccount(db, CLI_ACTOR, { name, displayName, roles: parsed.roles, password }, new Date())
      return `已创建账号 ${account.name}（${account.displayName}），角色：${rolesText(account.roles)}。数据库：${where(config)}`
    }
    case 'list': {
      if (parsed.names.length > 0 || parsed.roles.length > 0 || parsed.displayName !== undefined) throw usageError('list 不接受参数')
      const rows = await staff.list()
      if (rows.length === 0) return `还没有工作人员账号。先创建管理员：npm run staff -- add <账号> --role admin --display-name <姓名>\n数据库：${where(config)}`
      const lines = rows
        .map(staffAccountFromRow)
        .map((account) =>
          [
            pad(account.name, 20),
            pad(account.displayName, 14),
            pad(rolesText(account.roles), 22),
            pad(account.disabled ? '已停用' : '启用', 8),
            account.lastLoginAt ? formatDateTime(account.lastLoginAt) : '从未登录'
          ].join('')
        )
      return [[pad('账号', 20), pad('姓名', 14), pad('角色', 22), pad('状态', 8), '最近登录'].join(''), ...lines].join('\n')
    }
    case 'disable':
    case 'enable': {
      const row = await findAccount(db, oneName(parsed))
      const disable = parsed.command === 'disable'
      if ((row.disabled === 1) === disable) return `账号 ${row.name}（${row.display_name}）已是${disable ? '停用' : '启用'}状态，未作改动`
      const account = await changeAccount(db, CLI_ACTOR, row.id, { disabled: disable }, new Date())
      return disable ? `已停用账号 ${account.name}（${account.displayName}），它的登录已全部结束` : `已启用账号 ${account.name}（${account.displayName}）`
    }
    case 'reset-password': {
      const row = await findAccount(db, oneName(parsed))
      const password = await newPassword({ name: row.name, displayName: row.display_name })
      await resetPassword(db, CLI_ACTOR, row.id, password, new Date())
      return `已重置账号 ${row.name}（${row.display_name}）的密码，它的登录已全部结束`
    }
    default:
      throw usageError(`未知命令：${parsed.command}`)
  }
}

/** A rule the account broke, as the admin pages would show it: every problem, one a line. */
function messageOf(error: HttpError): string {
  const problems = error.details.problems as { message: string }[] | undefined
  return problems && problems.length > 1 ? problems.map((problem) => problem.message).join('\n') : error.message
}

async function main(): Promise<number> {
  let parsed: Parsed
  let config: Config
  try {
    parsed = parseArguments(process.argv.slice(2))
    config = loadConfig()
  } catch (error) {
    if (error instanceof CliError) {
      ;(error.exitCode === 0 ? process.stdout : process.stderr).write(`${error.message}\n`)
      return error.exitCode
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      return EXIT_FAILED
    }
    throw error
  }

  try {
    return await withDatabase(config, async (db) => {
      process.stdout.write(`${await run(parsed, db, config)}\n`)
      return 0
    })
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`)
      return error.exitCode
    }
    if (error instanceof HttpError) {
      process.stderr.write(`${messageOf(error)}\n`)
      return EXIT_FAILED
    }
    process.stderr.write(`出错了：${error instanceof Error ? error.message : String(error)}\n`)
    return EXIT_FAILED
  }
}

runMain(main)
