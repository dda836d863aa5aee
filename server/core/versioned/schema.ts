/**
 * TypeBox pieces of every versioned edit: the version a body names, the version fields an answer carries, and the
 * error body of an edit (the field and problems of a 400 INVALID_FIELD, the stored version of a 409 EDIT_CONFLICT).
 * Each slice's schema.ts builds its staff bodies and answers from these.
 */
import { Type, type Static } from '@sinclair/typebox'
import type { Versioned, VersionOnly } from '@/domain'
import { closed, type AllTrue, type Same } from '../schemas/common'
import { FiniteInteger } from '../schemas/numbers'

export const versionedProperties = {
  version: Type.Integer(),
  updatedAt: Type.String(),
  updatedBy: Type.Optional(Type.String())
}

/** Versions are INTEGER columns: PostgreSQL refuses anything past 2³¹−1 in a comparison with one. */
export const MAX_VERSION = 2_147_483_647

export const VersionParam = FiniteInteger({ minimum: 1, maximum: MAX_VERSION, description: '应为打开编辑时读到的版本号（正整数）' })

/** The body of a change that carries nothing but the version it was decided on (withdraw, reopen…). */
export const VersionOnlySchema = Type.Object({ version: VersionParam }, closed)

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

export type VersionedSchemasMatchDomainTypes = AllTrue<
  [Same<Static<typeof EditErrorSchema>['error']['current'], Versioned | undefined>, Same<Static<typeof VersionOnlySchema>, VersionOnly>]
>
