/**
 * What every content editor does the same way: a form over one versioned record, checked with the shared validator
 * before anything is sent, saved against the version it was loaded at, and kept on the device until the server has
 * it. A refusal never loses the staffer's input: field problems are marked, a colleague's save in between is shown
 * as a conflict with the choice to load theirs, and an ended session says how to log in again.
 */
import { useMemo, useState } from 'react'
import { lastEditedLine, type Versioned } from '../../../domain/content'
import type { FieldProblem } from '../../../domain/validation'
import { clearDraft, useKeepDraft, useKeptDraftOffer, type KeptDraft } from '../components/local-draft'
import { problemMap, saveFailureOf, type SaveFailure } from '../components/save-errors'

export const SAVED_TEXT = '已保存，职工端已更新'

export interface EditorConfig<R extends Versioned, F, I> {
  /** The record as loaded; undefined for one not created yet. */
  initial: R | undefined
  /** One kept draft per record, and one for a new record of the kind. */
  draftKeyOf: (record: R | undefined) => string
  /** The form for a record, or the empty form of a new one. */
  formOf: (record: R | undefined) => F
  /** A kept draft back into a form; tolerant of a draft an older version of the app wrote. */
  formOfDraft: (draft: unknown, fallback: F) => F
  inputOf: (form: F) => I
  problemsOf: (input: I) => FieldProblem[]
  /** Creates (record undefined) or saves against `version`. */
  send: (input: I, record: R | undefined, version: number | undefined) => Promise<R>
  fetchLatest: (record: R) => Promise<R>
}

export type Notice = { tone: 'success' | 'error'; text: string }
export type Conflict = Extract<SaveFailure, { kind: 'conflict' }>

export interface Editor<R extends Versioned, F, I> {
  record: R | undefined
  form: F
  setForm: (next: F | ((previous: F) => F)) => void
  input: I
  dirty: boolean
  /** field → its first problem, for the FieldFrame of that name. */
  errors: Record<string, string>
  problems: FieldProblem[]
  busy: boolean
  notice?: Notice
  conflict?: Conflict
  sessionLost?: string
  save: () => Promise<void>
  loadLatest: () => Promise<void>
  keepEditing: () => void
  /**
   * A change the server made beside the form (暂停开放 and the like): the record and the version the next save is
   * made against follow it, and what is typed stays as it is.
   */
  adopt: (record: R) => void
  /** A draft kept on the device from an earlier visit, offered before the form is shown. */
  offer?: KeptDraft<unknown>
  restoreDraft: () => void
  discardDraft: () => void
}

export function useEditor<R extends Versioned, F, I>(config: EditorConfig<R, F, I>): Editor<R, F, I> {
  const { initial, draftKeyOf, formOf, formOfDraft, inputOf, problemsOf, send, fetchLatest } = config
  const [record, setRecord] = useState(initial)
  /** The version the next save is made against: the server refuses it (409) if someone saved in between. */
  const [baseVersion, setBaseVersion] = useState(initial?.version)
  const [form, setForm] = useState<F>(() => formOf(initial))
  /** The input the server has, to tell whether anything is unsaved. */
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(inputOf(formOf(initial))))

  const initialKey = draftKeyOf(initial)
  const { offer, dismiss } = useKeptDraftOffer<unknown>(initialKey)
  const key = draftKeyOf(record)

  const input = useMemo(() => inputOf(form), [form, inputOf])
  const dirty = JSON.stringify(input) !== savedJson
  // Not while a kept draft waits for 恢复 / 放弃: that would overwrite it before the staffer has chosen.
  useKeepDraft(key, form, dirty && !offer, baseVersion)

  const [problems, setProblems] = useState<FieldProblem[]>([])
  /** After a refused save the problems follow the form, so each one goes as soon as it is fixed. */
  const [recheck, setRecheck] = useState(false)
  const shownProblems = recheck ? problemsOf(input) : problems

  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<Notice>()
  const [conflict, setConflict] = useState<Conflict>()
  const [sessionLost, setSessionLost] = useState<string>()

  function applySaved(saved: R, sentJson: string) {
    setRecord(saved)
    setBaseVersion(saved.version)
    setSavedJson(sentJson)
  }

  function showFailure(error: unknown) {
    const failure = saveFailureOf(error)
    switch (failure.kind) {
      case 'fields':
        setProblems(failure.problems)
        setRecheck(false)
        setNotice({ tone: 'error', text: `未保存：${failure.message}（共 ${failure.problems.length} 处需要修改）` })
        break
      case 'conflict':
        setConflict(failure)
        setNotice({ tone: 'error', text: '未保存：内容已被他人修改，请查看页面顶部的说明' })
        break
      case 'session':
        setSessionLost(failure.message)
        setNotice({ tone: 'error', text: '未保存：登录已失效，请重新登录' })
        break
      default:
        setNotice({ tone: 'error', text: `未保存：${failure.message}` })
    }
  }

  async function save() {
    if (busy) return
    const found = problemsOf(input)
    if (found.length > 0) {
      setProblems(found)
      setRecheck(true)
      setNotice({ tone: 'error', text: `有 ${found.length} 处需要修改，请查看标红的项目` })
      return
    }
    setBusy(true)
    setNotice(undefined)
    setConflict(undefined)
    setSessionLost(undefined)
    const sentJson = JSON.stringify(input)
    try {
      const saved = await send(input, record, record ? baseVersion : undefined)
      clearDraft(key)
      applySaved(saved, sentJson)
      setProblems([])
      setRecheck(false)
      setNotice({ tone: 'success', text: SAVED_TEXT })
    } catch (error) {
      showFailure(error)
    } finally {
      setBusy(false)
    }
  }

  /** After a conflict: the server's version replaces the form, and the staffer's unsent input is dropped. */
  async function loadLatest() {
    if (!record || busy) return
    setBusy(true)
    try {
      const latest = await fetchLatest(record)
      const next = formOf(latest)
      setForm(next)
      applySaved(latest, JSON.stringify(inputOf(next)))
      clearDraft(draftKeyOf(latest))
      setConflict(undefined)
      setProblems([])
      setRecheck(false)
      setNotice({ tone: 'success', text: `已载入最新版本（${lastEditedLine(latest)}）` })
    } catch (error) {
      showFailure(error)
    } finally {
      setBusy(false)
    }
  }

  function restoreDraft() {
    if (!offer) return
    setForm(formOfDraft(offer.value, formOf(initial)))
    // The draft was started from this version: if the record changed since, saving it says so (409).
    if (offer.baseVersion !== undefined) setBaseVersion(offer.baseVersion)
    dismiss()
  }

  function discardDraft() {
    clearDraft(initialKey)
    dismiss()
  }

  return {
    record,
    form,
    setForm,
    input,
    dirty,
    errors: problemMap(shownProblems),
    problems: shownProblems,
    busy,
    notice,
    conflict,
    sessionLost,
    save,
    loadLatest,
    keepEditing: () => setConflict(undefined),
    adopt: (saved: R) => {
      setRecord(saved)
      setBaseVersion(saved.version)
    },
    offer,
    restoreDraft,
    discardDraft
  }
}

/** Field problems under one dotted prefix, e.g. whether a collapsed section holds any. */
export function hasErrorsUnder(errors: Record<string, string>, prefix: string): boolean {
  return Object.keys(errors).some((field) => field === prefix || field.startsWith(`${prefix}.`))
}
