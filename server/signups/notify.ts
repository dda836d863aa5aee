/**
 * What a worker is told when their sign-up changes (报名成功, 候补转正, 未通过, the event cancelled or changed): an
 * outbox message written in the SAME transaction as the change (server/core/outbox), sent after the commit. The page it
 * opens is 我的报名 — no id or personal data in it.
 */
import { SIGNUP_STATE_LABELS, type SignupEvent, type SignupState } from '@/domain'
import { enqueueMessage } from '../core/outbox/enqueue'
import type { Executor } from '../core/versioned/write'

/** The mini-program page a message opens (我的报名). */
export const MY_SIGNUPS_PAGE = 'packages/signups/mine/index'

/** A state change the worker hears about: their new state and, when there is one, why. */
export interface SignupNotice {
  workerId: string
  event: Pick<SignupEvent, 'title' | 'dates'>
  state: SignupState
  note?: string
}

/**
 * The 'signup-result' template's fields: thing1 the event, phrase2 the state (≤ 5 characters: every label is),
 * thing3 the note, time4 when the event starts. The template chosen in WeChat's console must have these keys.
 */
export function signupResultData(notice: SignupNotice): Record<string, string> {
  return {
    thing1: notice.event.title,
    phrase2: SIGNUP_STATE_LABELS[notice.state],
    thing3: notice.note ?? defaultNote(notice.state),
    time4: notice.event.dates.eventStartsAt
  }
}

function defaultNote(state: SignupState): string {
  switch (state) {
    case 'confirmed':
      return '请按时参加，现场扫码签到'
    case 'pending':
      return '等待工作人员审核'
    case 'waitlisted':
      return '有名额空出时自动转为报名成功'
    default:
      return '详情请在「我的报名」查看'
  }
}

export async function notifySignup(trx: Executor, notice: SignupNotice, now: Date): Promise<void> {
  await enqueueMessage(trx, { recipient: notice.workerId, template: 'signup-result', page: MY_SIGNUPS_PAGE, data: signupResultData(notice) }, now)
}
