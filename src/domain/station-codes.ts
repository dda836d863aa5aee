/**
 * How a scan reaches a station page, and the short code itself. A 小程序码 hands the page `scene` (URL-encoded by
 * WeChat); an ordinary URL QR opened in WeChat hands it `q` (the whole URL, usually encoded); our own links and the
 * /s/<code> redirect pass `code`. Whatever arrives is untrusted text from a poster: it is decoded at most once and
 * checked against the code's alphabet. No Taro import; pages import this file by path.
 */
import { STATION_CODE_ALPHABET, STATION_CODE_LENGTH, STATION_QR_PATH_PREFIX, isStationCode, type ScanChannel } from './stations'

export type StationEntry = { kind: 'code'; code: string; channel?: ScanChannel } | { kind: 'invalid'; raw: string } | { kind: 'none' }

/** WeChat's getUnlimited limits for `scene`. */
const SCENE_MAX_LENGTH = 32
const SCENE_CHARACTERS = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]+$/

function decodeOnce(value: string): string | undefined {
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}

/** Codes are printed in capitals; a scanner app or a hand-typed link may lower them. */
function asCode(candidate: string, raw: string, channel?: ScanChannel): StationEntry {
  const code = candidate.toUpperCase()
  if (!isStationCode(code)) return { kind: 'invalid', raw }
  return channel ? { kind: 'code', code, channel } : { kind: 'code', code }
}

export function parseScene(raw: string | undefined): StationEntry {
  if (raw === undefined || raw === '') return { kind: 'none' }
  // '%' is not in the scene alphabet, so it can only mean WeChat encoded the scene. Decode once: what is still
  // encoded after that was encoded twice, and is refused rather than decoded again.
  const scene = raw.includes('%') ? decodeOnce(raw) : raw
  if (scene === undefined || scene === '') return { kind: 'invalid', raw }
  if (scene.length > SCENE_MAX_LENGTH || !SCENE_CHARACTERS.test(scene)) return { kind: 'invalid', raw }
  return asCode(scene, raw, 'wxacode')
}

const URL_PARTS = /^https?:\/\/([^/?#\s]+)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/i

export function parseQ(raw: string | undefined): StationEntry {
  if (raw === undefined || raw === '') return { kind: 'none' }
  // Taken apart by hand: the mini-program's JavaScript has no URL class.
  const url = /^https?:\/\//i.test(raw) ? raw : decodeOnce(raw)
  const parts = url === undefined ? null : URL_PARTS.exec(url)
  if (!parts) return { kind: 'invalid', raw }
  const path = parts[2] ?? ''
  if (!path.startsWith(STATION_QR_PATH_PREFIX)) return { kind: 'invalid', raw }
  const code = path.slice(STATION_QR_PATH_PREFIX.length).replace(/\/$/, '')
  return asCode(code, raw, 'wechat-link')
}

export function stationEntryFromParams(params: Record<string, string | undefined>): StationEntry {
  if (params.code !== undefined && params.code !== '') return asCode(params.code, params.code)
  const scene = parseScene(params.scene)
  if (scene.kind !== 'none') return scene
  return parseQ(params.q)
}

export function stationQrUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${STATION_QR_PATH_PREFIX}${code}`
}

/**
 * Rejection sampling: 248 = 8 × 31, so bytes below it map evenly onto the alphabet; bytes from 248 are discarded.
 * Undefined when the bytes run out before the code is complete (the caller draws more).
 */
export function stationCodeFromBytes(bytes: Uint8Array): string | undefined {
  const size = STATION_CODE_ALPHABET.length
  const limit = 256 - (256 % size)
  let code = ''
  // An index loop: iterating a typed array with for…of needs Symbol.iterator, missing on old Android WebViews.
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]
    if (byte >= limit) continue
    code += STATION_CODE_ALPHABET[byte % size]
    if (code.length === STATION_CODE_LENGTH) return code
  }
  return undefined
}
