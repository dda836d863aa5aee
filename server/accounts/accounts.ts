/**
 * Changes to staff accounts, one set of rules for the admin routes and the `npm run staff` command line:
 * the name and password policies, at least one role, never without an enabled administrator, sessions ended when
 * an account is disabled or its password replaced, and an audit record in the same transaction as each change
 * (before and after are StaffAccount objects: never a hash, never a password).
 *
 * Passwords are hashed before a transaction opens: with SQLite a transaction holds the only connection, and a
 * 0.3 s hash inside it would stall every worker's request.
 */
import { accountKey } from '../core/auth/login-throttle'
import {
  normaliseStaffName,
  STAFF_ROLES,
  staffNameProblem,
  type AccountChangeRequest,
  type FieldProblem,
  type NewAccountRequest,
  type StaffAccount,
  type StaffMe,
  type StaffRole
} from '@/domain'
import { recordAudit } from '../core/audit'
import type { Db } from '../core/db/database'
import { createStaffRepository, staffAccountFromRow, type StaffRow } from './repository'
import { invalidFields, notFound, refuseInvalidFields } from '../core/errors'
import { DISPLAY_NAME_MAX_LENGTH } from './schema'
import { SCRYPT_COST, hashPassword, type PasswordCost } from '../core/auth/passwords'
import { newPasswordProblem } from '../core/auth/password-policy'
import { takesRowLocks, transaction } from '../core/db/transaction'

/** Who made a change, as the audit log names them. */
export type Actor = Pick<StaffMe, 'id' | 'displayName'>

/** The audit log's name for changes made with `npm run staff` on the server itself. */
export const CLI_ACTOR: Actor = { id: 'cli', displayName: '命令行' }

export const ACCOUNT_NOT_FOUND = '未找到该账号'
export const LAST_ADMIN_DISABLE = '这是最后一个启用的管理员账号，不能停用：请先让另一个账号成为管理员'
export const LAST_ADMIN_ROLE = '这是最后一个启用的管理员账号，不能去掉管理员角色：请先让另一个账号成为管理员'

const label = (row: Pick<StaffRow, 'name' | 'display_name'>) => `${row.name}（${row.display_name}）`

function displayNameProblem(displayName: string): string | undefined {
  if (displayName.trim().length === 0) return '请填写姓名'
  const length = [...displayName.trim()].length
  if (length > DISPLAY_NAME_MAX_LENGTH) return `姓名不能超过 ${DISPLAY_NAME_MAX_LENGTH} 字（现 ${length} 字）`
  return undefined
}

/** In the order of STAFF_ROLES, each once. */
function cleanRoles(roles: StaffRole[]): StaffRole[] {
  return STAFF_ROLES.filter((role) => roles.includes(role))
}

function nameTaken(name: string): FieldProblem {
  return { field: 'name', message: `账号「${name}」已被使用，请换一个` }
}

/** SQLite and PostgreSQL each have their own word for a duplicate key. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505'
}

const isActiveAdmin = (row: Pick<StaffRow, 'disabled' | 'roles'>) => row.disabled === 0 && (JSON.parse(row.roles) as StaffRole[]).includes('admin')

async function findOrFail(db: Db, id: string): Promise<StaffRow> {
  const row = await createStaffRepository(db).findById(id)
  if (!row) throw notFound(ACCOUNT_NOT_FOUND)
  return row
}

export async function createAccount(db: Db, actor: Actor, request: NewAccountRequest, now: Date, cost: PasswordCost = SCRYPT_COST): Promise<StaffAccount> {
  const name = normaliseStaffName(request.name)
  const displayName = request.displayName.trim()
  const roles = cleanRoles(request.roles)
  const problems: FieldProblem[] = []
  const nameProblem = staffNameProblem(name)
  if (nameProblem) problems.push({ field: 'name', message: nameProblem })
  const displayProblem = displayNameProblem(displayName)
  if (displayProblem) problems.push({ field: 'displayName', message: displayProblem })
  if (roles.length === 0) problems.push({ field: 'roles', message: '请至少选择一个角色' })
  const passwordProblem = newPasswordProblem(request.password, { name, displayName })
  if (passwordProblem) problems.push({ field: 'password', message: passwordProblem })
  if (!nameProblem && (await createStaffRepository(db).findByName(name))) problems.unshift(nameTaken(name))
  refuseInvalidFields(problems)

  const passwordHash = await hashPassword(request.password, cost)
  try {
    return await transaction(db, async (trx) => {
      const row = await createStaffRepository(trx).create({ name, displayName, roles, passwordHash }, now)
      const account = staffAccountFromRow(row)
      await recordAudit(trx, {
        staff: actor,
        action: 'create',
        entity: 'staff',
        entityId: row.id,
        summary: `新建账号 ${label(row)}`,
        before: null,
        after: account,
        at: now
      })
      return account
    })
  } catch (error) {
    // Two admins creating the same name at once: the database's unique index decides.
    if (isUniqueViolation(error)) throw invalidFields([nameTaken(name)])
    throw error
  }
}

/**
 * Every enabled account, and the one being changed, is locked for the rest of the transaction, so two admins
 * removing each other's admin role at the same moment cannot both pass the last-admin check. The rows are locked in
 * one fixed order (by id) by every change: locked in whatever order a table scan met them, two concurrent changes
 * each held a row the other wanted and PostgreSQL ended one with a deadlock (40P01). SQLite has one writer anyway.
 */
async function lockEnabledAccounts(trx: Db, id: string): Promise<void> {
  if (!takesRowLocks(trx)) return
  await trx
    .selectFrom('staff')
    .select('id')
    .where((where) => where.or([where('disabled', '=', 0), where('id', '=', id)]))
    .orderBy('id')
    .forNoKeyUpdate()
    .execute()
}

export async function changeAccount(db: Db, actor: Actor, id: string, change: AccountChangeRequest, now: Date): Promise<StaffAccount> {
  const problems: FieldProblem[] = []
  const displayName = change.displayName?.trim()
  if (displayName !== undefined) {
    const problem = displayNameProblem(displayName)
    if (problem) problems.push({ field: 'displayName', message: problem })
  }
  const roles = change.roles === undefined ? undefined : cleanRoles(change.roles)
  if (roles !== undefined && roles.length === 0) problems.push({ field: 'roles', message: '请至少选择一个角色' })
  refuseInvalidFields(problems)

  return transaction(db, async (trx) => {
    const staff = createStaffRepository(trx)
    await lockEnabledAccounts(trx, id)
    const before = await findOrFail(trx, id)
    const rolesBefore = cleanRoles(JSON.parse(before.roles) as StaffRole[])
    const next = {
      display_name: displayName ?? before.display_name,
      roles: JSON.stringify(roles ?? rolesBefore),
      disabled: change.disabled === undefined ? before.disabled : change.disabled ? 1 : 0
    }
    const changed = {
      displayName: next.display_name !== before.display_name,
      roles: next.roles !== JSON.stringify(rolesBefore),
      disabled: next.disabled !== before.disabled
    }
    if (!changed.displayName && !changed.roles && !changed.disabled) return staffAccountFromRow(before)

    if (isActiveAdmin(before) && !isActiveAdmin(next) && (await staff.countActiveAdmins()) <= 1) {
      throw invalidFields([next.disabled === 1 ? { field: 'disabled', message: LAST_ADMIN_DISABLE } : { field: 'roles', message: LAST_ADMIN_ROLE }])
    }

    await staff.update(
      id,
      {
        ...(changed.displayName ? { displayName: next.display_name } : {}),
        ...(changed.roles ? { roles: JSON.parse(next.roles) as StaffRole[] } : {}),
        ...(changed.disabled ? { disabled: next.disabled === 1 } : {})
      },
      now
    )
    // A disabled account's sessions end now, not at their next request.
    if (changed.disabled && next.disabled === 1) await staff.revokeSessionsOf(id)
    const after = await findOrFail(trx, id)

    const action = changed.disabled ? (next.disabled === 1 ? 'disable' : 'enable') : 'update'
    const what = [changed.displayName ? '姓名' : '', changed.roles ? '角色' : ''].filter(Boolean).join('、')
    const verb = action === 'disable' ? '停用账号' : action === 'enable' ? '启用账号' : '修改账号'
    await recordAudit(trx, {
      staff: actor,
      action,
      entity: 'staff',
      entityId: id,
      summary: `${verb} ${label(after)}${what ? `（改了${what}）` : ''}`,
      before: staffAccountFromRow(before),
      after: staffAccountFromRow(after),
      at: now
    })
    return staffAccountFromRow(after)
  })
}

/**
 * An administrator sets a new password for an account (a forgotten password, a departing staffer's shared one).
 * Every session of the account ends, except the one making the request when an admin resets their own.
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  id: string,
  password: string,
  now: Date,
  keepSessionTokenHash?: string,
  cost: PasswordCost = SCRYPT_COST
): Promise<void> {
  const target = await findOrFail(db, id)
  const problem = newPasswordProblem(password, { name: target.name, displayName: target.display_name })
  if (problem) throw invalidFields([{ field: 'password', message: problem }])
  const passwordHash = await hashPassword(password, cost)
  await transaction(db, async (trx) => {
    const staff = createStaffRepository(trx)
    const before = await findOrFail(trx, id)
    await staff.update(id, { passwordHash }, now)
    await staff.revokeSessionsOf(id, actor.id === id ? keepSessionTokenHash : undefined)
    // A reset is how a locked-out staffer gets back in: the account's lock and failures go with the old password.
    await trx.deleteFrom('login_lockouts').where('key', '=', accountKey(before.name)).execute()
    await trx.deleteFrom('login_failures').where('key', '=', accountKey(before.name)).execute()
    const account = staffAccountFromRow(before)
    await recordAudit(trx, {
      staff: actor,
      action: 'reset-password',
      entity: 'staff',
      entityId: id,
      summary: `重置账号 ${label(before)}的密码`,
      before: account,
      after: account,
      at: now
    })
  })
}

/** A staffer replaces their own password; their other sessions (another phone, a forgotten desk) end. */
export async function changeOwnPassword(
  db: Db,
  staffId: string,
  newPassword: string,
  now: Date,
  currentTokenHash: string,
  cost: PasswordCost = SCRYPT_COST
): Promise<void> {
  const passwordHash = await hashPassword(newPassword, cost)
  await transaction(db, async (trx) => {
    const staff = createStaffRepository(trx)
    const before = await findOrFail(trx, staffId)
    await staff.update(staffId, { passwordHash }, now)
    await staff.revokeSessionsOf(staffId, currentTokenHash)
    const account = staffAccountFromRow(before)
    await recordAudit(trx, {
      staff: { id: before.id, displayName: before.display_name },
      action: 'change-password',
      entity: 'staff',
      entityId: staffId,
      summary: `${label(before)} 修改了自己的密码`,
      before: account,
      after: account,
      at: now
    })
  })
}
