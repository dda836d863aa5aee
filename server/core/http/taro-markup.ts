/**
 * HTML as the H5 app's components draw it (Taro's React components, config `useHtmlComponents`): a View is a <div>,
 * a Text a <span class="taro-text …">, an Image a <div class="taro-img …"> around an <img>, a horizontal ScrollView a
 * <div class="taro-scroll taro-scroll-view__scroll-x …">. A first screen drawn with these is the markup the app then
 * draws itself, so the page's own CSS lays both out alike (tests/app/first-screen.test.tsx compares them).
 *
 * Text is escaped here; a Markup is HTML already made by these functions, so nothing unescaped gets in.
 */
export interface Markup {
  readonly html: string
}

type Child = Markup | false | null | undefined
type Attributes = Record<string, string | undefined | false>

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character])
}

function attributes(values: Attributes): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('')
}

const joined = (children: Child[]) => children.map((child) => (child ? child.html : '')).join('')

/** Elements that have no end tag. */
const VOID = new Set(['img', 'br', 'hr', 'input', 'meta', 'link'])

export function element(tag: string, values: Attributes, children: Child[] = []): Markup {
  return { html: VOID.has(tag) ? `<${tag}${attributes(values)}>` : `<${tag}${attributes(values)}>${joined(children)}</${tag}>` }
}

export const view = (className: string, children: Child[], extra: Attributes = {}): Markup => element('div', { class: className, ...extra }, children)

export const text = (className: string, content: string, extra: Attributes = {}): Markup => ({
  html: `<span${attributes({ class: `taro-text ${className}`, ...extra })}>${escapeHtml(content)}</span>`
})

/** An Image in `aspectFill` mode. */
export const image = (className: string, src: string): Markup => ({
  html: `<div class="taro-img ${escapeHtml(className)}"><img class="taro-img__mode-aspectfill" src="${escapeHtml(src)}"></div>`
})

/** A ScrollView with `scrollX enhanced showScrollbar={false}`. */
export const scrollX = (className: string, children: Child[]): Markup =>
  view(`taro-scroll taro-scroll-view__scroll-x taro-scroll--hidebar taro-scroll--enhanced ${className}`, children)

export const fragment = (children: Child[]): Markup => ({ html: joined(children) })

/** Every class name the markup uses: the page's CSS rules that can apply to it are the ones naming only these. */
export function classesOf(markup: Markup): Set<string> {
  const classes = new Set<string>()
  for (const match of markup.html.matchAll(/\sclass="([^"]*)"/g)) match[1].split(/\s+/).forEach((name) => name && classes.add(name))
  return classes
}
