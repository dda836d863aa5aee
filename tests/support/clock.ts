/**
 * The moment the browser, simulator and page suites live at. The seed's sample competitions have fixed dates, so
 * with the real clock the 报名中 / 进行中 lists would empty out over time and the tests on them would pass on nothing.
 */
export const TEST_NOW = new Date('2026-11-24T10:00:00+08:00')

/** Every timer jest can fake but Date: the page suites fake only the clock, so timers, the network and waiting run for real. */
export const REAL_TIMERS_BUT_DATE = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout'
] as const
