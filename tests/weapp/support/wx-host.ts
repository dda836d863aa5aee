/**
 * The `wx` object the built mini-program runs against in Node.
 *
 * Only what the app really uses is here, and it behaves like WeChat's:
 * - `request` makes a real HTTP request (Node's http) to the address the build was configured with, so pages
 *   render what the real API server answers. Options and the result follow wx.request's documented shape
 *   (dataType 'json' parses the body, anything else leaves the text; `fail` gets `request:fail …`).
 *   `hosts` works like a hosts file: the origin the build calls (the development address) is reached at the test
 *   server's origin; `requests` records the URL the app asked for.
 * - storage is a Map with WeChat's semantics (a missing key reads as '', values are copied as JSON).
 * - `makePhoneCall` records the number, so a test can tap 「拨打」 and see what would be dialled.
 * Every other property the app reads is recorded in `missing` and is undefined, as on an older base library:
 * a page that calls an API this host lacks fails loudly instead of being silently answered.
 */
import http from 'node:http'
import https from 'node:https'

type Callback = (result: Record<string, unknown>) => void

export interface WxRequestOptions {
  url: string
  method?: string
  data?: unknown
  header?: Record<string, string>
  timeout?: number
  dataType?: string
  responseType?: 'text' | 'arraybuffer'
  success?: Callback
  fail?: Callback
  complete?: Callback
}

export interface RequestRecord {
  method: string
  url: string
  statusCode?: number
  error?: string
}

export interface WxHost {
  wx: Record<string, unknown>
  requests: RequestRecord[]
  phoneCalls: string[]
  /** Names of wx APIs the app read that this host does not provide (in order, without repeats). */
  missing: string[]
  storage: Map<string, unknown>
  /**
   * What wx.getEnterOptionsSync answers: how the app was last entered (path, scene value, query), as WeChat sets it
   * on a cold start and again on every warm start. A test opening a page "from a QR code" sets it first.
   */
  enterOptions: { path: string; scene: number; query: Record<string, string> }
  /**
   * What wx.login answers: the code WeChat would issue (a test makes one with the fake WeChat's loginCode); unset,
   * wx.login fails as it does without a network.
   */
  loginCode?: string
  /** Requests that have not finished yet. */
  pending(): number
}

function toQuery(data: unknown): string {
  if (!data || typeof data !== 'object') return ''
  return Object.entries(data as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&')
}

function headersOf(raw: http.IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (value !== undefined) result[key] = Array.isArray(value) ? value.join(', ') : value
  }
  return result
}

export interface WxHostOptions {
  /** Origin the app calls → origin that answers, e.g. { 'http://localhost:3000': 'http://127.0.0.1:41234' }. */
  hosts?: Record<string, string>
}

export function createWxHost(options: WxHostOptions = {}): WxHost {
  const hosts = options.hosts ?? {}
  const requests: RequestRecord[] = []
  const phoneCalls: string[] = []
  const missing: string[] = []
  const storage = new Map<string, unknown>()
  let inFlight = 0

  function request(options: WxRequestOptions) {
    const method = (options.method ?? 'GET').toUpperCase()
    let url = options.url
    let body: string | undefined
    if (method === 'GET' || method === 'HEAD') {
      const query = toQuery(options.data)
      if (query) url += (url.includes('?') ? '&' : '?') + query
    } else if (options.data !== undefined) {
      body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data)
    }
    const record: RequestRecord = { method, url }
    requests.push(record)
    inFlight += 1

    let settled = false
    const finish = (ok: boolean, result: Record<string, unknown>) => {
      if (settled) return
      settled = true
      inFlight -= 1
      if (ok) options.success?.(result)
      else options.fail?.(result)
      options.complete?.(result)
    }

    const target = new URL(url)
    const reached = hosts[target.origin]
    if (reached) {
      const origin = new URL(reached)
      target.protocol = origin.protocol
      target.host = origin.host
    }
    const client = target.protocol === 'https:' ? https : http
    const headers: Record<string, string> = { ...(options.header ?? {}) }
    if (body !== undefined && !Object.keys(headers).some((key) => key.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json'
    }
    const req = client.request(target, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', (error) => {
        record.error = error.message
        finish(false, { errMsg: `request:fail ${error.message}` })
      })
      res.on('end', () => {
        const raw = Buffer.concat(chunks)
        let data: unknown
        if (options.responseType === 'arraybuffer') {
          data = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength)
        } else {
          const text = raw.toString('utf8')
          data = text
          if ((options.dataType ?? 'json') === 'json') {
            try {
              data = JSON.parse(text)
            } catch {
              data = text
            }
          }
        }
        record.statusCode = res.statusCode
        finish(true, { data, statusCode: res.statusCode, header: headersOf(res.headers), cookies: [], errMsg: 'request:ok' })
      })
    })
    req.setTimeout(options.timeout ?? 60_000, () => {
      record.error = 'timeout'
      req.destroy(new Error('timeout'))
      finish(false, { errMsg: 'request:fail timeout' })
    })
    req.on('error', (error) => {
      record.error = error.message
      finish(false, { errMsg: `request:fail ${error.message}` })
    })
    if (body !== undefined) req.write(body)
    req.end()
    return {
      abort() {
        req.destroy()
        finish(false, { errMsg: 'request:fail abort' })
      },
      onHeadersReceived() {},
      offHeadersReceived() {}
    }
  }

  const copy = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))

  const api: Record<string, unknown> = {
    request,
    getStorageSync: (key: string) => (storage.has(key) ? copy(storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => {
      storage.set(key, copy(value))
    },
    removeStorageSync: (key: string) => {
      storage.delete(key)
    },
    getEnterOptionsSync: () => copy(host.enterOptions),
    login: (options: { success?: Callback; fail?: Callback; complete?: Callback }) => {
      const code = host.loginCode
      const result = code ? { code, errMsg: 'login:ok' } : { errMsg: 'login:fail' }
      if (code) options.success?.(result)
      else options.fail?.(result)
      options.complete?.(result)
    },
    makePhoneCall: (options: { phoneNumber: string; success?: Callback; complete?: Callback }) => {
      phoneCalls.push(options.phoneNumber)
      const result = { errMsg: 'makePhoneCall:ok' }
      options.success?.(result)
      options.complete?.(result)
    }
  }

  const wx = new Proxy(api, {
    get(target, property, receiver) {
      // webpackJsonp is the build's chunk list, which the code keeps on `wx`; not an API.
      if (typeof property === 'string' && property !== 'webpackJsonp' && !(property in target) && !missing.includes(property)) {
        missing.push(property)
      }
      return Reflect.get(target, property, receiver)
    }
  })

  const host: WxHost = {
    wx,
    requests,
    phoneCalls,
    missing,
    storage,
    enterOptions: { path: 'pages/home/index', scene: 1001, query: {} },
    pending: () => inFlight
  }
  return host
}
