/**
 * The network as a worker's phone sees it. Pages talk to the real API (see global-setup.ts); these helpers
 * take the network away or make the server fail, the way a weak connection does.
 */
const realFetch = window.fetch

export function goOffline(): void {
  window.fetch = () => Promise.reject(new TypeError('Failed to fetch'))
}

export function serverFailsWith(status: number): void {
  window.fetch = () =>
    Promise.resolve(
      new Response(JSON.stringify({ error: { code: 'UNAVAILABLE', message: '服务器开小差了，请稍后重试' } }), {
        status,
        headers: { 'Content-Type': 'application/json' }
      })
    )
}

export function goOnline(): void {
  window.fetch = realFetch
}

/** Counts the API requests pages make, to check for example that the next page asks only for page 2. */
export function recordRequests(): string[] {
  const urls: string[] = []
  const current = window.fetch
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    return current(input, init)
  }
  return urls
}
