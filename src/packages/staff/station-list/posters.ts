/**
 * Station posters (A4 PDFs the server draws) onto the staffer's device. In WeChat the file is downloaded with the
 * session header and opened in WeChat's document viewer, from whose menu the staffer prints or forwards it; on H5
 * it is fetched with the header and saved through a download link (a Bearer token cannot ride on a plain link, and
 * must never go into a URL). Either way a refusal shows the server's own message (503 font missing, 409
 * WXACODE_UNAVAILABLE, 502 WeChat failing).
 */
import Taro from '@tarojs/taro'
import { ApiError, apiUrl, errorMessageOf, safeParse } from '@/api/client'
import { NOT_LOGGED_IN_MESSAGE } from '@/api/staff/request'
import { clearSession, readSession } from '@/api/staff/session'

/** Which code the poster carries: a URL QR (any scanner) or a 小程序码 (WeChat only). */
export type PosterQr = 'url' | 'wxacode'

export const POSTER_QR_LABELS: Record<PosterQr, string> = { url: '二维码', wxacode: '小程序码' }

export interface PosterRequest {
  path: string
  qr: PosterQr
  /** What the saved file is called on H5 when the server does not name it. */
  fileName: string
}

/**
 * From the request to the last byte of the PDF. Drawing every station's page (220 of them) takes the server a few
 * seconds and the file is megabytes on a weak network; a single poster is quick.
 */
export const POSTER_TIMEOUT_MS = 120_000

export function stationPoster(station: { id: string; code: string }, qr: PosterQr): PosterRequest {
  return {
    path: `/api/staff/stations/${encodeURIComponent(station.id)}/poster.pdf`,
    qr,
    fileName: `服务站点海报-${station.code}${qr === 'wxacode' ? '-小程序码' : ''}.pdf`
  }
}

export function allPosters(qr: PosterQr): PosterRequest {
  return { path: '/api/staff/stations/posters.pdf', qr, fileName: `服务站点海报-全部站点${qr === 'wxacode' ? '-小程序码' : ''}.pdf` }
}

function refusal(status: number, text: string | undefined): ApiError {
  const body = safeParse(text)
  const { code, message } = errorMessageOf(body)
  if (status === 401) clearSession()
  return new ApiError('http', message ?? `海报生成失败（${status}），请稍后重试`, status, code)
}

function networkFailure(cause: unknown): ApiError {
  const text = String((cause as { errMsg?: string; name?: string })?.errMsg ?? (cause as { name?: string })?.name ?? cause)
  if (/timeout|超时|abort/i.test(text)) return new ApiError('timeout', '海报生成超时，请稍后重试')
  return new ApiError('network', '网络连接失败，海报未下载，请检查网络后重试')
}

function tokenOrThrow(): string {
  const session = readSession()
  if (!session) throw new ApiError('http', NOT_LOGGED_IN_MESSAGE, 401, 'UNAUTHENTICATED')
  return session.token
}

async function openInWeChat(request: PosterRequest, token: string): Promise<void> {
  let result: Awaited<ReturnType<typeof Taro.downloadFile>>
  try {
    result = await Taro.downloadFile({
      url: apiUrl(request.path, { qr: request.qr }),
      header: { Authorization: `Bearer ${token}` },
      timeout: POSTER_TIMEOUT_MS
    })
  } catch (cause) {
    throw networkFailure(cause)
  }
  if (result.statusCode !== 200) {
    // A refusal is downloaded like a PDF would be: its JSON body is in the temp file.
    let text: string | undefined
    try {
      text = String(Taro.getFileSystemManager().readFileSync(result.tempFilePath, 'utf8'))
    } catch {
      text = undefined
    }
    throw refusal(result.statusCode, text)
  }
  try {
    await Taro.openDocument({ filePath: result.tempFilePath, fileType: 'pdf', showMenu: true })
  } catch {
    throw new ApiError('invalid', '海报已下载，但无法打开，请确认微信已更新到最新版本')
  }
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
 * headers and then trickle (or stall) the body, and the staffer must not watch 「正在生成海报」 for ever.
 */
function deadline(ms: number, abort: AbortController): { expired: Promise<never>; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new ApiError('timeout', '海报生成超时，请稍后重试'))
      abort.abort()
    }, ms)
  })
  // Nobody may be waiting on it when it fires after a failure elsewhere.
  expired.catch(() => undefined)
  return { expired, stop: () => clearTimeout(timer) }
}

async function saveInBrowser(request: PosterRequest, token: string): Promise<string> {
  const abort = new AbortController()
  const { expired, stop } = deadline(POSTER_TIMEOUT_MS, abort)
  // Every wait, the body's included, races the deadline; a body that breaks off gets the same words as a lost
  // connection, not the browser's English 「Failed to fetch」.
  const inTime = async <T>(step: Promise<T>): Promise<T> => {
    try {
      return await Promise.race([step, expired])
    } catch (cause) {
      throw cause instanceof ApiError ? cause : networkFailure(cause)
    }
  }
  let response: Response
  let blob: Blob
  try {
    response = await inTime(
      fetch(apiUrl(request.path, { qr: request.qr }), {
        headers: { Authorization: `Bearer ${token}` },
        signal: abort.signal
      })
    )
    if (!response.ok) throw refusal(response.status, await inTime(response.text()).catch(() => undefined))
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

/**
 * Fetches the poster and hands it to the device: opened in WeChat, or saved on H5 (resolving with the file's name).
 * Rejects with an ApiError whose message can be shown as it is.
 */
export async function openPoster(request: PosterRequest): Promise<{ savedAs?: string }> {
  const token = tokenOrThrow()
  if (process.env.TARO_ENV === 'weapp') {
    await openInWeChat(request, token)
    return {}
  }
  return { savedAs: await saveInBrowser(request, token) }
}
