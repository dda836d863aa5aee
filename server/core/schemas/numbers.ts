/**
 * The one way a request schema takes a number: `FiniteInteger` / `FiniteNumber`, checked by the `finiteNumber`
 * keyword (installed into Fastify's Ajv by `finiteNumbersPlugin`, server/app.ts).
 *
 * Why not `Type.Integer({ minimum, maximum })`: Ajv coerces query and body strings to numbers with `+value`, so
 * 「Infinity」, 「1e400」, 「0x10」, 「 1」 and 「1.0」 all become numbers, and it applies minimum/maximum only to finite
 * numbers — `?page=Infinity` reached `.offset()` and the database answered 500. These schemas carry no `type`, so
 * Ajv's coercion never runs on them: the keyword reads the value itself, takes a JSON number or a plain decimal
 * string (「12」, 「-3」, 「40.5」; no exponent, no hex, no spaces), refuses anything non-finite or outside the bounds,
 * and writes the number back for the handler. A refusal is a 400 naming the parameter with its `description`.
 *
 * tests/server/request-schemas.test.ts fails when a request schema of any route declares a bare number or integer.
 */
import { Type } from '@sinclair/typebox'
import type { FastifyServerOptions } from 'fastify'

export const FINITE_NUMBER_KEYWORD = 'finiteNumber'

export interface FiniteNumberRule {
  integer: boolean
  minimum?: number
  maximum?: number
  /** null is allowed too (e.g. 「不限名额」). */
  nullable?: boolean
}

interface NumberOptions {
  minimum?: number
  maximum?: number
  /** What a valid value looks like, in Chinese: the text of the 400 (server/core/errors.ts). */
  description: string
}

/** An integer between two bounds, both required: every integer a request carries ends up in SQL or a loop. */
export function FiniteInteger(options: NumberOptions & { minimum: number; maximum: number }) {
  const { minimum, maximum, description } = options
  if (!Number.isSafeInteger(minimum) || !Number.isSafeInteger(maximum) || minimum > maximum) {
    throw new Error(`FiniteInteger needs safe integer bounds, got ${minimum}..${maximum}`)
  }
  const rule: FiniteNumberRule = { integer: true, minimum, maximum }
  return Type.Unsafe<number>({ [FINITE_NUMBER_KEYWORD]: rule, description })
}

/** A finite number; bounds are optional where a shared domain rule checks the range with a better message. */
export function FiniteNumber(options: NumberOptions) {
  const rule: FiniteNumberRule = { integer: false, minimum: options.minimum, maximum: options.maximum }
  return Type.Unsafe<number>({ [FINITE_NUMBER_KEYWORD]: rule, description: options.description })
}

export function FiniteNumberOrNull(options: NumberOptions) {
  const rule: FiniteNumberRule = { integer: false, minimum: options.minimum, maximum: options.maximum, nullable: true }
  return Type.Unsafe<number | null>({ [FINITE_NUMBER_KEYWORD]: rule, description: options.description })
}

const DECIMAL_INTEGER = /^-?(0|[1-9][0-9]{0,15})$/
const DECIMAL_NUMBER = /^-?(0|[1-9][0-9]{0,15})(\.[0-9]{1,15})?$/

/** The number a request value stands for under the rule, or undefined when it stands for none. */
export function finiteNumberOf(rule: FiniteNumberRule, value: unknown): number | null | undefined {
  if (value === null) return rule.nullable ? null : undefined
  let number: number
  if (typeof value === 'number') number = value
  else if (typeof value === 'string' && (rule.integer ? DECIMAL_INTEGER : DECIMAL_NUMBER).test(value)) number = Number(value)
  else return undefined
  if (!Number.isFinite(number)) return undefined
  if (rule.integer && !Number.isSafeInteger(number)) return undefined
  if (rule.minimum !== undefined && number < rule.minimum) return undefined
  if (rule.maximum !== undefined && number > rule.maximum) return undefined
  return number
}

interface DataContext {
  parentData?: Record<string | number, unknown>
  parentDataProperty?: string | number
}

/** Fastify's Ajv is its own copy (the top-level `ajv` is another major version): typed from Fastify's options. */
type AjvPlugin = Extract<NonNullable<NonNullable<FastifyServerOptions['ajv']>['plugins']>[number], (...args: never[]) => unknown>
type Ajv = Parameters<AjvPlugin>[0]

export function finiteNumbersPlugin(ajv: Ajv): Ajv {
  return ajv.addKeyword({
    keyword: FINITE_NUMBER_KEYWORD,
    schemaType: 'object',
    // Writes the parsed number back, so the handler gets 12, not 「12」.
    modifying: true,
    errors: false,
    validate(rule: FiniteNumberRule, value: unknown, _parentSchema: unknown, context?: DataContext) {
      const number = finiteNumberOf(rule, value)
      if (number === undefined) return false
      if (context?.parentData && context.parentDataProperty !== undefined) context.parentData[context.parentDataProperty] = number
      return true
    }
  })
}
