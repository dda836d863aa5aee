/**
 * What every content editor does the same way: a form over one versioned record, checked with the shared validator
 * before anything is sent, saved against the version it was loaded at, and kept on the device until the server has
 * it. A refusal never loses the staffer's input: field problems are marked, a colleague's save in between is shown
 * as a conflict with the choice to load theirs, and an ended session says how to log in again.
 */
import { useEffect, useMemo, useState } from 'react'
import { lastEditedLine, type Versioned } from '@/domain/content'
import type { FieldProblem } from '@/domain/validation'
import { clearDraft, useKeepDraft, useKeptDraftOffer, type KeptDraft } from '@/state/local-draft'
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
  /** What is kept on the device for a form (e.g. without keys that only live as long as the page); the form itself by default. */
  draftOf?: (form: F) => unknown
  /** The notice after a save; 「已保存，职工端已更新」 by default. */
  savedText?: (saved: R) => string
  /** Said instead of saving when a saved record's form is unchanged: a save would only add a version and an audit record. */
  unchangedText?: string
}

export type Notice = { tone: 'success' | 'error'; text: string }
export type Conflict = Extract<SaveFailure, { kind: 'conflict' }>

/**
 * A change beside the plain save that an editor offers as its own button (发布, 定时发布, 撤下 …), run with the
 * same busy state, failure display and version bookkeeping as a save.
 */
export interface EditorAction<R extends Versioned> {
  /** Shown while it runs: 「正在发布…」. */
  busyText: string
  /**
   * The action works on the record as the server has it: the form is checked, and saved first when it holds
   * unsaved input (publishing what is on the screen). Without it, the form is neither checked nor sent (撤下).
   */
  savesFirst?: boolean
  /** The change itself, made against `version`; the record the server answers replaces the editor's. */
  perform: (record: R | undefined, version: number | undefined) => Promise<{ record: R; text: string }>
}

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
  /** What is running: 「正在保存…」, 「正在发布…」 … */
  busyText?: string
  notice?: Notice
  conflict?: Conflict
  sessionLost?: string
  /** Saves the form, or `form` when given (a change made and saved in one tap, e.g. 取消置顶). */
  save: (form?: F) => Promise<void>
  run: (action: EditorAction<R>) => Promise<void>
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
  const { initial, draftKeyOf, formOf, formOfDraft, inputOf, problemsOf, send, fetchLatest, draftOf, savedText, unchangedText } = config
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
  const kept = useMemo(() => (draftOf ? draftOf(form) : form), [form, draftOf])
  // Not while a kept draft waits for 恢复 / 放弃: that would overwrite it before the staffer has chosen.
  useKeepDraft(key, kept, dirty && !offer, baseVersion)
  // Typed and then undone back to what the server has: a copy kept in between is nothing to offer next time.
  useEffect(() => {
    if (!dirty && !offer) clearDraft(key)
  }, [dirty, offer, key])

  const [problems, setProblems] = useState<FieldProblem[]>([])
  /** After a refused save the problems follow the form, so each one goes as soon as it is fixed. */
  const [recheck, setRecheck] = useState(false)
  const shownProblems = recheck ? problemsOf(input) : problems

  const [busyText, setBusyText] = useState<string>()
  const busy = busyText !== undefined
  const [notice, setNotice] = useState<Notice>()
  const [conflict, setConflict] = useState<Conflict>()
  const [sessionLost, setSessionLost] = useState<string>()

  function applySaved(saved: R, sentJson: string) {
    setRecord(saved)
    setBaseVersion(saved.version)
    setSavedJson(sentJson)
  }

  function adopt(saved: R) {
    setRecord(saved)
    setBaseVersion(saved.version)
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
      case 'refused':
        // Not about versions (e.g. withdrawing what is not published): the server's sentence says it all.
        setNotice({ tone: 'error', text: failure.message })
        break
      default:
        setNotice({ tone: 'error', text: `未保存：${failure.message}` })
    }
  }

  /** Checks the form as the server will; false (with the problems marked) when it would be refused. */
  function checked(current: I): boolean {
    const found = problemsOf(current)
    if (found.length === 0) return true
    setProblems(found)
    setRecheck(true)
    setNotice({ tone: 'error', text: `有 ${found.length} 处需要修改，请查看标红的项目` })
    return false
  }

  /** Runs one change; whatever fails, the form stays as typed. */
  async function running(text: string, work: () => Promise<Notice>) {
    setBusyText(text)
    setNotice(undefined)
    setConflict(undefined)
    setSessionLost(undefined)
    try {
      const done = await work()
      setProblems([])
      setRecheck(false)
      setNotice(done)
    } catch (error) {
      showFailure(error)
    } finally {
      setBusyText(undefined)
    }
  }

  /** Sends a form (create or update) and, once the server has it, drops the copy kept on the device. */
  async function persist(sent: I): Promise<R> {
    const saved = await send(sent, record, record ? baseVersion : undefined)
    clearDraft(key)
    applySaved(saved, JSON.stringify(sent))
    return saved
  }

  async function save(next?: F) {
    const sent = next === undefined ? input : inputOf(next)
    if (busy || !checked(sent)) return
    await running('正在保存…', async () => {
      if (unchangedText && record && JSON.stringify(sent) === savedJson) return { tone: 'success', text: unchangedText }
      const saved = await persist(sent)
      return { tone: 'success', text: savedText ? savedText(saved) : SAVED_TEXT }
    })
  }

  async function run(action: EditorAction<R>) {
    if (busy || (action.savesFirst && !checked(input))) return
    await running(action.busyText, async () => {
      let current = record
      let version = record ? baseVersion : undefined
      if (action.savesFirst && (!record || dirty)) {
        current = await persist(input)
        version = current.version
      }
      const done = await action.perform(current, version)
      adopt(done.record)
      return { tone: 'success', text: done.text }
    })
  }

  /** After a conflict: the server's version replaces the form, and the staffer's unsent input is dropped. */
  async function loadLatest() {
    if (!record || busy) return
    setBusyText('正在载入最新版本…')
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
      setBusyText(undefined)
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
    busyText,
    notice,
    conflict,
    sessionLost,
    save,
    run,
    loadLatest,
    keepEditing: () => setConflict(undefined),
    adopt,
    offer,
    restoreDraft,
    discardDraft
  }
}

/** Field problems under one dotted prefix, e.g. whether a collapsed section holds any. */
export function hasErrorsUnder(errors: Record<string, string>, prefix: string): boolean {
  return Object.keys(errors).some((field) => field === prefix || field.startsWith(`${prefix}.`))
}
