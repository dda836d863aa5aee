/**
 * What a failed save means for the editor: field problems to mark (a 400 INVALID_FIELD), a conflict with another
 * staffer's change (409 EDIT_CONFLICT), a refusal that is not about versions (any other 409, e.g. withdrawing what is
 * not published), a session that ended (401), or a plain failure (network, 5xx) — in every case the editor keeps
 * what was typed.
 */
import { ApiError } from '@/api/client'
import type { Versioned } from '@/domain/content'
import type { FieldProblem } from '@/domain/validation'

export type SaveFailure =
  | { kind: 'fields'; message: string; problems: FieldProblem[] }
  | { kind: 'conflict'; message: string; current?: Versioned }
  | { kind: 'refused'; message: string }
  | { kind: 'session'; message: string }
  | { kind: 'other'; message: string }

export function saveFailureOf(error: unknown): SaveFailure {
  if (!(error instanceof ApiError)) return { kind: 'other', message: '保存失败，请稍后重试' }
  if (error.status === 400 && Array.isArray(error.details.problems)) {
    return { kind: 'fields', message: error.message, problems: error.details.problems as FieldProblem[] }
  }
  if (error.status === 400 && typeof error.details.field === 'string') {
    return { kind: 'fields', message: error.message, problems: [{ field: error.details.field, message: error.message }] }
  }
  if (error.status === 409 && error.code !== 'EDIT_CONFLICT') return { kind: 'refused', message: error.message }
  if (error.status === 409) return { kind: 'conflict', message: error.message, current: error.details.current as Versioned | undefined }
  if (error.status === 401) return { kind: 'session', message: `${error.message}。已填写的内容保存在本机，重新登录后可继续。` }
  return { kind: 'other', message: error.message }
}

/** field → its first problem, for the FieldFrame under it. */
export function problemMap(problems: FieldProblem[]): Record<string, string> {
  const map: Record<string, string> = {}
  for (const problem of problems) map[problem.field] ??= problem.message
  return map
}
