/**
 * Request parameters. Each `description` is the Chinese sentence a 400 shows after 「参数 x 无效：」, so the schema
 * that validates a parameter also explains it (see server/core/errors.ts).
 * Query objects refuse unknown fields (additionalProperties: false): a misspelt parameter is a 400 naming it,
 * not silently ignored.
 */
import { Type } from '@sinclair/typebox'
import { CONTENT_ID_PATTERN, MAX_PAGE } from '@/domain'
import { ApiErrorSchema } from './common'
import { FiniteInteger } from './numbers'

/** The description of an enum parameter. */
export const oneOf = (values: readonly string[]) => `应为 ${values.join('、')} 之一`

export const PageParam = FiniteInteger({ minimum: 1, maximum: MAX_PAGE, description: `应为 1 到 ${MAX_PAGE} 的整数` })

export const IdParams = Type.Object(
  { id: Type.String({ pattern: CONTENT_ID_PATTERN, description: '应为 1 到 64 位的小写字母、数字或连字符' }) },
  { additionalProperties: false }
)

/** Routes that take no query parameters still refuse unknown ones. */
export const NoQuery = Type.Object({}, { additionalProperties: false })

/** Every route answers errors in one shape. */
export const errorResponses = { '4xx': ApiErrorSchema, '5xx': ApiErrorSchema }
