/** TypeBox schemas of the photo uploads (/api/staff/media). */
import { Type, type Static } from '@sinclair/typebox'
import type { MediaAsset } from '@/domain'
import type { AllTrue, Same } from '../core/schemas/common'

export const MediaAssetSchema = Type.Object({
  id: Type.String(),
  src: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  originalBytes: Type.Integer(),
  variants: Type.Array(Type.Object({ width: Type.Integer(), height: Type.Integer(), bytes: Type.Integer(), src: Type.String() }))
})

export type MediaSchemasMatchDomainTypes = AllTrue<[Same<Static<typeof MediaAssetSchema>, MediaAsset>]>
