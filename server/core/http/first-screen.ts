/**
 * The first screen in the HTML: a page the server draws before any script runs, which the app takes over.
 *
 * Taro has no server rendering, so a slice draws its page's first screen with taro-markup.ts — the markup Taro's H5
 * components produce — from the very API answer the app would ask for, and hands in a FirstScreen. This file builds
 * the document around it from the H5 build's own index.html:
 * - the page's markup in `#first-screen`, laid over the app (fixed, scrolling, the page's background) until the app
 *   has drawn the same page and removes it (src/first-screen.ts): the hand-over;
 * - the CSS it needs inline — app.css, the few rules of Taro's own components it uses (TARO_COMPONENT_CSS), and
 *   from the page's own CSS chunk the rules whose class names all occur in the markup — so nothing blocks the first
 *   paint, and the rules are the app's own, from the same build;
 * - the API answers it was drawn from (`#first-screen-data`), which the app keeps as its first answers instead of
 *   asking again;
 * - preload hints for the page's JS and CSS chunks, which the router would otherwise ask for only after the app's
 *   JS has run;
 * - for a printed address (`/s/<code>`), the app's own path for the page (history.replaceState before the router
 *   reads it), so no redirect costs a round trip.
 *
 * Everything read from the build is read again when index.html changes (a rebuild while the server runs).
 */
import fs from 'node:fs'
import path from 'node:path'
import postcss, { type ChildNode, type Root } from 'postcss'
import { APP_TAB_BAR, ELDER_MODE_STORAGE_KEY } from '@/domain'
import { classesOf, element, escapeHtml, fragment, type Markup } from './taro-markup'

/** One API answer the first screen was drawn from, as the route sent it. */
export interface FirstScreenAnswer {
  /** The API path and query, as the app asks for it (`/api/home`). */
  url: string
  etag?: string
  /** The JSON text of the 200 answer. */
  body: string
}

export interface FirstScreen {
  /** The app's page that takes over (`packages/stations/station/index`): its chunks are hinted and its CSS inlined. */
  page: string
  /** The document's title. */
  title: string
  /** The page as the app draws it, from its PageRoot down. */
  markup: Markup
  answers: FirstScreenAnswer[]
  /** A tab page: the tab bar is drawn under it with this tab chosen (APP_TAB_BAR's page). */
  tab?: string
  /** The app's path for this page when the request's path is another one (a printed `/s/<code>`). */
  appPath?: string
}

/**
 * Taro's H5 components' own rules for what first screens use (their CSS comes inside Taro's JS, so it cannot be read
 * from a CSS file), and the tab bar's (Taro's weui tab bar). Copied from @tarojs/components 4.2.1.
 */
export const TARO_COMPONENT_CSS = [
  '.taro-text{-webkit-user-select:none;user-select:none}',
  '.taro-img{display:inline-block;font-size:0;height:240px;overflow:hidden;position:relative;width:320px}',
  '.taro-img__mode-aspectfill{height:100%;object-fit:cover;width:100%}',
  'img[src=""]{opacity:0}',
  '.taro-scroll{-webkit-overflow-scrolling:auto}',
  '.taro-scroll--hidebar::-webkit-scrollbar{display:none}',
  '.taro-scroll-view__scroll-x{overflow-x:scroll;overflow-y:hidden}',
  '.weui-tabbar{z-index:500;align-items:center;width:100%;display:flex;position:absolute;bottom:0}',
  '.weui-tabbar:before{content:" ";transform-origin:0 0;border-top:1px solid #c0bfc4;height:1px;position:absolute;top:0;left:0;right:0;transform:scaleY(.5)}',
  '.taro-tabbar__border-black:before{border-top-color:#000!important}',
  '.weui-tabbar__item{padding:5px 0;padding-bottom:env(safe-area-inset-bottom);text-align:center;flex:1;font-size:0;display:block}',
  '.weui-tabbar__icon{width:27px;height:27px;display:inline-block}',
  '.weui-tabbar__label{text-align:center;font-size:10px;line-height:1.8;margin:0}'
].join('')

/** The layer the first screen is drawn in: where Taro puts a page (the whole window, less a tab bar), on top. */
const FRAME_CSS = [
  // Taro's script sizes the root from the screen (20 px on a 375 px phone); the same where scripts are off.
  'html{font-size:20px}',
  '.first-screen__page{position:fixed;top:0;left:0;right:0;bottom:0;z-index:1000;overflow-x:hidden;overflow-y:scroll;background-color:#f6f4f2}',
  '.first-screen--tab .first-screen__page{bottom:calc(50px + env(safe-area-inset-bottom))}',
  '.first-screen__tabbar{position:fixed;left:0;right:0;bottom:0;z-index:1000;height:50px;margin-bottom:env(safe-area-inset-bottom)}'
].join('')

/** Where Taro's H5 build puts an image of the app's own (`assets/tab/home.png`). */
const builtAsset = (source: string) => `/static/images/${source}`

function tabBarMarkup(chosen: string): Markup {
  const { color, selectedColor, backgroundColor, list } = APP_TAB_BAR
  return element('div', { class: 'first-screen__tabbar' }, [
    element(
      'div',
      { class: 'weui-tabbar taro-tabbar__border-black', style: `background-color:${backgroundColor};height:inherit` },
      list.map((tab) => {
        const on = tab.pagePath === chosen
        return element('a', { class: 'weui-tabbar__item', href: `/${tab.pagePath}` }, [
          element('span', { style: 'display:inline-block;position:relative' }, [
            element('img', { src: builtAsset(on ? tab.selectedIconPath : tab.iconPath), alt: '', class: 'weui-tabbar__icon' })
          ]),
          element('p', { class: 'weui-tabbar__label', style: `color:${on ? selectedColor : color}` }, [{ html: escapeHtml(tab.text) }])
        ])
      })
    )
  ])
}

/** The rules of `root` that can apply to markup using only `classes`: every class a selector names is in it. */
export function rulesFor(root: Root, classes: Set<string>): string {
  const applies = (selector: string) => {
    const named = [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1])
    return named.length > 0 && named.every((name) => classes.has(name))
  }
  const keep = (node: ChildNode): string => {
    if (node.type === 'rule') {
      const selectors = node.selectors.filter(applies)
      if (selectors.length === 0) return ''
      return `${selectors.join(',')}{${node.nodes.map((child) => child.toString()).join(';')}}`
    }
    if (node.type === 'atrule' && node.name === 'media' && node.nodes) {
      const inner = node.nodes.map(keep).join('')
      return inner ? `@media ${node.params}{${inner}}` : ''
    }
    return ''
  }
  return root.nodes.map(keep).join('')
}

interface Build {
  html: string
  /** app.css, inlined where index.html links it (it is small, and a link would hold back the first paint). */
  appCss?: { link: string; css: string }
  /** The app's entry script, where the router says which chunks each page needs. */
  appJs: string
  files: string[]
}

function readBuild(h5Dir: string, html: string): Build {
  const files = ['js', 'css'].flatMap((folder) => {
    try {
      return fs.readdirSync(path.join(h5Dir, folder)).map((name) => `/${folder}/${name}`)
    } catch {
      return []
    }
  })
  const read = (file: string) => {
    try {
      return fs.readFileSync(path.join(h5Dir, file), 'utf8')
    } catch {
      return ''
    }
  }
  const link = /<link href="(\/css\/app\.[\w.]+\.css)" rel="stylesheet">/.exec(html)
  const script = /<script defer="defer" src="(\/js\/app\.[\w.]+\.js)"><\/script>/.exec(html)
  return {
    html,
    appCss: link ? { link: link[0], css: read(link[1]) } : undefined,
    appJs: script ? read(script[1]) : '',
    files
  }
}

/**
 * The chunks the router loads for a page: in the entry script each page is
 * `{"path":"<page>","load":function(…){return[<chunk loads>.then(…)`, a chunk load being `.e(<id>)`.
 */
export function pageChunks(appJs: string, page: string): string[] {
  const start = appJs.indexOf(`"path":"${page}","load":`)
  if (start < 0) return []
  const end = appJs.indexOf('.then(', start)
  return [...appJs.slice(start, end < 0 ? undefined : end).matchAll(/\.e\((\d+)\)/g)].map((match) => match[1])
}

export function createAppPages(h5Dir: string) {
  const indexFile = path.join(h5Dir, 'index.html')
  let cached: { mtimeMs: number; build: Build; parsed: Map<string, Root> } | undefined

  function build(): { build: Build; parsed: Map<string, Root> } | undefined {
    let stat: fs.Stats
    try {
      stat = fs.statSync(indexFile)
    } catch {
      return undefined
    }
    if (!cached || cached.mtimeMs !== stat.mtimeMs) {
      cached = { mtimeMs: stat.mtimeMs, build: readBuild(h5Dir, fs.readFileSync(indexFile, 'utf8')), parsed: new Map() }
    }
    return cached
  }

  function parsedCss(parsed: Map<string, Root>, file: string): Root | undefined {
    if (!parsed.has(file)) {
      try {
        parsed.set(file, postcss.parse(fs.readFileSync(path.join(h5Dir, file), 'utf8')))
      } catch {
        return undefined
      }
    }
    return parsed.get(file)
  }

  const withAppCss = (html: string, appCss: Build['appCss']) => (appCss ? html.replace(appCss.link, () => `<style>${appCss.css}</style>`) : html)

  return {
    /**
     * The app with no first screen (every other path): index.html, app.css inline, moved to `appPath` when given.
     * Undefined: H5 is not built.
     */
    shell(appPath?: string): string | undefined {
      const current = build()
      if (!current) return undefined
      const html = withAppCss(current.build.html, current.build.appCss)
      return appPath ? html.replace('<div id="app"></div>', () => `<script>${moveTo(appPath)}</script><div id="app"></div>`) : html
    },

    /** The document with `screen` drawn in it. Undefined: H5 is not built. */
    page(screen: FirstScreen): string | undefined {
      const current = build()
      if (!current) return undefined
      const { html, appCss, appJs, files } = current.build
      const chunks = pageChunks(appJs, screen.page)
      const chunkFiles = chunks.flatMap((id) => files.filter((file) => file.startsWith(`/js/${id}.`) || file.startsWith(`/css/${id}.`)))
      const markup = fragment([element('div', { class: 'first-screen__page' }, [screen.markup]), screen.tab ? tabBarMarkup(screen.tab) : undefined])
      // 长辈模式's rules come with the page's, whether or not this phone has it on (the script below says).
      const classes = new Set([...classesOf(screen.markup), 'page-root--elder'])
      const pageCss = chunkFiles
        .filter((file) => file.endsWith('.css'))
        .map((file) => parsedCss(current.parsed, file))
        .map((root) => (root ? rulesFor(root, classes) : ''))
        .join('')
      const hints = chunkFiles.map((file) => `<link rel="preload" href="${file}" as="${file.endsWith('.css') ? 'style' : 'script'}">`).join('')
      // The answers' JSON as the routes wrote it, spliced in rather than parsed and written again.
      const data = `[${screen.answers.map(({ url, etag, body }) => `{"url":${JSON.stringify(url)},"etag":${JSON.stringify(etag ?? null)},"data":${body}}`).join(',')}]`
      const head = `${hints}<style id="first-screen-style">${TARO_COMPONENT_CSS}${FRAME_CSS}${pageCss}</style>`
      const body =
        `<div id="first-screen" class="first-screen${screen.tab ? ' first-screen--tab' : ''}">${markup.html}</div>` +
        `<script>${handOverScript(screen.appPath)}</script>` +
        `<script type="application/json" id="first-screen-data">${safeJson(data)}</script>`
      return withAppCss(html, appCss)
        .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(screen.title)}</title>`)
        .replace('</head>', () => `${head}</head>`)
        .replace('<div id="app"></div>', () => `${body}<div id="app"></div>`)
    }
  }
}

/** JSON inside <script>: no `</script>` or `<!--` can end or change it. */
const safeJson = (json: string) => json.replace(/</g, '\\u003c')

/**
 * Runs as soon as the first screen is parsed, before it is painted: 长辈模式 as this phone keeps it (Taro's storage:
 * localStorage, `{"data":true}`; src/state/elder-mode.ts), and the app's path for a printed address.
 */
function handOverScript(appPath: string | undefined): string {
  const elder =
    `try{if(JSON.parse(localStorage.getItem(${JSON.stringify(ELDER_MODE_STORAGE_KEY)})).data===true){var r=document.querySelector('#first-screen .page-root');` +
    "r.className+=' page-root--elder';r.setAttribute('data-elder-mode','on')}}catch(e){}"
  return appPath ? `${elder}${moveTo(appPath)}` : elder
}

/** Before the router reads the address: the app's own path for the page, without a round trip. */
const moveTo = (appPath: string) => `history.replaceState(history.state,'',${safeJson(JSON.stringify(appPath))})`

export type AppPages = ReturnType<typeof createAppPages>
