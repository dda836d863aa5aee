/**
 * Requests of the staff pages: JSON in and out, the session token in the Authorization header, nothing kept on the
 * device (staff must see the server's current state, and a 409 must not be hidden by an old copy).
 * Every failure rejects with an ApiError whose message can be shown as it is; a 401 also ends the local session so
 * the page can send the staffer to the login page.
 */
import Taro from '@tarojs/taro'
import type { LoginRequest, LoginResponse } from '@/domain/accounts'
import type { MediaAsset } from '@/domain/media'
import { ApiError, apiUrl, errorFromResponse, failureOf, safeParse, sendJson, type Method, type Query } from '../client'
import { clearSession, readSession, saveSession, type StoredSession } from './session'

export const STAFF_REQUEST_TIMEOUT_MS = 15_000
/** A 10 MB photo on a weak uplink takes a while; the progress bar shows it moving. */
export const UPLOAD_TIMEOUT_MS = 120_000

export const NOT_LOGGED_IN_MESSAGE = '请先登录工作人员账号'

const UNSENT = '内容未保存到服务器'

/** A 401 also ends the local session, so the page can send the staffer to the login page. */
function errorOf(statusCode: number, data: unknown): ApiError {
  if (statusCode === 401) clearSession()
  return errorFromResponse(statusCode, data)
}

function requireSession(): StoredSession {
  const session = readSession()
  if (!session) throw new ApiError('http', NOT_LOGGED_IN_MESSAGE, 401, 'UNAUTHENTICATED')
  return session
}

async function send<T>(method: Method, path: string, body: unknown, token: string | undefined, query: Query = {}): Promise<T> {
  try {
    return await sendJson<T>(method, path, { body, token, query, timeout: STAFF_REQUEST_TIMEOUT_MS, unsent: UNSENT })
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) clearSession()
    throw error
  }
}

/** A request as the logged-in staffer. */
export function staffRequest<T>(method: Method, path: string, options: { body?: unknown; query?: Query } = {}): Promise<T> {
  let session: StoredSession
  try {
    session = requireSession()
  } catch (error) {
    return Promise.reject(error)
  }
  return send<T>(method, path, options.body, session.token, options.query)
}

export async function login(request: LoginRequest): Promise<StoredSession> {
  const answer = await send<LoginResponse>('POST', '/api/staff/session', request, undefined)
  return saveSession(answer)
}

/** Ends the session on the server too; the local copy goes whatever the network does. */
export async function logout(): Promise<void> {
  const session = readSession()
  clearSession()
  if (session) await send<void>('DELETE', '/api/staff/session', undefined, session.token).catch(() => undefined)
}

export interface UploadHandle {
  done: Promise<MediaAsset>
  abort: () => void
}

/**
 * Uploads one image file (a temp path from chooseMedia, or a blob: URL on H5) as multipart field `file`.
 * onProgress gets 0–100.
 */
export function uploadImage(filePath: string, onProgress: (percent: number) => void): UploadHandle {
  let abort = () => {}
  const done = new Promise<MediaAsset>((resolve, reject) => {
    let session: StoredSession
    try {
      session = requireSession()
    } catch (error) {
      reject(error)
      return
    }
    const task = Taro.uploadFile({
      url: apiUrl('/api/staff/media'),
      filePath,
      name: 'file',
      timeout: UPLOAD_TIMEOUT_MS,
      header: { Authorization: `Bearer ${session.token}` },
      success: (response) => {
        if (response.statusCode < 200 || response.statusCode >= 300) {
          reject(errorOf(response.statusCode, response.data))
          return
        }
        const parsed = safeParse(response.data)
        if (parsed === undefined) reject(new ApiError('invalid', '服务器返回的内容无法识别，请稍后重试'))
        else resolve(parsed as MediaAsset)
      },
      fail: (cause) => reject(failureOf(cause, UNSENT))
    })
    task?.onProgressUpdate?.((update) => onProgress(update.progress))
    abort = () => task?.abort?.()
  })
  return { done, abort }
}
