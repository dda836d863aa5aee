/**
 * The one mapping of a versioned write's result (./write.ts) to HTTP: 404 when the record is gone, 409
 * EDIT_CONFLICT with the stored version when someone saved first (the message names who and when, so the editor
 * knows whom to ask before redoing the change), and a refusal's own status, code and message.
 */
import { beijing, type Versioned } from '@/domain'
import type { EditResult } from './write'
import { HttpError, notFound } from '../errors'

/** 「该竞赛已被 张三 于 11月24日 10:32 修改，请刷新后再改」 — the year only when it is not this year. */
export function conflictMessage(subject: string, current: Versioned, now: Date): string {
  // A record nobody has saved has no editor: the version sent was never handed out.
  if (current.updatedBy === undefined) return `${subject}的版本已变化，请刷新后再改`
  const at = beijing(current.updatedAt)
  const when = at.format('YYYY') === beijing(now.toISOString()).format('YYYY') ? at.format('M月D日 HH:mm') : at.format('YYYY年M月D日 HH:mm')
  return `${subject}已被 ${current.updatedBy} 于 ${when} 修改，请刷新后再改`
}

export function editOutcome<T>(result: EditResult<T>, { subject, notFoundMessage, now }: { subject: string; notFoundMessage?: string; now: Date }): T {
  switch (result.status) {
    case 'ok':
      return result.value
    case 'not-found':
      throw notFound(notFoundMessage ?? `未找到${subject}`)
    case 'conflict':
      throw new HttpError(409, 'EDIT_CONFLICT', conflictMessage(subject, result.current, now), { current: result.current })
    case 'refused':
      throw new HttpError(result.refusal.status, result.refusal.code, result.refusal.message, { current: result.current })
  }
}
