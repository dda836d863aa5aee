/**
 * Requests from another computer in the office. The page's requests still go to the real API, but leave from another
 * loopback address (Linux routes all of 127.0.0.0/8 to this machine), so the server's per-address login throttle
 * counts them apart: a test that locks its own address out does not lock out the other staff page tests, which share
 * the server (its clock stands still at TEST_NOW, so a lock would last the whole run). `goOnline()` (run after each
 * test) puts the page back on the usual address.
 */
import http from 'node:http'

function urlOf(input: RequestInfo | URL): URL {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  return new URL(raw, window.location.href)
}

export function fromAnotherDesk(localAddress: string): void {
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const headers: Record<string, string> = {}
      new Headers(init?.headers).forEach((value, name) => {
        headers[name] = value
      })
      const request = http.request(urlOf(input), { method: init?.method ?? 'GET', headers, localAddress }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const answerHeaders = new Headers()
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) answerHeaders.set(name, Array.isArray(value) ? value.join(', ') : value)
          }
          const status = response.statusCode ?? 502
          resolve(new Response(status === 204 ? null : Buffer.concat(chunks).toString('utf8'), { status, headers: answerHeaders }))
        })
      })
      request.on('error', () => reject(new TypeError('Failed to fetch')))
      if (typeof init?.body === 'string') request.write(init.body)
      request.end()
    })
}

/**
 * A loopback address no other test uses: each call a new desk, picked at random from 127.0.0.0/8 (less 127.0.0.1)
 * because the suites run in parallel workers that share the server and nothing else.
 */
export function anotherDesk(): string {
  const part = () => 1 + Math.floor(Math.random() * 250)
  return `127.${part()}.${part()}.${part()}`
}
