/** The app's log lines, kept in memory for a test to read (buildTestApp's `logStream`). */
import { Writable } from 'node:stream'

export interface LogLine {
  level: number
  msg: string
  err?: { message?: string; stack?: string }
  [field: string]: unknown
}

export const ERROR_LEVEL = 50
export const WARN_LEVEL = 40

export function logCollector() {
  const lines: LogLine[] = []
  const raw: string[] = []
  const waiting: { matches: (line: LogLine) => boolean; count: number; resolve: () => void }[] = []
  const seen = (matches: (line: LogLine) => boolean) => lines.filter(matches).length
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw.push(String(chunk))
      lines.push(JSON.parse(String(chunk)) as LogLine)
      for (const waiter of [...waiting]) {
        if (seen(waiter.matches) >= waiter.count) {
          waiting.splice(waiting.indexOf(waiter), 1)
          waiter.resolve()
        }
      }
      done()
    }
  })
  return {
    lines,
    stream,
    /** Everything logged, as written. */
    text: () => raw.join(''),
    /** Resolves once `count` lines matching have been logged (at once if they already are): the signal, not a sleep. */
    logged(matches: (line: LogLine) => boolean, count = 1): Promise<void> {
      if (seen(matches) >= count) return Promise.resolve()
      return new Promise((resolve) => waiting.push({ matches, count, resolve }))
    }
  }
}
