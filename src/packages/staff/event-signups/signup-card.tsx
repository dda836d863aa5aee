/**
 * One sign-up on an event's list: who (phone masked until 「显示号码」, which is audited), its state, and what a 经办
 * can do with it now — 通过 / 不通过 (with the reason the worker reads) while it waits for review, 人工签到 once
 * confirmed. Each change is made against the version on the screen; the page reloads the list afterwards (places and
 * the waitlist move with it).
 */
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { checkInByHand, revealPhone, reviewSignup } from '@/api/staff/signups'
import { formatDateTime } from '@/domain/dates'
import { REVIEW_REASON_LIMIT, SIGNUP_STATE_LABELS, reviewProblems, type SignupState, type StaffSignup } from '@/domain/signups'
import { TextField } from '@/components/fields'
import { saveFailureOf } from '../components/save-errors'
import type { RowTag } from '../components/staff-row'

const STATE_TONES: Record<SignupState, RowTag['tone']> = {
  pending: 'warning',
  confirmed: 'success',
  waitlisted: 'info',
  rejected: 'neutral',
  cancelled: 'neutral',
  'checked-in': 'success'
}

type Outcome = { tone: 'success' | 'error'; text: string }

interface SignupCardProps {
  signup: StaffSignup
  /** After a change: the list is read again. */
  onChanged: () => void
}

export function SignupCard({ signup, onChanged }: SignupCardProps) {
  const [phone, setPhone] = useState<string>()
  const [refusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>()

  async function run(work: () => Promise<unknown>, done: string, changes = true) {
    if (busy) return
    setBusy(true)
    setOutcome(undefined)
    try {
      await work()
      setOutcome({ tone: 'success', text: done })
      if (changes) onChanged()
    } catch (error) {
      const failure = saveFailureOf(error)
      if (failure.kind === 'fields') setProblem(failure.problems[0]?.message ?? failure.message)
      else {
        // A colleague acted first (409): the list is read again so the card shows what they did.
        const stale = failure.kind === 'conflict' || failure.kind === 'refused'
        setOutcome({ tone: 'error', text: stale ? `${failure.message}，名单已刷新` : failure.message })
        if (stale) onChanged()
      }
    } finally {
      setBusy(false)
    }
  }

  function refuse() {
    const found = reviewProblems({ approve: false, reason })[0]?.message
    setProblem(found)
    if (found) return
    void run(() => reviewSignup(signup.id, { approve: false, reason: reason.trim(), version: signup.version }), '已设为未通过，报名人会看到原因')
  }

  const details = [signup.employer, signup.trade, signup.years === undefined ? undefined : `从业 ${signup.years} 年`].filter(Boolean).join(' · ')

  return (
    <View className='signup-card' data-signup-id={signup.id} role='group' aria-label={`${signup.seq} 号 ${signup.name}`}>
      <View className='signup-card__head'>
        <Text className='signup-card__seq'>{signup.seq} 号</Text>
        <Text className='signup-card__name'>{signup.name}</Text>
        <Text className={`signup-card__state signup-card__state--${STATE_TONES[signup.state]}`}>
          {SIGNUP_STATE_LABELS[signup.state]}
          {signup.waitlistPosition === undefined ? '' : ` 第 ${signup.waitlistPosition} 位`}
        </Text>
      </View>
      <View className='signup-card__phone'>
        <Text className='signup-card__line'>手机：{phone ?? signup.phoneMasked}</Text>
        {phone === undefined && (
          <Button
            className='signup-card__small'
            size='mini'
            disabled={busy}
            onClick={() => void run(async () => setPhone(await revealPhone(signup.id)), '号码已显示（查看已记入操作记录）', false)}
          >
            显示号码
          </Button>
        )}
      </View>
      {details && <Text className='signup-card__line'>{details}</Text>}
      <Text className='signup-card__line'>报名于 {formatDateTime(signup.createdAt)}</Text>
      {signup.reason && <Text className='signup-card__line'>原因：{signup.reason}</Text>}
      {signup.checkedInAt && (
        <Text className='signup-card__line'>
          签到于 {formatDateTime(signup.checkedInAt)}
          {signup.checkedInBy ? `（${signup.checkedInBy} 人工签到）` : ''}
        </Text>
      )}

      {signup.state === 'pending' &&
        (refusing ? (
          <View className='signup-card__ask'>
            <TextField
              label='不通过的原因'
              name={`reason-${signup.id}`}
              value={reason}
              max={REVIEW_REASON_LIMIT}
              placeholder='如：本期名额仅限女职工'
              hint='报名人会在「我的报名」看到这句话'
              error={problem}
              onChange={(next) => {
                setReason(next)
                setProblem(undefined)
              }}
            />
            <Button className='signup-card__button signup-card__button--danger' disabled={busy} onClick={refuse}>
              确定不通过
            </Button>
            <Button className='signup-card__button' disabled={busy} onClick={() => setRefusing(false)}>
              返回
            </Button>
          </View>
        ) : (
          <View className='signup-card__actions'>
            <Button
              className='signup-card__button signup-card__button--primary'
              disabled={busy}
              onClick={() => void run(() => reviewSignup(signup.id, { approve: true, version: signup.version }), '已通过：报名成功')}
            >
              通过
            </Button>
            <Button className='signup-card__button signup-card__button--danger' disabled={busy} onClick={() => setRefusing(true)}>
              不通过
            </Button>
          </View>
        ))}
      {signup.state === 'confirmed' && (
        <View className='signup-card__actions'>
          <Button className='signup-card__button' disabled={busy} onClick={() => void run(() => checkInByHand(signup.id), '已签到')}>
            人工签到
          </Button>
        </View>
      )}
      {outcome && (
        <View className={`signup-card__outcome signup-card__outcome--${outcome.tone}`} role={outcome.tone === 'error' ? 'alert' : 'status'}>
          <Text>{outcome.text}</Text>
        </View>
      )}
    </View>
  )
}
