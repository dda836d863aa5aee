/**
 * The sign-up form's state and its one send. What the worker types is kept on the device (a local draft, with the
 * attempt's idempotency key) from the first keystroke until the server has the sign-up: a failed send, a closed app or
 * a lost network loses nothing, and the next open offers it again. Nothing is sent before the rules the server runs
 * (signupFieldsProblems) pass here, and nothing personal before the worker has agreed to the current notice.
 */
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '@/api/client'
import { agreeToNotice, fetchMe } from '@/api/me'
import { fetchAvailability } from '@/api/availability'
import { fetchTemplateIds, reportSubscriptions, submitSignup } from '@/api/signups'
import type { SignupEventInfo } from '@/api/signups'
import { MAX_TEMPLATES_PER_REQUEST } from '@/domain/subscribe-message'
import { IDEMPOTENCY_KEY, signupFieldsProblems, type EventAvailability, type SignupFields, type SignupResponse } from '@/domain/signups'
import type { WorkerMe } from '@/domain/workers'
import type { FieldProblem } from '@/domain/validation'
import { clearDraft, useKeepDraft, useKeptDraftOffer, writeDraft } from '@/state/local-draft'

/** What the worker types, as typed (years as text until sent). */
export interface TypedFields {
  name: string
  phone: string
  employer: string
  trade: string
  years: string
}

export interface SignupDraft {
  fields: TypedFields
  remember: boolean
  /** Made once per attempt and kept with the draft: a resend after a lost answer is the same attempt. */
  idempotencyKey: string
}

export const CONSENT_MISSING = '请先阅读并勾选同意《报名个人信息处理说明》'

const EMPTY: TypedFields = { name: '', phone: '', employer: '', trade: '', years: '' }

function newKey(): string {
  const bytes = new Uint8Array(18)
  crypto.getRandomValues(bytes)
  const key = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return IDEMPOTENCY_KEY.test(key) ? key : `${Date.now()}${key}`.slice(0, 64)
}

export const draftKey = (event: Pick<SignupEventInfo, 'type' | 'id'>) => `signup:${event.type}:${event.id}`

function fieldsToSend(typed: TypedFields, event: SignupEventInfo): SignupFields {
  const fields: SignupFields = { name: typed.name.trim(), phone: typed.phone.trim(), employer: typed.employer.trim() }
  if (event.extraFields.includes('trade')) fields.trade = typed.trade.trim()
  if (event.extraFields.includes('years') && typed.years.trim() !== '') fields.years = Number(typed.years.trim())
  return fields
}

function problemMap(problems: FieldProblem[]): Record<string, string> {
  const map: Record<string, string> = {}
  for (const problem of problems) map[problem.field] ??= problem.message
  return map
}

/** Whether the worker must (again) agree before sending: no session yet counts as not agreed. */
export const needsConsent = (me: WorkerMe | undefined) => !me || !me.consent || me.consent.version !== me.noticeVersion

export type Sending = { status: 'idle' } | { status: 'sending' } | { status: 'failed'; message: string } | { status: 'done'; answer: SignupResponse }

export function useSignupForm(event: SignupEventInfo) {
  const key = draftKey(event)
  const { offer, dismiss } = useKeptDraftOffer<SignupDraft>(key)
  const [draft, setDraft] = useState<SignupDraft>(() => ({
    fields: { ...EMPTY, trade: event.trade ?? '' },
    remember: true,
    idempotencyKey: newKey()
  }))
  const [touched, setTouchedState] = useState(false)
  /** Read by the prefill when GET /api/me answers: what the worker typed meanwhile is never overwritten. */
  const typedOrOffered = useRef(Boolean(offer))
  const setTouched = useCallback((value: boolean) => {
    typedOrOffered.current ||= value
    setTouchedState(value)
  }, [])
  const [me, setMe] = useState<WorkerMe>()
  const [agreed, setAgreed] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [sending, setSending] = useState<Sending>({ status: 'idle' })
  const [availability, setAvailability] = useState<EventAvailability | 'failed'>()
  const [templateIds, setTemplateIds] = useState<string[]>([])

  // Kept from the first change until the server has it (not while a kept draft waits to be taken or set aside).
  useKeepDraft(key, draft, touched && !offer && sending.status !== 'done')

  useEffect(() => {
    // The places now, never a kept copy: a stale 「剩余 3 个名额」 would mislead the one deciding to sign up.
    fetchAvailability(event.type, event.id).then(
      (loaded) => setAvailability(loaded.offline ? 'failed' : loaded.data),
      () => setAvailability('failed')
    )
    fetchTemplateIds().then(
      (loaded) => setTemplateIds(loaded.data.templateIds.slice(0, MAX_TEMPLATES_PER_REQUEST)),
      () => setTemplateIds([])
    )
    // Opening the form is acting: sign in silently to learn the consent and the kept answers. Offline, the form still
    // works from the device (the notice is then asked, and the send says what failed).
    fetchMe().then(
      (worker) => {
        setMe(worker)
        const prefill = worker.prefill
        if (!prefill) return
        setDraft((current) =>
          typedOrOffered.current
            ? current
            : {
                ...current,
                fields: {
                  name: prefill.name,
                  phone: prefill.phone,
                  employer: prefill.employer,
                  trade: prefill.trade ?? current.fields.trade,
                  years: prefill.years === undefined ? '' : String(prefill.years)
                }
              }
        )
      },
      () => setMe(undefined)
    )
  }, [event.type, event.id])

  const update = useCallback(
    (change: Partial<TypedFields>) => {
      setTouched(true)
      setDraft((current) => ({ ...current, fields: { ...current.fields, ...change } }))
      setErrors((current) => {
        const next = { ...current }
        for (const field of Object.keys(change)) delete next[field]
        return next
      })
    },
    [setTouched]
  )

  const setRemember = useCallback(
    (remember: boolean) => {
      setTouched(true)
      setDraft((current) => ({ ...current, remember }))
    },
    [setTouched]
  )

  const takeOffer = useCallback(() => {
    if (offer) setDraft(offer.value)
    setTouched(true)
    dismiss()
  }, [offer, dismiss, setTouched])

  const dropOffer = useCallback(() => {
    clearDraft(key)
    dismiss()
  }, [key, dismiss])

  const agree = useCallback((checked: boolean) => {
    setAgreed(checked)
    setErrors(({ consent: _consent, ...rest }) => rest)
  }, [])

  const submit = useCallback(async () => {
    // In WeChat the subscribe dialog must open in the tap itself, before anything is awaited.
    const asked =
      process.env.TARO_ENV === 'weapp' && templateIds.length > 0
        ? Taro.requestSubscribeMessage({ tmplIds: templateIds } as Parameters<typeof Taro.requestSubscribeMessage>[0]).then(
            (answer) => templateIds.filter((id) => (answer as unknown as Record<string, string>)[id] === 'accept'),
            () => [] as string[]
          )
        : Promise.resolve([] as string[])
    const fields = fieldsToSend(draft.fields, event)
    const problems = problemMap(signupFieldsProblems(fields, event.extraFields))
    const consentNeeded = needsConsent(me)
    if (consentNeeded && !agreed) problems.consent = CONSENT_MISSING
    setErrors(problems)
    if (Object.keys(problems).length > 0) {
      setSending({ status: 'failed', message: '请按红字提示修改后再提交' })
      return
    }
    setSending({ status: 'sending' })
    writeDraft(key, draft)
    try {
      if (consentNeeded) setMe(await agreeToNotice(me?.noticeVersion ?? (await fetchMe()).noticeVersion))
      const answer = await submitSignup({ eventType: event.type, eventId: event.id, ...fields, idempotencyKey: draft.idempotencyKey, remember: draft.remember })
      clearDraft(key)
      setAvailability(answer.availability)
      setSending({ status: 'done', answer })
      const accepted = await asked
      if (accepted.length > 0) void reportSubscriptions(accepted).catch(() => undefined)
    } catch (error) {
      writeDraft(key, draft)
      setSending({ status: 'failed', message: failureMessage(error, setErrors, () => setAgreed(false), setMe) })
    }
  }, [draft, event, me, agreed, key, templateIds])

  return { draft, update, setRemember, offer, takeOffer, dropOffer, me, agreed, agree, errors, sending, availability, submit }
}

/** The failure in words; field problems go under their fields, a consent the server wants again unticks the box. */
function failureMessage(
  error: unknown,
  setErrors: (errors: Record<string, string>) => void,
  untick: () => void,
  setMe: (me: WorkerMe | undefined) => void
): string {
  if (!(error instanceof ApiError)) return '提交失败，已填写的内容保存在本机，请稍后重试'
  if (error.status === 400 && Array.isArray(error.details.problems)) {
    setErrors(problemMap(error.details.problems as FieldProblem[]))
    return '请按红字提示修改后再提交'
  }
  if (error.status === 400 && typeof error.details.field === 'string') {
    setErrors({ [error.details.field]: error.message })
    return '请按红字提示修改后再提交'
  }
  if (error.code === 'CONSENT_REQUIRED' || error.code === 'NOTICE_CHANGED') {
    untick()
    setMe(undefined)
    setErrors({ consent: error.message })
    return error.message
  }
  if (error.kind === 'network' || error.kind === 'timeout') return `${error.message}。已填写的内容保存在本机，恢复网络后再点「提交报名」即可`
  return error.message
}
