/**
 * WeChat's component framework (j-component, inside miniprogram-simulate) renders its shadow trees into a DOM.
 * The suite runs in jest's node environment (the real API server runs in the same process), so the DOM is a jsdom
 * window of our own, installed as globals before miniprogram-simulate is loaded.
 */
import { JSDOM } from 'jsdom'

const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'Node',
  'Element',
  'HTMLElement',
  'DocumentFragment',
  'Text',
  'Event',
  'CustomEvent',
  'MouseEvent',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame'
] as const

export interface InstalledDom {
  window: JSDOM['window']
  uninstall(): void
}

export function installDom(): InstalledDom {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
  const target = globalThis as Record<string, unknown>
  const previous = new Map<string, PropertyDescriptor | undefined>()
  for (const name of DOM_GLOBALS) {
    previous.set(name, Object.getOwnPropertyDescriptor(target, name))
    const value = name === 'window' ? dom.window : (dom.window as unknown as Record<string, unknown>)[name]
    const bound = typeof value === 'function' && /^[a-z]/.test(name) ? (value as (...args: unknown[]) => unknown).bind(dom.window) : value
    Object.defineProperty(target, name, { value: bound, configurable: true, writable: true })
  }
  return {
    window: dom.window,
    uninstall() {
      for (const [name, descriptor] of previous) {
        if (descriptor) Object.defineProperty(target, name, descriptor)
        else delete target[name]
      }
      dom.window.close()
    }
  }
}
