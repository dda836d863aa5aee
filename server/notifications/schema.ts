/** TypeBox schemas of the subscribe-message routes (types in src/domain/subscribe-message.ts). */
import { Type, type Static } from '@sinclair/typebox'
import { MAX_TEMPLATES_PER_REQUEST, type SubscribeTemplateIds, type SubscriptionsRequest, type SubscriptionsResponse } from '@/domain'
import { closed, type AllTrue, type Same } from '../core/schemas/common'

const TemplateId = Type.String({ pattern: '^[0-9A-Za-z_-]{1,128}$', maxLength: 128, description: '应为订阅消息模板 ID' })

export const SubscribeTemplateIdsSchema = Type.Object({ templateIds: Type.Array(Type.String()) })

export const SubscriptionsRequestSchema = Type.Object(
  {
    accepted: Type.Array(TemplateId, {
      maxItems: MAX_TEMPLATES_PER_REQUEST,
      description: `应为微信订阅消息对话框中允许的模板 ID 列表（最多 ${MAX_TEMPLATES_PER_REQUEST} 个）`
    })
  },
  closed
)

export const SubscriptionsResponseSchema = Type.Object({ counted: Type.Array(Type.String()) })

export type NotificationSchemasMatchDomainTypes = AllTrue<
  [
    Same<Static<typeof SubscribeTemplateIdsSchema>, SubscribeTemplateIds>,
    Same<Static<typeof SubscriptionsRequestSchema>, SubscriptionsRequest>,
    Same<Static<typeof SubscriptionsResponseSchema>, SubscriptionsResponse>
  ]
>
