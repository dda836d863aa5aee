/**
 * Request parameters. Each `description` is the Chinese sentence a 400 shows after 「参数 x 无效：」, so the schema
 * that validates a parameter also explains it (see server/plugins/errors.ts).
 * Query objects refuse unknown fields (additionalProperties: false): a misspelt parameter is a 400 naming it,
 * not silently ignored.
 */
import { Type } from '@sinclair/typebox'
import { COMPETITION_STATUSES, CONTENT_ID_PATTERN, MAX_KEYWORD_LENGTH, MAX_PAGE, NEWS_CATEGORIES, TRADES } from '../../../src/domain'
import { ApiErrorSchema, StringEnum } from './common'
import { FiniteInteger } from './numbers'

const oneOf = (values: readonly string[]) => `应为 ${values.join('、')} 之一`

export const PageParam = FiniteInteger({ minimum: 1, maximum: MAX_PAGE, description: `应为 1 到 ${MAX_PAGE} 的整数` })

export const IdParams = Type.Object(
  { id: Type.String({ pattern: CONTENT_ID_PATTERN, description: '应为 1 到 64 位的小写字母、数字或连字符' }) },
  { additionalProperties: false }
)

export const NewsListQuery = Type.Object(
  {
    category: Type.Optional(StringEnum(NEWS_CATEGORIES, { description: oneOf(NEWS_CATEGORIES) })),
    q: Type.Optional(Type.String({ maxLength: MAX_KEYWORD_LENGTH, description: `关键词最多 ${MAX_KEYWORD_LENGTH} 个字` })),
    page: Type.Optional(PageParam)
  },
  { additionalProperties: false }
)

export const CompetitionListQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(COMPETITION_STATUSES, { description: oneOf(COMPETITION_STATUSES) })),
    trade: Type.Optional(StringEnum(TRADES, { description: oneOf(TRADES) })),
    page: Type.Optional(PageParam)
  },
  { additionalProperties: false }
)

/** Routes that take no query parameters still refuse unknown ones. */
export const NoQuery = Type.Object({}, { additionalProperties: false })

/** Every route answers errors in one shape. */
export const errorResponses = { '4xx': ApiErrorSchema, '5xx': ApiErrorSchema }
