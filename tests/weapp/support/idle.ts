/**
 * When the simulated mini-program has nothing left to do: no request in flight (wx-host counts them) and nothing
 * scheduled — no timeout, immediate or animation frame the app, React's scheduler or Taro's update queue set and
 * that has not run yet. That is a positive signal; a quiet period ("no setData for 150 ms") is a guess that a slow,
 * shared machine loses.
 *
 * The test's own waiting uses the timers saved before the watch, so it never waits for itself.
 */
const realSetTimeout = globalThis.setTimeout

export interface ScheduledWork {
  /** What is scheduled and has not run, e.g. `setTimeout 300 ms`. */
  pending(): string[]
  restore(): void
}

type Scheduler = (callback: (...args: unknown[]) => void, ...rest: unknown[]) => unknown
type Canceller = (handle: unknown) => void

/** Counts what is scheduled through the globals from now until restore(). setInterval is left alone: it never ends. */
export function watchScheduledWork(): ScheduledWork {
  const globals = globalThis as unknown as Record<string, unknown>
  const pending = new Map<unknown, string>()
  const restorers: (() => void)[] = []

  const wrap = (scheduleName: string, cancelName: string, describe: (rest: unknown[]) => string) => {
    const schedule = globals[scheduleName] as Scheduler | undefined
    const cancel = globals[cancelName] as Canceller | undefined
    if (!schedule || !cancel) return
    globals[scheduleName] = (callback: (...args: unknown[]) => void, ...rest: unknown[]) => {
      const handle: unknown = schedule(
        (...args: unknown[]) => {
          pending.delete(handle)
          callback(...args)
        },
        ...rest
      )
      pending.set(handle, describe(rest))
      return handle
    }
    globals[cancelName] = (handle: unknown) => {
      pending.delete(handle)
      cancel(handle)
    }
    restorers.push(() => {
      globals[scheduleName] = schedule
      globals[cancelName] = cancel
    })
  }
  wrap('setTimeout', 'clearTimeout', (rest) => `setTimeout ${Number(rest[0] ?? 0)} ms`)
  wrap('setImmediate', 'clearImmediate', () => 'setImmediate')
  wrap('requestAnimationFrame', 'cancelAnimationFrame', () => 'requestAnimationFrame')

  return {
    pending: () => [...pending.values()],
    restore() {
      for (const restore of restorers.splice(0).reverse()) restore()
      pending.clear()
    }
  }
}

/** Polls `check` until it holds; after `timeoutMs` fails with `describeFailure()` (a bound for failing, not a wait). */
export async function waitUntil(check: () => boolean, timeoutMs: number, describeFailure: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(describeFailure())
    await new Promise((resolve) => realSetTimeout(resolve, 10))
  }
}
