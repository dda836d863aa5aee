/**
 * TypeBox schemas of the worker identity routes (/api/me…; types in src/domain/workers.ts). Each `description` is what
 * a 400 from the schema itself says after 「参数 x 无效：」.
 */
import { Type, type Static } from '@sinclair/typebox'
import {
  DEVICE_SECRET_PATTERN,
  WORKER_KINDS,
  type ConsentRequest,
  type SignupPrefill,
  type WorkerMe,
  type WorkerSessionRequest,
  type WorkerSessionResponse
} from '@/domain'
import { StringEnum, closed } from '../core/schemas/common'
import type { AllTrue, Same } from '../core/schemas/common'
import { FiniteInteger } from '../core/schemas/numbers'

export const SignupPrefillSchema = Type.Object({
  name: Type.String(),
  phone: Type.String(),
  employer: Type.String(),
  trade: Type.Optional(Type.String()),
  years: Type.Optional(Type.Number())
})

export const WorkerMeSchema = Type.Object({
  kind: StringEnum(WORKER_KINDS),
  consent: Type.Union([Type.Object({ version: Type.Integer(), agreedAt: Type.String() }), Type.Null()]),
  noticeVersion: Type.Integer(),
  prefill: Type.Union([SignupPrefillSchema, Type.Null()])
})

export const WorkerSessionRequestSchema = Type.Object(
  {
    wechatCode: Type.Optional(
      Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$', description: '应为小程序 wx.login() 得到的登录凭证 code' })
    ),
    deviceSecret: Type.Optional(
      Type.String({
        minLength: 43,
        maxLength: 64,
        pattern: DEVICE_SECRET_PATTERN,
        description: '应为 43 到 64 位 base64url 字符：网页在本设备上生成并保存的设备标识（标识的是这台设备，不是某个人）'
      })
    )
  },
  closed
)

export const WorkerSessionResponseSchema = Type.Object({
  token: Type.String(),
  expiresAt: Type.String(),
  worker: WorkerMeSchema
})

export const ConsentRequestSchema = Type.Object(
  { version: FiniteInteger({ minimum: 1, maximum: 1_000_000, description: '应为所同意的《报名个人信息处理说明》版本号（整数）' }) },
  closed
)

/** Errors of these routes: code and message, the field of a 400, the notice version of a 403/409. */
export const WorkerErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    problems: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    noticeVersion: Type.Optional(Type.Integer())
  })
})

export const workerErrorResponses = { '4xx': WorkerErrorSchema, '5xx': WorkerErrorSchema }

export const NoContent = Type.Null({ description: '无内容' })

export type WorkerSchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof SignupPrefillSchema>, SignupPrefill>,
    Same<Static<typeof WorkerMeSchema>, WorkerMe>,
    Same<Static<typeof WorkerSessionRequestSchema>, WorkerSessionRequest>,
    Same<Static<typeof WorkerSessionResponseSchema>, WorkerSessionResponse>,
    Same<Static<typeof ConsentRequestSchema>, ConsentRequest>
  ]
>
