/**
 * Unsent work kept on the device until the server confirms it — a staffer's edit, a worker's sign-up form: a closed
 * app, a lost network or an ended session loses nothing. One key per record (or per new record of a kind, or per
 * event a worker signs up for). Shared by the staff editors and the worker forms.
 */
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'

// The name is historical (staff drafts came first); renaming it would lose drafts kept on devices.
const PREFIX = 'miyun:staff-draft:v1:'

export interface KeptDraft<T> {
  value: T
  /** The version of the record the draft was started from (absent for a new record). */
  baseVersion?: number
  savedAt: number
}

export function readDraft<T>(key: string): KeptDraft<T> | undefined {
  try {
    const kept = Taro.getStorageSync(PREFIX + key)
    return kept && typeof kept === 'object' && 'value' in kept ? (kept as KeptDraft<T>) : undefined
  } catch {
    return undefined
  }
}

export function writeDraft<T>(key: string, value: T, baseVersion?: number): void {
  try {
    Taro.setStorageSync(PREFIX + key, { value, baseVersion, savedAt: Date.now() } satisfies KeptDraft<T>)
  } catch {
    // Storage full: the editor still works, only the safety copy is missing.
  }
}

export function clearDraft(key: string): void {
  try {
    Taro.removeStorageSync(PREFIX + key)
  } catch {
    // Nothing kept.
  }
}

/**
 * Keeps `value` under `key` a moment after each change (typing does not write storage on every keystroke).
 * `enabled` is false until the editor has loaded what it edits, so a loading screen never overwrites a kept draft,
 * and false again once the server has the content: a change not yet written is then dropped, not written after the
 * caller cleared the draft.
 */
export function useKeepDraft<T>(key: string, value: T, enabled: boolean, baseVersion?: number, delayMs = 500): void {
  const latest = useRef({ key, value, baseVersion })
  latest.current = { key, value, baseVersion }
  /** A change the timer has not written yet. */
  const pending = useRef(false)
  useEffect(() => {
    pending.current = enabled
    if (!enabled) return
    const timer = setTimeout(() => {
      pending.current = false
      writeDraft(key, latest.current.value, latest.current.baseVersion)
    }, delayMs)
    return () => clearTimeout(timer)
  }, [key, value, enabled, baseVersion, delayMs])
  // Write the last change when the page goes away before the timer fires. Only on unmount: a cleanup that ran on
  // every change of `enabled` would write the draft again right after a save had cleared it.
  useEffect(
    () => () => {
      if (pending.current) writeDraft(latest.current.key, latest.current.value, latest.current.baseVersion)
    },
    []
  )
}

/** A kept draft found when the editor opens, offered to the staffer rather than applied silently. */
export function useKeptDraftOffer<T>(key: string): { offer?: KeptDraft<T>; dismiss: () => void } {
  const [offer, setOffer] = useState<KeptDraft<T> | undefined>(() => readDraft<T>(key))
  const dismiss = useCallback(() => setOffer(undefined), [])
  return { offer, dismiss }
}
