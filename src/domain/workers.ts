/**
 * Workers as the server knows them: an identity that exists only to act (sign up, check in), never to read. Two
 * kinds: `wechat` (bound to the mini-program's openid) and `device` (a random secret the H5 page generates and keeps
 * on that device — it identifies the device, not a person). No Taro import.
 */
import type { IsoDateTime } from './dates'

export const WORKER_KINDS = ['wechat', 'device'] as const
export type WorkerKind = (typeof WORKER_KINDS)[number]

/** A worker session ends this long after its last use; each use moves the end forward. */
export const WORKER_SESSION_IDLE_DAYS = 90

/** A device secret: 43–64 base64url characters (32–48 random bytes), generated and kept by the H5 page. */
export const DEVICE_SECRET_PATTERN = '^[A-Za-z0-9_-]{43,64}$'

/** The answers a worker last gave, kept (sealed) with their agreement to prefill the next form; deletable. */
export interface SignupPrefill {
  name: string
  phone: string
  employer: string
  /** Competitions only. */
  trade?: string
  /** Competitions only: years of experience. */
  years?: number
}

export interface WorkerConsent {
  version: number
  agreedAt: IsoDateTime
}

/** GET /api/me */
export interface WorkerMe {
  kind: WorkerKind
  /** The notice version the worker agreed to and when; null before any agreement. */
  consent: WorkerConsent | null
  /** The current notice version (PRIVACY_NOTICE_VERSION): the pages ask again when consent.version differs. */
  noticeVersion: number
  prefill: SignupPrefill | null
}

/** POST /api/me/session: exactly one of the two. */
export interface WorkerSessionRequest {
  /** From Taro.login() in WeChat. */
  wechatCode?: string
  /** The H5 page's device secret. */
  deviceSecret?: string
}

export interface WorkerSessionResponse {
  /** Opaque, starts with `w_`; sent back as `Authorization: Bearer <token>`, never in a URL. */
  token: string
  expiresAt: IsoDateTime
  worker: WorkerMe
}

/** PUT /api/me/consent */
export interface ConsentRequest {
  version: number
}
