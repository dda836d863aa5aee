import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

/** 长辈模式: larger type across the app, remembered on the device. */
const STORAGE_KEY = 'miyun:elder-mode'
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
  applyElderMode()
  listeners.forEach((listener) => listener(on))
}

/** On H5 the root font size scales every rem-based size; pages also read the class from useElderMode. */
export function applyElderMode(): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    document.documentElement.classList.toggle('elder-mode', isElderMode())
  }
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
