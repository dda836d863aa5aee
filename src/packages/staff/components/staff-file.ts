/**
 * A file the server makes for a staffer (a poster PDF, a sign-up CSV) onto the device, with the session header: a
 * Bearer token cannot ride on a plain link and must never go into a URL. In WeChat it is downloaded to a temp file
 * (the caller opens or forwards it); on H5 it is fetched and saved through a download link. A refusal rejects with
 * the server's own message, a lost or slow network with the caller's words.
 */
import Taro from '@tarojs/taro'
import { ApiError, apiUrl, errorMessageOf, safeParse, type Query } from '@/api/client'
import { NOT_LOGGED_IN_MESSAGE } from '@/api/staff/request'
import { clearSession, readSession } from '@/api/staff/session'

/** What a failure says, in the words of the file at hand (「海报生成超时」, 「名单导出超时」 …). */
export interface FileWords {
  failed: (status: number) => string
  timeout: string
  network: string
}

export interface StaffFileRequest {
  path: string
  query?: Query
  /** What the saved file is called on H5 when the server does not name it. */
  fileName: string
  /** From the request to the last byte. */
  timeoutMs: number
  words: FileWords
}

function refusal(status: number, text: string | undefined, words: FileWords): ApiError {
  const body = safeParse(text)
  const { code, message } = errorMessageOf(body)
  if (status === 401) clearSession()
  return new ApiError('http', message ?? words.failed(status), status, code)
}

function networkFailure(cause: unknown, words: FileWords): ApiError {
  const text = String((cause as { errMsg?: string; name?: string })?.errMsg ?? (cause as { name?: string })?.name ?? cause)
  if (/timeout|超时|abort/i.test(text)) return new ApiError('timeout', words.timeout)
  return new ApiError('network', words.network)
}

export function sessionToken(): string {
  const session = readSession()
  if (!session) throw new ApiError('http', NOT_LOGGED_IN_MESSAGE, 401, 'UNAUTHENTICATED')
  return session.token
}

/** WeChat: the file in a temp path, for Taro.openDocument or Taro.shareFileMessage. */
export async function downloadInWeChat(request: StaffFileRequest, token: string): Promise<string> {
  let result: Awaited<ReturnType<typeof Taro.downloadFile>>
  try {
    result = await Taro.downloadFile({
      url: apiUrl(request.path, request.query),
      header: { Authorization: `Bearer ${token}` },
      timeout: request.timeoutMs
    })
  } catch (cause) {
    throw networkFailure(cause, request.words)
  }
  if (result.statusCode !== 200) {
    // A refusal is downloaded like the file would be: its JSON body is in the temp file.
    let text: string | undefined
    try {
      text = String(Taro.getFileSystemManager().readFileSync(result.tempFilePath, 'utf8'))
    } catch {
      text = undefined
    }
    throw refusal(result.statusCode, text, request.words)
  }
  return result.tempFilePath
}

/** The name the server gives the file (RFC 6266: the UTF-8 `filename*` first, then the plain one). */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim())
    } catch {
      // Malformed: the plain name below will do.
    }
  }
  return /filename\s*=\s*"([^"]+)"/i.exec(disposition)?.[1]
}

/**
 * Rejects once `ms` have passed since the download began, headers and body together: a weak network can deliver the
 * headers and then trickle (or stall) the body, and the staffer must not watch a spinner for ever.
 */
function deadline(ms: number, abort: AbortController, words: FileWords): { expired: Promise<never>; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new ApiError('timeout', words.timeout))
      abort.abort()
    }, ms)
  })
  // Nobody may be waiting on it when it fires after a failure elsewhere.
  expired.catch(() => undefined)
  return { expired, stop: () => clearTimeout(timer) }
}

/** H5: fetched with the header and saved through a download link; resolves with the saved file's name. */
export async function saveInBrowser(request: StaffFileRequest, token: string): Promise<string> {
  const { words } = request
  const abort = new AbortController()
  const { expired, stop } = deadline(request.timeoutMs, abort, words)
  // Every wait, the body's included, races the deadline; a body that breaks off gets the same words as a lost
  // connection, not the browser's English 「Failed to fetch」.
  const inTime = async <T>(step: Promise<T>): Promise<T> => {
    try {
      return await Promise.race([step, expired])
    } catch (cause) {
      throw cause instanceof ApiError ? cause : networkFailure(cause, words)
    }
  }
  let response: Response
  let blob: Blob
  try {
    response = await inTime(fetch(apiUrl(request.path, request.query), { headers: { Authorization: `Bearer ${token}` }, signal: abort.signal }))
    if (!response.ok) throw refusal(response.status, await inTime(response.text()).catch(() => undefined), words)
    blob = await inTime(response.blob())
  } finally {
    stop()
  }
  const fileName = fileNameOf(response.headers.get('content-disposition')) ?? request.fileName
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The browser reads the blob when the download starts; it is let go once that has surely happened.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return fileName
}
