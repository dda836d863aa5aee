/**
 * Runs the BUILT mini-program (dist/weapp) in Node with WeChat's own component framework and WXML compiler
 * (miniprogram-simulate = j-component + the official wcc binary).
 *
 * What WeChat's runtime does and the simulator does not, done here:
 * - `App(...)`: app.js registers the app; we keep the options object as the app instance and call onLaunch/onShow.
 * - `Page(...)`: the simulator only knows `Component(...)`. A page is a component whose lifecycle methods
 *   (onLoad, onShow, onReady, onUnload, onReachBottom...) are methods, so `Page` is adapted to `Component`, with
 *   attached → onLoad(query) + onShow() and ready → onReady(), the order WeChat uses.
 * - `getApp`, `getCurrentPages`, and the `wx` API (see wx-host.ts).
 * Every component's setData is recorded (payload bytes as JSON, UTF-8), so a test can see what a page sends to the
 * view, e.g. when a list loads its next page.
 *
 * The page modules register with webpack's chunk loader on `wx.webpackJsonp`, and jest keeps one module registry
 * per test file: load the app once per test file (one `createSimulator` per file).
 */
import fs from 'node:fs'
import path from 'node:path'
import { installDom, type InstalledDom } from './dom'
import { waitUntil, watchScheduledWork } from './idle'
import { createWxHost, type WxHost, type WxHostOptions } from './wx-host'

export const REPO_ROOT = path.resolve(__dirname, '../../..')
export const WEAPP_DIST = path.join(REPO_ROOT, 'dist/weapp')

/** What a component sent to the view in one setData call. */
export interface SetDataRecord {
  /** The component's path in dist/weapp (the page, `comp`, `custom-wrapper`). */
  component: string
  keys: string[]
  bytes: number
  payload: Record<string, unknown>
}

// The parts of j-component's API used here (its own typings need miniprogram-api-typings' globals).
interface SimComponent {
  readonly dom: HTMLElement
  readonly instance: PageInstance
  attach(parent: Element): void
  detach(): void
}
interface Simulate {
  load(componentPath: string, options: { rootPath: string; compiler?: 'official' | 'simulate' }): string
  render(id: string, properties?: Record<string, unknown>): SimComponent
}

export interface PageInstance {
  route: string
  options: Record<string, string>
  data: Record<string, unknown>
  setData(data: Record<string, unknown>, callback?: () => void): void
  onLoad?(query: Record<string, string>): void
  onShow?(): void
  onReady?(): void
  onHide?(): void
  onUnload?(): void
  onReachBottom?(): void
  onPullDownRefresh?(): void
  [key: string]: unknown
}

export interface SimPage {
  route: string
  component: SimComponent
  instance: PageInstance
  /** The rendered text of the page (what a worker reads). */
  text(): string
  /** Waits until `predicate(text)` holds; fails with the page's text after `timeoutMs`. */
  waitFor(predicate: (text: string) => boolean, description: string, timeoutMs?: number): Promise<string>
  waitForText(fragment: string, timeoutMs?: number): Promise<string>
  /** Taps the innermost rendered element whose text contains `label` (a touchstart + touchend, as a finger does). */
  tap(label: string): Promise<void>
  unload(): void
}

export interface Simulator {
  host: WxHost
  setDataCalls: SetDataRecord[]
  /** Errors the app reported (React and Taro report through console.error), first line and top frames. */
  errors: string[]
  openPage(route: string, query?: Record<string, string>): Promise<SimPage>
  /** Pages opened so far, oldest first. */
  openedPages(): SimPage[]
  /** Resolves when no request is in flight and nothing the app scheduled is still to run (see idle.ts). */
  settle(timeoutMs?: number): Promise<void>
  close(): void
}

interface Exparser {
  Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): unknown
    dispatchEvent(target: unknown, event: unknown): void
  }
}

type Options = Record<string, unknown>

type Lifetime = (this: PageInstance, ...args: unknown[]) => void

const globals = globalThis as unknown as Record<string, unknown>

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8')
}

/** The text a worker reads: the rendered DOM's text, with each element's text separated. */
function renderedText(root: Element): string {
  const parts: string[] = []
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const value = (node.nodeValue ?? '').trim()
      if (value) parts.push(value)
      return
    }
    node.childNodes.forEach(walk)
  }
  walk(root)
  return parts.join(' ')
}

/**
 * The element a worker would tap for `label`: the innermost element whose whole text is `label` (a button, a
 * tab), else the innermost whose text contains it.
 */
function elementForLabel(root: Element, label: string): Element | undefined {
  const all = [root, ...Array.from(root.querySelectorAll('*'))]
  const exact = all.filter((element) => (element.textContent ?? '').trim() === label)
  const candidates = exact.length ? exact : all.filter((element) => (element.textContent ?? '').includes(label))
  // The innermost: no other candidate inside it.
  return candidates.find((element) => !candidates.some((other) => other !== element && element.contains(other)))
}

export function createSimulator(options: { distDir?: string } & WxHostOptions = {}): Simulator {
  const distDir = options.distDir ?? WEAPP_DIST
  if (!fs.existsSync(path.join(distDir, 'app.json'))) {
    throw new Error(`${distDir} has no app.json: build the mini-program first (npm run test:weapp builds it).`)
  }
  const dom: InstalledDom = installDom()
  const host = createWxHost({ hosts: options.hosts })
  const setDataCalls: SetDataRecord[] = []
  const scheduled = watchScheduledWork()

  // The app's own errors (a render that throws, a failed handler) reach console.error through React and Taro.
  // Keep them for the tests, and print them short: the built code is minified, and a code frame of it is one
  // enormous line.
  const errors: string[] = []
  const originalConsoleError = console.error
  console.error = (...args: unknown[]) => {
    const text = args
      .map((arg) => {
        if (arg instanceof Error) {
          const frames = (arg.stack ?? '').split('\n').slice(1, 4)
          return [`${arg.name}: ${arg.message}`, ...frames.map((line) => line.trim().slice(0, 160))].join('\n    ')
        }
        return String(arg).slice(0, 500)
      })
      .join(' ')
    errors.push(text)
    originalConsoleError(`[mini-program] ${text}`)
  }

  const saved = new Map(['wx', 'App', 'Page', 'Component', 'Behavior', 'getApp', 'getCurrentPages', 'TouchEvent'].map((name) => [name, globals[name]]))

  const restore = () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete globals[name]
      else globals[name] = value
    }
    console.error = originalConsoleError
    scheduled.restore()
    dom.uninstall()
  }

  try {
    return startApp()
  } catch (error) {
    restore()
    throw error
  }

  function startApp(): Simulator {
    globals.TouchEvent = dom.window.TouchEvent
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const simulate = require('miniprogram-simulate') as Simulate
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exparser = require('miniprogram-exparser') as Exparser
    globals.wx = host.wx

    // The simulator registers a page's components anew (under new ids) for every page it loads, and expects running a
    // component's JS file again to call Component() again. Built code does not: webpack runs each module once (as
    // WeChat runs each file once), so `comp` and `custom-wrapper` would stay unregistered for a second page and
    // render nothing. So each file's Component()/Page() definition is kept and given again when the file is loaded again.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const simulateUtils = require('miniprogram-simulate/src/utils') as { runJs: (filePath: string) => void }
    const definitionsByFile = new Map<string, () => void>()
    let runningFile: string | undefined
    simulateUtils.runJs = (filePath: string) => {
      const file = path.resolve(filePath)
      const registerAgain = definitionsByFile.get(file)
      if (registerAgain) {
        registerAgain()
        return
      }
      runningFile = file
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(file)
      } finally {
        runningFile = undefined
      }
    }
    const remember = (register: () => void) => {
      if (runningFile) definitionsByFile.set(runningFile, register)
      register()
    }

    // Record every component's setData. `this` in `created` is the component's method caller, which owns setData.
    const registerWithSimulator = globals.Component as (definition: Options) => void
    function instrumentSetData(definition: Options, componentPath: string): Options {
      const lifetimes = { ...((definition.lifetimes as Record<string, Lifetime>) ?? {}) }
      const created = lifetimes.created ?? (definition.created as Lifetime | undefined)
      lifetimes.created = function (this: PageInstance, ...args: unknown[]) {
        const original = this.setData
        this.setData = (data: Record<string, unknown>, callback?: () => void) => {
          setDataCalls.push({ component: componentPath, keys: Object.keys(data), bytes: byteLength(data), payload: data })
          return original.call(this, data, callback)
        }
        created?.apply(this, args)
      }
      return { ...definition, lifetimes }
    }
    // Taro's recursive template component is `comp`; its CustomWrapper says so with isCustomWrapper.
    globals.Component = (definition: Options) => {
      const instrumented = instrumentSetData(definition, definition.isCustomWrapper ? 'custom-wrapper' : 'comp')
      remember(() => registerWithSimulator(instrumented))
    }

    const pageStack: PageInstance[] = []
    let pendingPage: { route: string; query: Record<string, string> } | undefined

    globals.Page = (definition: Options) => remember(() => registerPage(definition))

    function registerPage(definition: Options): void {
      const { data, options: componentOptions, ...rest } = definition
      const methods: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(rest)) {
        if (typeof value === 'function') methods[key] = value
      }
      const target = pendingPage
      if (!target) throw new Error('Page() ran outside openPage()')
      const page: Options = {
        data,
        options: componentOptions,
        methods,
        lifetimes: {
          attached(this: PageInstance) {
            this.route = target.route
            this.options = target.query
            pageStack.push(this)
            this.onLoad?.({ ...target.query })
            this.onShow?.()
          },
          ready(this: PageInstance) {
            this.onReady?.()
          },
          detached(this: PageInstance) {
            this.onUnload?.()
            const index = pageStack.indexOf(this)
            if (index >= 0) pageStack.splice(index, 1)
          }
        }
      }
      registerWithSimulator(instrumentSetData(page, target.route))
    }

    let appInstance: Options | undefined
    globals.App = (definition: Options) => {
      appInstance = definition
    }
    globals.getApp = () => appInstance
    globals.getCurrentPages = () => [...pageStack]

    // app.js loads webpack's runtime, Taro's runtime, the vendors and the app's own code, then calls App().
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(distDir, 'app.js'))
    if (!appInstance) throw new Error('dist/weapp/app.js did not call App()')
    const launch = { path: 'pages/home/index', query: {}, scene: 1001 }
    const app = appInstance as Record<string, (this: Options, options: unknown) => void>
    app.onLaunch?.call(appInstance, launch)
    app.onShow?.call(appInstance, launch)

    const parent = dom.window.document.createElement('div')
    dom.window.document.body.appendChild(parent)
    const opened: SimPage[] = []

    async function openPage(route: string, query: Record<string, string> = {}): Promise<SimPage> {
      const pagePath = path.join(distDir, route)
      if (!fs.existsSync(`${pagePath}.json`)) throw new Error(`dist/weapp has no page ${route}`)
      pendingPage = { route, query }
      let component: SimComponent
      try {
        const id = simulate.load(pagePath, { rootPath: distDir, compiler: 'official' })
        component = simulate.render(id)
        component.attach(parent)
      } finally {
        pendingPage = undefined
      }
      const instance = component.instance

      const page: SimPage = {
        route,
        component,
        instance,
        text: () => renderedText(component.dom),
        async waitFor(predicate, description, timeoutMs = 10_000) {
          const errorsBefore = errors.length
          await waitUntil(
            // Stop waiting as soon as the app reports an error: what is awaited will not come.
            () => predicate(renderedText(component.dom)) || errors.length > errorsBefore,
            timeoutMs,
            () =>
              `${route}: timed out after ${timeoutMs} ms waiting for ${description}.` +
              (errors.length ? `\nThe app reported errors:\n  ${errors.join('\n  ')}` : '') +
              `\nThe page reads:\n${renderedText(component.dom).slice(0, 2000)}`
          )
          if (errors.length > errorsBefore) {
            throw new Error(
              `${route}: the app reported an error while waiting for ${description}:\n  ${errors.slice(errorsBefore).join('\n  ')}` +
                `\nThe page reads:\n${renderedText(component.dom).slice(0, 2000)}`
            )
          }
          return renderedText(component.dom)
        },
        waitForText(fragment, timeoutMs) {
          return page.waitFor((text) => text.includes(fragment), `「${fragment}」`, timeoutMs)
        },
        async tap(label) {
          const element = elementForLabel(component.dom, label) as (Element & { __wxElement?: unknown }) | undefined
          if (!element) throw new Error(`${route}: nothing reads 「${label}」 on the page`)
          // The rendered element's framework node receives the tap and it bubbles through the component tree, as
          // j-component's own tap (after touchstart + touchend) does.
          let target: Element | null = element
          while (target && !(target as { __wxElement?: unknown }).__wxElement) target = target.parentElement
          if (!target) throw new Error(`${route}: 「${label}」 is not rendered by the framework`)
          exparser.Event.dispatchEvent(
            (target as unknown as { __wxElement: unknown }).__wxElement,
            exparser.Event.create(
              'tap',
              { x: 0, y: 0 },
              {
                bubbles: true,
                capturePhase: true,
                composed: true,
                extraFields: { touches: [], changedTouches: [{ x: 0, y: 0 }] }
              }
            )
          )
          // Handlers may start async work (a request, a navigation); callers wait for its outcome.
          await new Promise((resolve) => setTimeout(resolve, 0))
        },
        unload() {
          component.detach()
        }
      }
      opened.push(page)
      return page
    }

    async function settle(timeoutMs = 15_000): Promise<void> {
      await waitUntil(
        () => host.pending() === 0 && scheduled.pending().length === 0,
        timeoutMs,
        () =>
          `the mini-program did not settle within ${timeoutMs} ms: ${host.pending()} request(s) in flight, ` +
          `still scheduled: ${scheduled.pending().join(', ') || 'nothing'}`
      )
    }

    return {
      host,
      setDataCalls,
      errors,
      openPage,
      openedPages: () => [...opened],
      settle,
      close() {
        for (const page of opened.splice(0)) {
          try {
            page.unload()
          } catch {
            // already detached
          }
        }
        restore()
      }
    }
  }
}
