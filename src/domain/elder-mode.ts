/**
 * 长辈模式 (larger type) is remembered on the device under this key: src/state/elder-mode.ts keeps it, and the server's
 * first screens read it before the app has started (server/core/http/first-screen.ts). No Taro import.
 */
export const ELDER_MODE_STORAGE_KEY = 'miyun:elder-mode'
