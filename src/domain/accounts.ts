/**
 * Staff accounts and sessions: roles, the shapes of the account and login API, and the rules for names and
 * passwords that a phone can check before sending (the server adds its common-password list). No Taro import.
 */
import type { IsoDateTime } from './dates'
import { checkText, collector } from './validation'

/** editor 编辑: posts and manages content · handler 经办: handles workers' requests · admin 管理员: staff accounts, and all. */
export const STAFF_ROLES = ['editor', 'handler', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const ROLE_LABELS: Record<StaffRole, string> = { editor: '编辑', handler: '经办', admin: '管理员' }

/** An administrator can do everything; otherwise the staffer needs one of the roles. */
export function hasRole(roles: readonly StaffRole[], wanted: readonly StaffRole[]): boolean {
  return roles.includes('admin') || wanted.some((role) => roles.includes(role))
}

export interface StaffMe {
  id: string
  /** Login name. */
  name: string
  displayName: string
  roles: StaffRole[]
}

export interface StaffAccount extends StaffMe {
  disabled: boolean
  createdAt: IsoDateTime
  lastLoginAt?: IsoDateTime
}

export interface LoginRequest {
  name: string
  password: string
}

export interface LoginResponse {
  /** Opaque; sent back as `Authorization: Bearer <token>`, never in a URL. */
  token: string
  /** The absolute end of the session (12 h after login); it also ends after 30 minutes without a request. */
  expiresAt: IsoDateTime
  staff: StaffMe
}

export interface NewAccountRequest {
  name: string
  displayName: string
  roles: StaffRole[]
  password: string
}

export interface AccountChangeRequest {
  displayName?: string
  roles?: StaffRole[]
  disabled?: boolean
}

export interface PasswordChangeRequest {
  currentPassword: string
  newPassword: string
}

export const SESSION_IDLE_MINUTES = 30
export const SESSION_ABSOLUTE_HOURS = 12
export const LOGIN_FAILURES_ALLOWED = 5
export const LOGIN_FAILURE_WINDOW_SECONDS = 60
export const LOGIN_LOCKOUT_MINUTES = 15

export const STAFF_NAME_PATTERN = '^[a-z0-9_.\\-\\u4e00-\\u9fff]{2,32}$'
const staffNamePattern = new RegExp(STAFF_NAME_PATTERN)
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128
/** The person's name as colleagues read it in the audit log, e.g. 「张三」. */
export const DISPLAY_NAME_MAX_LENGTH = 32

/** Login names are compared in lower case: 「ZhangSan」 and 「zhangsan」 are one account. */
export function normaliseStaffName(name: string): string {
  return name.trim().toLowerCase()
}

export function staffNameProblem(name: string): string | undefined {
  if (!staffNamePattern.test(normaliseStaffName(name))) {
    return '账号需为 2–32 个字符：汉字、小写字母、数字或 _ . -'
  }
  return undefined
}

/** 「请填写姓名」 or 「姓名不能超过 32 字（现 33 字）」; the name is stored without the spaces around it. */
export function displayNameProblem(displayName: string): string | undefined {
  const { problems, check } = collector()
  checkText(check, 'displayName', '姓名', displayName.trim(), { required: true, max: DISPLAY_NAME_MAX_LENGTH })
  return problems[0]?.message
}

/** The rules a phone can check without the server's common-password list. */
export function passwordShapeProblem(raw: string): string | undefined {
  // Checked in the form that is hashed (server/auth/passwords.ts): 「e」 + a combining accent is one character.
  const password = raw.normalize('NFKC')
  if ([...password].length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`
  if ([...password].length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`
  if (/^(.)\1*$/u.test(password)) return '密码不能由同一个字符重复组成'
  return undefined
}
