/**
 * TypeBox schemas of the staff session and account routes (types in src/domain/staff.ts).
 * Body schemas only bound the shape and size; the rules a staffer can break (name pattern, password policy, empty
 * roles) are checked by the shared validators and answered as 400 INVALID_FIELD naming the field, the way the pages
 * show them. Each `description` is what a 400 from the schema itself says after 「参数 x 无效：」.
 */
import { Type, type Static } from '@sinclair/typebox'
import {
  PASSWORD_MAX_LENGTH,
  STAFF_ROLES,
  type AccountChangeRequest,
  type LoginRequest,
  type LoginResponse,
  type NewAccountRequest,
  type PasswordChangeRequest,
  type StaffAccount,
  type StaffMe
} from '@/domain'
import { StringEnum, closed } from '../core/schemas/common'
import type { AllTrue, Same } from '../core/schemas/common'

/** What a body may carry before the policy looks at it: longer input only costs hashing time. */
const MAX_PASSWORD_INPUT = PASSWORD_MAX_LENGTH * 4
const MAX_NAME_INPUT = 64
export const DISPLAY_NAME_MAX_LENGTH = 32

const rolesDescription = `应为 ${STAFF_ROLES.join('、')} 中的一个或几个`

export const StaffRolesSchema = Type.Array(StringEnum(STAFF_ROLES), { maxItems: STAFF_ROLES.length * 2, description: rolesDescription })

export const StaffMeSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(StringEnum(STAFF_ROLES))
})

export const StaffAccountSchema = Type.Object({
  ...StaffMeSchema.properties,
  disabled: Type.Boolean(),
  createdAt: Type.String(),
  lastLoginAt: Type.Optional(Type.String())
})

export const LoginRequestSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: MAX_NAME_INPUT, description: '请填写账号' }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_INPUT, description: '请填写密码' })
  },
  closed
)

export const LoginResponseSchema = Type.Object({
  token: Type.String(),
  expiresAt: Type.String(),
  staff: StaffMeSchema
})

export const PasswordChangeRequestSchema = Type.Object(
  {
    currentPassword: Type.String({ maxLength: MAX_PASSWORD_INPUT, description: '请填写当前密码' }),
    newPassword: Type.String({ maxLength: MAX_PASSWORD_INPUT, description: `请填写新密码（最多 ${PASSWORD_MAX_LENGTH} 个字符）` })
  },
  closed
)

export const NewAccountRequestSchema = Type.Object(
  {
    name: Type.String({ maxLength: MAX_NAME_INPUT, description: '账号，2–32 个字符：汉字、小写字母、数字或 _ . -' }),
    displayName: Type.String({ maxLength: MAX_NAME_INPUT, description: `姓名，最多 ${DISPLAY_NAME_MAX_LENGTH} 个字` }),
    roles: StaffRolesSchema,
    password: Type.String({ maxLength: MAX_PASSWORD_INPUT, description: `密码，最多 ${PASSWORD_MAX_LENGTH} 个字符` })
  },
  closed
)

export const AccountChangeRequestSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ maxLength: MAX_NAME_INPUT, description: `姓名，最多 ${DISPLAY_NAME_MAX_LENGTH} 个字` })),
    roles: Type.Optional(StaffRolesSchema),
    disabled: Type.Optional(Type.Boolean({ description: '应为 true（停用）或 false（启用）' }))
  },
  closed
)

export const PasswordResetRequestSchema = Type.Object(
  { password: Type.String({ maxLength: MAX_PASSWORD_INPUT, description: `新密码，最多 ${PASSWORD_MAX_LENGTH} 个字符` }) },
  closed
)

export const AccountIdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$', description: '应为账号编号' }) }, closed)

/**
 * Errors of these routes: besides code and message, what the staff pages act on — the field of a 400
 * INVALID_FIELD with all its problems, the end of a login lockout. (The serializer drops what a schema does not list.)
 */
export const StaffErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    problems: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    until: Type.Optional(Type.String())
  })
})

export const staffErrorResponses = { '4xx': StaffErrorSchema, '5xx': StaffErrorSchema }

/** A 204 has no body. */
export const NoContent = Type.Null({ description: '无内容' })

// ——— Schema ⇄ domain type agreement, checked by `tsc` ———

export type StaffSchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof StaffMeSchema>, StaffMe>,
    Same<Static<typeof StaffAccountSchema>, StaffAccount>,
    Same<Static<typeof LoginRequestSchema>, LoginRequest>,
    Same<Static<typeof LoginResponseSchema>, LoginResponse>,
    Same<Static<typeof PasswordChangeRequestSchema>, PasswordChangeRequest>,
    Same<Static<typeof NewAccountRequestSchema>, NewAccountRequest>,
    Same<Static<typeof AccountChangeRequestSchema>, AccountChangeRequest>
  ]
>
