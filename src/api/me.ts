/**
 * The worker's identity on this device — silent, and only when acting. Reading never calls any of this: the first
 * action that needs an identity (a sign-up, 我的报名, a check-in) signs in without asking anything:
 * - WeChat: `Taro.login()` → `POST /api/me/session { wechatCode }` (the server exchanges the code for the openid);
 * - H5: a random device secret (32 bytes, base64url) made once and kept in storage → `{ deviceSecret }`. It names
 *   this browser, not a person: another device or cleared browser data is another identity (the privacy page says so).
 * The token is kept in storage and sent as `Authorization: Bearer`, never in a URL; a 401 (the session ended or was
 * never known) signs in again once and retries.
 *
 * WeChat privacy authorisation: none of these calls is a WeChat 隐私接口 (`login`, `requestSubscribeMessage` and
 * `scanCode` are not on WeChat's list), so `onNeedPrivacyAuthorization` never fires for them; the app keeps WeChat's
 * official popup for the calls that are (getLocation, chooseLocation, chooseMedia — README). What a worker types is
 * covered by our own notice and its unticked agreement on the sign-up form (PUT /api/me/consent), which the server
 * enforces (403 CONSENT_REQUIRED) — a refusal there is said on the form, never a silent tap.
 */
import Taro from '@tarojs/taro'
import type { WorkerMe, WorkerSessionResponse } from '@/domain/workers'
import { HOTLINE_NUMBER } from '@/domain/hotline'
import { ApiError, sendJson, type Method, type Query } from './client'

const SESSION_KEY = 'miyun:worker-session:v1'
const DEVICE_KEY = 'miyun:device-secret:v1'

export const WORKER_REQUEST_TIMEOUT_MS = 15_000
/** Said when a request that acts never reached the server: nothing was changed. */
const UNSENT = '未送达服务器'

export const WECHAT_SIGN_IN_UNAVAILABLE = `微信登录暂不可用，请稍后再试或拨打 ${HOTLINE_NUMBER}`

interface StoredWorkerSession {
  token: string
  expiresAt: string
}

function readSession(): StoredWorkerSession | undefined {
  try {
    const value = Taro.getStorageSync(SESSION_KEY)
    if (!value || typeof value !== 'object' || typeof value.token !== 'string') return undefined
    if (Date.parse(value.expiresAt) <= Date.now()) return undefined
    return value as StoredWorkerSession
  } catch {
    return undefined
  }
}

function forgetSession(): void {
  try {
    Taro.removeStorageSync(SESSION_KEY)
  } catch {
    // Nothing kept.
  }
}

/** Whether this device has signed in before (a page may then show the worker's own state without signing in). */
export function hasWorkerSession(): boolean {
  return readSession() !== undefined
}

function base64url(bytes: Uint8Array): string {
  let binary = ''
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The H5 device secret: made once from the browser's random source and kept; never sent anywhere but sign-in. */
function deviceSecret(): string {
  const kept: unknown = Taro.getStorageSync(DEVICE_KEY)
  if (typeof kept === 'string' && /^[A-Za-z0-9_-]{43,64}$/.test(kept)) return kept
  const bytes = new Uint8Array(32)
  crypto.getRandomValues(bytes)
  const secret = base64url(bytes)
  Taro.setStorageSync(DEVICE_KEY, secret)
  return secret
}

async function identity(): Promise<{ wechatCode: string } | { deviceSecret: string }> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const { code } = await Taro.login()
      return { wechatCode: code }
    } catch {
      throw new ApiError('network', '微信登录失败，请检查网络后重试')
    }
  }
  return { deviceSecret: deviceSecret() }
}

let signingIn: Promise<StoredWorkerSession> | undefined

/** Signs in (once at a time: two actions at once share one sign-in). */
function signIn(): Promise<StoredWorkerSession> {
  signingIn ??= (async () => {
    try {
      const answer = await sendJson<WorkerSessionResponse>('POST', '/api/me/session', {
        body: await identity(),
        timeout: WORKER_REQUEST_TIMEOUT_MS,
        unsent: UNSENT
      })
      const session = { token: answer.token, expiresAt: answer.expiresAt }
      Taro.setStorageSync(SESSION_KEY, session)
      return session
    } catch (error) {
      if (error instanceof ApiError && error.code === 'WECHAT_NOT_CONFIGURED') {
        throw new ApiError('http', WECHAT_SIGN_IN_UNAVAILABLE, error.status, error.code, error.details)
      }
      throw error
    } finally {
      signingIn = undefined
    }
  })()
  return signingIn
}

/** A request as the worker on this device: signs in silently first when needed, and once more after a 401. */
export async function workerRequest<T>(method: Method, path: string, options: { body?: unknown; query?: Query } = {}): Promise<T> {
  const send = (token: string) => sendJson<T>(method, path, { ...options, token, timeout: WORKER_REQUEST_TIMEOUT_MS, unsent: UNSENT })
  const session = readSession() ?? (await signIn())
  try {
    return await send(session.token)
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error
    forgetSession()
    return send((await signIn()).token)
  }
}

/** GET /api/me: the worker's consent and kept answers. */
export function fetchMe(): Promise<WorkerMe> {
  return workerRequest<WorkerMe>('GET', '/api/me')
}

/** PUT /api/me/consent: the worker ticked the agreement to this version of the notice. */
export function agreeToNotice(version: number): Promise<WorkerMe> {
  return workerRequest<WorkerMe>('PUT', '/api/me/consent', { body: { version } })
}

/** DELETE /api/me/prefill: the kept answers are deleted on the server. */
export function deletePrefill(): Promise<void> {
  return workerRequest<void>('DELETE', '/api/me/prefill')
}
