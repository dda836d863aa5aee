/**
 * Station posters (A4 PDFs the server draws) onto the staffer's device (through ../components/staff-file.ts): in
 * WeChat opened in WeChat's document viewer, from whose menu the staffer prints or forwards it; on H5 saved through
 * a download link. Either way a refusal shows the server's own message (503 font missing, 409 WXACODE_UNAVAILABLE,
 * 502 WeChat failing).
 */
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/client'
import { downloadInWeChat, saveInBrowser, sessionToken, type FileWords, type StaffFileRequest } from '../components/staff-file'

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

const POSTER_WORDS: FileWords = {
  failed: (status) => `海报生成失败（${status}），请稍后重试`,
  timeout: '海报生成超时，请稍后重试',
  network: '网络连接失败，海报未下载，请检查网络后重试'
}

function fileRequest(request: PosterRequest): StaffFileRequest {
  return { path: request.path, query: { qr: request.qr }, fileName: request.fileName, timeoutMs: POSTER_TIMEOUT_MS, words: POSTER_WORDS }
}

async function openInWeChat(request: PosterRequest, token: string): Promise<void> {
  const filePath = await downloadInWeChat(fileRequest(request), token)
  try {
    await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true })
  } catch {
    throw new ApiError('invalid', '海报已下载，但无法打开，请确认微信已更新到最新版本')
  }
}

/**
 * Fetches the poster and hands it to the device: opened in WeChat, or saved on H5 (resolving with the file's name).
 * Rejects with an ApiError whose message can be shown as it is.
 */
export async function openPoster(request: PosterRequest): Promise<{ savedAs?: string }> {
  const token = sessionToken()
  if (process.env.TARO_ENV === 'weapp') {
    await openInWeChat(request, token)
    return {}
  }
  return { savedAs: await saveInBrowser(fileRequest(request), token) }
}
