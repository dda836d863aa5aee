/**
 * The one validation engine. Every validator in the domain (news, competitions, services, plan, featured items,
 * stations, accounts) collects its problems through `collector()` and checks text with `checkText`, so a rule and
 * its message are written once. The editor pages run these validators before sending and the server runs them again
 * after its schema check: a staffer reads the same message whichever side catches the mistake.
 */

/**
 * An error body lists at most this many problems: enough to mark every mistake of a form a person filled in, and
 * never megabytes for a body of 100 000 blank items.
 */
export const MAX_REPORTED_PROBLEMS = 20

export interface FieldProblem {
  /** Dotted path of the field, e.g. "blocks.2.text". */
  field: string
  message: string
}

export type Check = (field: string, message: string, failed: boolean) => void

/** checkText bound to one collector. */
export type TextCheck = (field: string, label: string, value: string, rule: TextRule) => void

/** Collects the problems of one input, the first MAX_REPORTED_PROBLEMS of them. */
export function collector(): { problems: FieldProblem[]; check: Check; text: TextCheck } {
  const problems: FieldProblem[] = []
  const check: Check = (field, message, failed) => {
    if (failed && problems.length < MAX_REPORTED_PROBLEMS) problems.push({ field, message })
  }
  return { problems, check, text: (field, label, value, rule) => checkText(check, field, label, value, rule) }
}

/**
 * The items of a list a validator looks at one by one: at most `limit` (the list's own rule reports that there are
 * too many), so the work and the problems stay bounded however long a list is sent.
 */
export function firstItems<T>(items: T[], limit: number): T[] {
  return items.length > limit ? items.slice(0, limit) : items
}

/** Characters as a person counts them: 「𠀀」 is one, not two UTF-16 units. */
export const length = (text: string) => [...text].length

/**
 * What no one-line field may hold: control characters (a line break in a station's name breaks its poster onto a
 * second page and the list row in two), the Unicode line and paragraph separators, and the bidirectional overrides
 * and isolates that make text display in an order other than it is stored.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/
/** The same for text shown as paragraphs: a plain line break (\n) is allowed there. */
const UNPRINTABLE_IN_PARAGRAPHS = /[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

export interface TextRule {
  /** Characters at most (as `length` counts them). */
  max: number
  /** Characters at least, spaces around the text not counted; more than 0 makes the field required. */
  min?: number
  /** A blank text is refused with 「请填写…」 (implied by a `min`). */
  required?: boolean
  /** Refuse control characters: all of them ('one' line), or all but the line break ('paragraphs'). */
  lines?: 'one' | 'paragraphs'
}

/**
 * One text field: unprintable characters (when the rule names its lines), then blank (「请填写…」, nothing more to
 * say), then too short, then too long — 「标题不能超过 60 字（现 61 字）」.
 */
export function checkText(check: Check, field: string, label: string, value: string, rule: TextRule): void {
  const { max, min = 0, required = min > 0, lines } = rule
  if (lines && (lines === 'paragraphs' ? UNPRINTABLE_IN_PARAGRAPHS : UNPRINTABLE).test(value)) {
    check(field, lines === 'paragraphs' ? `${label}不能包含除换行外的控制字符` : `${label}不能包含换行或控制字符`, true)
    return
  }
  const trimmed = length(value.trim())
  if (required && trimmed === 0) {
    check(field, `请填写${label}`, true)
    return
  }
  check(field, `${label}至少 ${min} 个字`, trimmed < min)
  check(field, `${label}不能超过 ${max} 字（现 ${length(value)} 字）`, length(value) > max)
}

/** Any refusal of the API: `{ error: { code, message } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string }
}

/** What the server answers with a 400 from these validators: the first problem, and all of them. */
export interface FieldErrorBody {
  error: { code: 'INVALID_FIELD'; message: string; field: string; problems: FieldProblem[] }
}
