/**
 * The API address is a build-time setting (TARO_APP_API_BASE).
 * - H5 is served by the API itself, so it calls its own origin unless told otherwise.
 * - The WeChat build needs an absolute address. Unset, it points at the local server (WeChat DevTools with
 *   「不校验合法域名」 and the simulator tests). A release sets an https address on a domain registered in the
 *   mini-program's 服务器域名 list — WeChat refuses anything else on phones.
 */
export const LOCAL_API_BASE_URL = 'http://localhost:3000'

export function resolveApiBaseUrl(platform: string, configured: string | undefined): string {
  const value = (configured ?? '').trim().replace(/\/+$/, '')
  if (!value) return platform === 'h5' ? '' : LOCAL_API_BASE_URL
  if (!isHttpUrl(value)) {
    throw new Error(`TARO_APP_API_BASE 必须是完整地址（如 https://api.example.com），收到：${value}`)
  }
  return value
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}
