/**
 * TypeBox schemas of the staff content routes (types in src/domain/staff.ts). Each area keeps its own section.
 * Body schemas check the shape only (types, known fields, the four block types); the rules a staffer can break
 * (empty, too long, a cover that is not an upload) are the shared validators' job, answered as 400 INVALID_FIELD
 * naming the field. Each `description` is what a 400 from the schema itself says after 「参数 x 无效：」.
 */
import { Type, type Static } from '@sinclair/typebox'
import {
  LIMITS,
  NEWS_CATEGORIES,
  NEWS_STATUS_LABELS,
  NEWS_STATUSES,
  type MediaAsset,
  type NewsInput,
  type NewsUpdate,
  type PublishRequest,
  type StaffNewsArticle,
  type StaffNewsSummary,
  type Versioned,
  type VersionOnly
} from '../../../src/domain'
import { FORMAT_MAX, List, Text, TextOrNull } from '../schemas/caps'
import { NewsArticleSchema, NewsSummarySchema, StringEnum } from '../schemas/common'
import { FiniteInteger } from '../schemas/numbers'
import { PageParam } from '../schemas/params'

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type AllTrue<T extends true[]> = T

// ——— edits of versioned content: news (and any area that saves with a version) ———

export const versionedProperties = {
  version: Type.Integer(),
  updatedAt: Type.String(),
  updatedBy: Type.Optional(Type.String())
}

/** Versions are INTEGER columns: PostgreSQL refuses anything past 2³¹−1 in a comparison with one. */
export const MAX_VERSION = 2_147_483_647

export const VersionParam = FiniteInteger({ minimum: 1, maximum: MAX_VERSION, description: '应为打开编辑时读到的版本号（正整数）' })

/**
 * Errors of a content edit: besides code and message, what the editor pages act on — the field and every problem
 * of a 400 INVALID_FIELD, the stored version of a 409 EDIT_CONFLICT. (The serializer drops what a schema does not list.)
 */
export const EditErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    problems: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    current: Type.Optional(Type.Object(versionedProperties))
  })
})

export const editErrorResponses = { '4xx': EditErrorSchema, '5xx': EditErrorSchema }

// ——— news (server/routes/staff/news.ts) ———

const statusDescription = `应为 ${NEWS_STATUSES.map((status) => `${status}（${NEWS_STATUS_LABELS[status]}）`).join('、')} 之一`

export const StaffNewsListQuery = Type.Object(
  {
    page: Type.Optional(PageParam),
    status: Type.Optional(StringEnum(NEWS_STATUSES, { description: statusDescription }))
  },
  { additionalProperties: false }
)

/** One of the four block types, with that type's fields only: anything else (an `html` field, a `video` block) is refused. */
export const BlockInputSchema = Type.Union(
  [
    Type.Object({ type: Type.Literal('heading'), text: Text(LIMITS.heading) }, { additionalProperties: false }),
    Type.Object({ type: Type.Literal('paragraph'), text: Text(LIMITS.paragraph) }, { additionalProperties: false }),
    Type.Object(
      {
        type: Type.Literal('image'),
        src: Text(FORMAT_MAX.mediaPath),
        caption: Type.Optional(Text(LIMITS.caption)),
        alt: Type.Optional(Text(LIMITS.alt))
      },
      { additionalProperties: false }
    ),
    Type.Object({ type: Type.Literal('quote'), text: Text(LIMITS.quote), cite: Type.Optional(Text(LIMITS.cite)) }, { additionalProperties: false })
  ],
  { description: '正文块' }
)

const blocksDescription =
  '正文应为块的列表，每块是 heading（小标题：text）、paragraph（段落：text）、image（图片：src，可选 caption、alt）或 quote（引用：text，可选 cite）之一，且不含其他字段'

const newsInputProperties = {
  title: Text(LIMITS.title, { description: '标题应为文字' }),
  category: StringEnum(NEWS_CATEGORIES, { description: `栏目应为 ${NEWS_CATEGORIES.join('、')} 之一` }),
  summary: Text(LIMITS.summary, { description: '摘要应为文字' }),
  cover: TextOrNull(FORMAT_MAX.mediaPath, '封面应为上传得到的 /media/… 路径，无封面时为 null'),
  pinned: Type.Boolean({ description: '置顶应为 true 或 false' }),
  blocks: List(BlockInputSchema, LIMITS.blocks, { description: blocksDescription }),
  sample: Type.Boolean({ description: '示例标记应为 true 或 false' }),
  sampleNote: TextOrNull(LIMITS.sampleNote, '示例说明应为文字，没有时为 null')
}

export const NewsInputSchema = Type.Object(newsInputProperties, { additionalProperties: false })

export const NewsUpdateSchema = Type.Object({ ...newsInputProperties, version: VersionParam }, { additionalProperties: false })

export const PublishRequestSchema = Type.Object(
  {
    version: VersionParam,
    at: Type.Optional(Text(FORMAT_MAX.instant, { description: '发布时间应为带时区的时间，如 2026-11-25T09:00:00+08:00；不填为立即发布' }))
  },
  { additionalProperties: false }
)

export const VersionOnlySchema = Type.Object({ version: VersionParam }, { additionalProperties: false })

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

export type StaffNewsSchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof EditErrorSchema>['error']['current'], Versioned | undefined>,
    Same<Static<typeof NewsInputSchema>, NewsInput>,
    Same<Static<typeof NewsUpdateSchema>, NewsUpdate>,
    Same<Static<typeof PublishRequestSchema>, PublishRequest>,
    Same<Static<typeof VersionOnlySchema>, VersionOnly>,
    Same<Static<typeof StaffNewsSummarySchema>, StaffNewsSummary>,
    Same<Static<typeof StaffNewsArticleSchema>, StaffNewsArticle>
  ]
>

// ——— media (server/routes/staff/media.ts) ———

export const MediaAssetSchema = Type.Object({
  id: Type.String(),
  src: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  originalBytes: Type.Integer(),
  variants: Type.Array(
    Type.Object({ width: Type.Integer(), height: Type.Integer(), bytes: Type.Integer(), src: Type.String() })
  )
})

export type StaffMediaSchemasMatchDomainTypes = AllTrue<[Same<Static<typeof MediaAssetSchema>, MediaAsset>]>
