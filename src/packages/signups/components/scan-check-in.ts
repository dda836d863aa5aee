/**
 * 「扫码签到」 in WeChat: the venue's QR code read by WeChat's own scanner (scanCode is not a WeChat 隐私接口: it
 * returns what the code says, not a photo). A cancel is the worker's choice and says nothing; any other failure says why.
 */
import Taro from '@tarojs/taro'
import { parseCheckInLink, type CheckInLink } from './check-in-link'

export type ScanOutcome = { link: CheckInLink } | { cancelled: true } | { problem: string }

export async function scanCheckIn(): Promise<ScanOutcome> {
  try {
    const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    const link = parseCheckInLink(result.path || result.result || '')
    return link ? { link } : { problem: '这不是签到二维码，请扫描现场屏幕上的签到码，或直接输入 6 位数字' }
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? error)
    if (/cancel/i.test(message)) return { cancelled: true }
    return { problem: '无法打开扫码，请直接输入现场屏幕上的 6 位签到码' }
  }
}
