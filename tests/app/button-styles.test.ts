/**
 * Every <Button> in the app against WeChat's built-in button rules: for each property a button's own classes set,
 * the cascade (specificity, then order — WeChat's rules load first) must pick the house's value, in every state the
 * button can be in (type attribute absent or "default", size='mini', disabled, pressed), and no grey hairline
 * (button::after) is left. A miniature cascade over single-element selectors: the rules that only apply under an
 * ancestor (长辈模式) do not decide the default look.
 */
import { execFileSync } from 'child_process'
import fs from 'fs'
import path from 'path'
import postcss from 'postcss'
import { WECHAT_BUTTON_RULES } from './support/wechat-button-rules'

const SRC = path.join(__dirname, '../../src')

function filesUnder(dir: string, extension: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return filesUnder(full, extension)
    return entry.name.endsWith(extension) ? [full] : []
  })
}

type Compound = { tag?: string; classes: string[]; attrs: Array<{ name: string; value?: string }>; notAttrs: string[]; pseudoElement?: string }
type Rule = { compound: Compound; specificity: [number, number, number]; order: number; properties: Map<string, string>; source: string }
type ButtonElement = { classes: string[]; attrs: Map<string, string>; pseudoElement?: string }

/** Parses one compound selector (no combinators); null for anything else. */
function parseCompound(selector: string): Compound | null {
  const text = selector.trim()
  if (/[\s>+~]/.test(text)) return null
  const compound: Compound = { classes: [], attrs: [], notAttrs: [] }
  const token = /^(?:([a-z][\w-]*)|\.([\w-]+)|\[([\w-]+)(?:=['"]?([^'"\]]*)['"]?)?\]|:not\(\[([\w-]+)\]\)|::?(after|before))/i
  let rest = text
  while (rest) {
    const match = token.exec(rest)
    if (!match) return null
    if (match[1]) compound.tag = match[1] === 'wx-button' ? 'button' : match[1]
    else if (match[2]) compound.classes.push(match[2])
    else if (match[3]) compound.attrs.push({ name: match[3], value: match[4] })
    else if (match[5]) compound.notAttrs.push(match[5])
    else if (match[6]) compound.pseudoElement = match[6]
    rest = rest.slice(match[0].length)
  }
  return compound
}

function specificityOf(compound: Compound): [number, number, number] {
  const elements = (compound.tag ? 1 : 0) + (compound.pseudoElement ? 1 : 0)
  return [0, compound.classes.length + compound.attrs.length + compound.notAttrs.length, elements]
}

function matches(compound: Compound, element: ButtonElement): boolean {
  if (compound.tag && compound.tag !== 'button') return false
  if ((compound.pseudoElement ?? '') !== (element.pseudoElement ?? '')) return false
  if (!compound.classes.every((name) => element.classes.includes(name))) return false
  if (!compound.attrs.every((attr) => element.attrs.has(attr.name) && (attr.value === undefined || element.attrs.get(attr.name) === attr.value))) return false
  return compound.notAttrs.every((name) => !element.attrs.has(name))
}

/** Longhands of the shorthands the house writes, for the properties WeChat's rules set. */
function longhands(property: string): string[] {
  if (property === 'background') return ['background-color']
  if (property === 'padding') return ['padding-left', 'padding-right']
  if (property === 'margin') return ['margin-left', 'margin-right']
  return [property]
}

let order = 0
function rulesOf(css: string, source: string): Rule[] {
  const rules: Rule[] = []
  postcss.parse(css).walkRules((node) => {
    if (node.parent?.type === 'atrule') return
    const properties = new Map<string, string>()
    node.walkDecls((decl) => longhands(decl.prop).forEach((name) => properties.set(name, decl.value)))
    for (const selector of node.selectors) {
      const compound = parseCompound(selector)
      if (compound) rules.push({ compound, specificity: specificityOf(compound), order: order++, properties, source: `${source}: ${selector}` })
    }
  })
  return rules
}

const wechatRules: Rule[] = WECHAT_BUTTON_RULES.flatMap((rule) => {
  const compound = parseCompound(rule.selector)!
  return [
    { compound, specificity: specificityOf(compound), order: order++, properties: new Map(Object.entries(rule.properties)), source: `WeChat: ${rule.selector}` }
  ]
})
// Sass does not run inside jsdom: the stylesheets are compiled in a child Node, as the build compiles them.
const scssFiles = filesUnder(SRC, '.scss')
const compiled: string[] = JSON.parse(
  execFileSync(
    process.execPath,
    [
      '-e',
      "const sass = require('sass'); console.log(JSON.stringify(JSON.parse(process.argv[1]).map((file) => sass.compile(file).css)))",
      JSON.stringify(scssFiles)
    ],
    {
      cwd: path.join(__dirname, '../..'),
      maxBuffer: 64 * 1024 * 1024
    }
  ).toString()
)
const houseRules: Rule[] = scssFiles.flatMap((file, at) => rulesOf(compiled[at], path.relative(SRC, file)))

function compare(a: Rule, b: Rule): number {
  for (let at = 0; at < 3; at++) if (a.specificity[at] !== b.specificity[at]) return a.specificity[at] - b.specificity[at]
  return a.order - b.order
}

function winner(element: ButtonElement, property: string): Rule | undefined {
  return [...wechatRules, ...houseRules]
    .filter((rule) => rule.properties.has(property) && matches(rule.compound, element))
    .sort(compare)
    .pop()
}

type Usage = { file: string; classes: string[]; mini: boolean; disabled: boolean }

/** Every <Button …> in the source: the classes its className can carry, size='mini', and whether it can be disabled. */
const usages: Usage[] = filesUnder(SRC, '.tsx').flatMap((file) => {
  const text = fs.readFileSync(file, 'utf8')
  return [...text.matchAll(/<Button\b([^>]*?)>/gs)].map((match) => {
    const attributes = match[1]
    const className = /className=(?:'([^']*)'|\{`([^`]*)`\})/.exec(attributes)
    const classes = (className?.[1] ?? className?.[2] ?? '').match(/[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:__[a-z0-9-]+)?/g) ?? []
    return {
      file: path.relative(SRC, file),
      classes: classes.filter((name) => name.includes('__') || /^[a-z]+-[a-z-]+$/.test(name)),
      mini: /size='mini'/.test(attributes),
      disabled: /\bdisabled\b/.test(attributes)
    }
  })
})

function statesOf(usage: Usage): Array<{ name: string; element: ButtonElement }> {
  const states: Array<{ name: string; element: ButtonElement }> = []
  for (const type of [undefined, 'default']) {
    const base = new Map<string, string>([['size', usage.mini ? 'mini' : 'default']])
    if (type) base.set('type', type)
    const label = type ? 'type=default' : 'no type'
    states.push({ name: label, element: { classes: usage.classes, attrs: base } })
    states.push({ name: `${label}, pressed`, element: { classes: [...usage.classes, 'button-hover'], attrs: base } })
    if (usage.disabled) states.push({ name: `${label}, disabled`, element: { classes: usage.classes, attrs: new Map([...base, ['disabled', '']]) } })
  }
  return states
}

describe('buttons against WeChat’s built-in button styles', () => {
  it('finds the app’s buttons, their classes, the mini ones and the ones that can be disabled', () => {
    expect(usages.length).toBeGreaterThan(60)
    expect(usages.filter((usage) => usage.mini).length).toBeGreaterThan(3)
    expect(usages.filter((usage) => usage.disabled).length).toBeGreaterThan(10)
    const unstyled = usages.filter((usage) => usage.classes.length === 0)
    expect(unstyled).toEqual([])
  })

  it('every button shows its own type size, colours, background and padding in every state, never WeChat’s', () => {
    const lost: string[] = []
    for (const usage of usages) {
      // What the button's own classes say, in its plain state: the look it must keep in every state.
      const plain: ButtonElement = { classes: usage.classes, attrs: new Map([['size', 'default']]) }
      const ownProperties = new Set(
        houseRules
          .filter((rule) => rule.compound.classes.some((name) => usage.classes.includes(name)) && matches(rule.compound, plain))
          .flatMap((rule) => [...rule.properties.keys()])
      )
      // A mini button must not keep any of WeChat's mini look, set by its classes or not.
      if (usage.mini) ['display', 'line-height', 'font-size', 'padding-left', 'padding-right'].forEach((name) => ownProperties.add(name))
      const contested = new Set(wechatRules.flatMap((rule) => [...rule.properties.keys()]))
      for (const state of statesOf(usage)) {
        for (const property of contested) {
          if (!ownProperties.has(property)) continue
          const rule = winner(state.element, property)
          if (!rule || rule.source.startsWith('WeChat')) {
            lost.push(`${usage.file} .${usage.classes.join('.')} (${state.name}): ${property} from ${rule?.source ?? 'nobody'}`)
          }
        }
      }
    }
    expect(lost).toEqual([])
  })

  it('no button keeps WeChat’s grey hairline', () => {
    const kept = usages.filter((usage) => {
      const after = winner({ classes: usage.classes, attrs: new Map([['size', usage.mini ? 'mini' : 'default']]), pseudoElement: 'after' }, 'display')
      return !after || after.source.startsWith('WeChat') || after.properties.get('display') !== 'none'
    })
    expect(kept.map((usage) => `${usage.file} .${usage.classes.join('.')}`)).toEqual([])
  })
})
