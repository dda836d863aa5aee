import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ELDER_MODE_STORAGE_KEY } from '@/domain/elder-mode'

/**
 * 长辈模式: larger type across the app, remembered on the device. Every page's PageRoot reads it and every font size
 * goes through the `type` Sass mixin, which scales under `.page-root--elder`.
 */
const STORAGE_KEY = ELDER_MODE_STORAGE_KEY
const listeners = new Set<(on: boolean) => void>()

export function isElderMode(): boolean {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === true
  } catch {
    return false
  }
}

export function setElderMode(on: boolean): void {
  Taro.setStorageSync(STORAGE_KEY, on)
  listeners.forEach((listener) => listener(on))
}

/** Back to normal type on every open page, and nothing of the setting left on the device (清除本地缓存). */
export function forgetElderMode(): void {
  setElderMode(false)
  Taro.removeStorageSync(STORAGE_KEY)
}

export function useElderMode(): boolean {
  const [on, setOn] = useState(isElderMode)
  useEffect(() => {
    listeners.add(setOn)
    setOn(isElderMode())
    return () => {
      listeners.delete(setOn)
    }
  }, [])
  return on
}
