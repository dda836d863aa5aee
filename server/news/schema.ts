/**
 * TypeBox schemas of the news routes: what workers read (/api/news) and the editor's API (/api/staff/news).
 * Body schemas check the shape only (types, known fields, the four block types); the rules a staffer can break
 * (empty, too long, a cover that is not an upload) are the shared validators' job, answered as 400 INVALID_FIELD
 * naming the field. Each `description` is what a 400 from the schema itself says after 「参数 x 无效：」.
 */
import { Type, type Static } from '@sinclair/typebox'
import {
  LIMITS,
  MAX_KEYWORD_LENGTH,
  NEWS_CATEGORIES,
  NEWS_STATUS_LABELS,
  NEWS_STATUSES,
  type Block,
  type NewsArticle,
  type NewsInput,
  type NewsSummary,
  type NewsUpdate,
  type Page,
  type PublishRequest,
  type StaffNewsArticle,
  type StaffNewsSummary
} from '@/domain'
import { FORMAT_MAX, List, Text, TextOrNull } from '../core/schemas/caps'
import { IsoDateTime, PageSchema, StringEnum, closed, sampleFlag, sampleInputProperties } from '../core/schemas/common'
import type { AllTrue, Same } from '../core/schemas/common'
import { PageParam, oneOf } from '../core/schemas/params'
import { VersionParam, versionedProperties } from '../core/versioned/schema'

// ——— what workers read ———

export const BlockSchema = Type.Union([
  Type.Object({ type: Type.Literal('heading'), text: Type.String() }),
  Type.Object({ type: Type.Literal('paragraph'), text: Type.String() }),
  Type.Object({
    type: Type.Literal('image'),
    src: Type.String(),
    caption: Type.Optional(Type.String()),
    alt: Type.Optional(Type.String())
  }),
  Type.Object({ type: Type.Literal('quote'), text: Type.String(), cite: Type.Optional(Type.String()) })
])

export const NewsSummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  category: StringEnum(NEWS_CATEGORIES),
  summary: Type.String(),
  cover: Type.Optional(Type.String()),
  publishedAt: IsoDateTime,
  pinned: Type.Boolean(),
  ...sampleFlag
})

export const NewsArticleSchema = Type.Object({
  ...NewsSummarySchema.properties,
  blocks: Type.Array(BlockSchema),
  source: Type.Optional(Type.String())
})

export const NewsPageSchema = PageSchema(NewsSummarySchema)

export const NewsListQuery = Type.Object(
  {
    category: Type.Optional(StringEnum(NEWS_CATEGORIES, { description: oneOf(NEWS_CATEGORIES) })),
    q: Type.Optional(Type.String({ maxLength: MAX_KEYWORD_LENGTH, description: `关键词最多 ${MAX_KEYWORD_LENGTH} 个字` })),
    page: Type.Optional(PageParam)
  },
  closed
)

// ——— the editor's API ———

const statusDescription = `应为 ${NEWS_STATUSES.map((status) => `${status}（${NEWS_STATUS_LABELS[status]}）`).join('、')} 之一`

export const StaffNewsListQuery = Type.Object(
  {
    page: Type.Optional(PageParam),
    status: Type.Optional(StringEnum(NEWS_STATUSES, { description: statusDescription }))
  },
  closed
)

/** One of the four block types, with that type's fields only: anything else (an `html` field, a `video` block) is refused. */
export const BlockInputSchema = Type.Union(
  [
    Type.Object({ type: Type.Literal('heading'), text: Text(LIMITS.heading) }, closed),
    Type.Object({ type: Type.Literal('paragraph'), text: Text(LIMITS.paragraph) }, closed),
    Type.Object(
      {
        type: Type.Literal('image'),
        src: Text(FORMAT_MAX.mediaPath),
        caption: Type.Optional(Text(LIMITS.caption)),
        alt: Type.Optional(Text(LIMITS.alt))
      },
      closed
    ),
    Type.Object({ type: Type.Literal('quote'), text: Text(LIMITS.quote), cite: Type.Optional(Text(LIMITS.cite)) }, closed)
  ],
  { description: '正文块' }
)

export const blocksDescription =
  '正文应为块的列表，每块是 heading（小标题：text）、paragraph（段落：text）、image（图片：src，可选 caption、alt）或 quote（引用：text，可选 cite）之一，且不含其他字段'

const newsInputProperties = {
  title: Text(LIMITS.title, { description: '标题应为文字' }),
  category: StringEnum(NEWS_CATEGORIES, { description: `栏目应为 ${NEWS_CATEGORIES.join('、')} 之一` }),
  summary: Text(LIMITS.summary, { description: '摘要应为文字' }),
  cover: TextOrNull(FORMAT_MAX.mediaPath, '封面应为上传得到的 /media/… 路径，无封面时为 null'),
  pinned: Type.Boolean({ description: '置顶应为 true 或 false' }),
  blocks: List(BlockInputSchema, LIMITS.blocks, { description: blocksDescription }),
  ...sampleInputProperties
}

export const NewsInputSchema = Type.Object(newsInputProperties, closed)

export const NewsUpdateSchema = Type.Object({ ...newsInputProperties, version: VersionParam }, closed)

export const PublishRequestSchema = Type.Object(
  {
    version: VersionParam,
    at: Type.Optional(Text(FORMAT_MAX.instant, { description: '发布时间应为带时区的时间，如 2026-11-25T09:00:00+08:00；不填为立即发布' }))
  },
  closed
)

export const StaffNewsSummarySchema = Type.Object({
  ...NewsSummarySchema.properties,
  ...versionedProperties,
  status: StringEnum(NEWS_STATUSES)
})

export const StaffNewsArticleSchema = Type.Object({
  ...NewsArticleSchema.properties,
  ...versionedProperties,
  status: StringEnum(NEWS_STATUSES)
})

// ——— Schema ⇄ domain type agreement, checked by `tsc` ———

export type NewsSchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof BlockSchema>, Block>,
    Same<Static<typeof NewsSummarySchema>, NewsSummary>,
    Same<Static<typeof NewsArticleSchema>, NewsArticle>,
    Same<Static<typeof NewsPageSchema>, Page<NewsSummary>>,
    Same<Static<typeof NewsInputSchema>, NewsInput>,
    Same<Static<typeof NewsUpdateSchema>, NewsUpdate>,
    Same<Static<typeof PublishRequestSchema>, PublishRequest>,
    Same<Static<typeof StaffNewsSummarySchema>, StaffNewsSummary>,
    Same<Static<typeof StaffNewsArticleSchema>, StaffNewsArticle>
  ]
>
