/**
 * 导出 CSV: the audited export (phones in full for the roles that may see them), fetched with the session header.
 * - H5: saved through a download link, opened with Excel or WPS on the computer.
 * - WeChat: Taro.openDocument opens only doc/xls/ppt/pdf (docx/xlsx/pptx), not CSV, and a link to copy would have to
 *   carry the session token in its URL (never). So the file is downloaded to a temp path and a second tap sends it to
 *   a chat with Taro.shareFileMessage (文件传输助手, or the colleague who needs it), where the computer opens it.
 *   The second tap is on purpose: WeChat lets shareFileMessage run only from a tap, not after a download's wait.
 */
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { signupsCsvPath, type EventRef } from '@/api/staff/signups'
import { downloadInWeChat, saveInBrowser, sessionToken, type FileWords, type StaffFileRequest } from '../components/staff-file'

export const EXPORT_TIMEOUT_MS = 60_000

const EXPORT_WORDS: FileWords = {
  failed: (status) => `名单导出失败（${status}），请稍后重试`,
  timeout: '名单导出超时，请稍后重试',
  network: '网络连接失败，名单未导出，请检查网络后重试'
}

type Outcome = { tone: 'busy' | 'success' | 'error'; text: string }

export function ExportCsv({ event, title }: { event: EventRef; title: string }) {
  const [outcome, setOutcome] = useState<Outcome>()
  const [downloaded, setDownloaded] = useState<string>()
  const fileName = `报名名单-${title}.csv`
  const request: StaffFileRequest = { path: signupsCsvPath(event), fileName, timeoutMs: EXPORT_TIMEOUT_MS, words: EXPORT_WORDS }
  const busy = outcome?.tone === 'busy'

  async function download() {
    if (busy) return
    setOutcome({ tone: 'busy', text: '正在导出名单…' })
    try {
      const token = sessionToken()
      if (process.env.TARO_ENV === 'weapp') {
        setDownloaded(await downloadInWeChat(request, token))
        setOutcome({ tone: 'success', text: '名单已导出（已记入操作记录）。点「发送到聊天」发给文件传输助手，在电脑上用 Excel 或 WPS 打开。' })
      } else {
        const savedAs = await saveInBrowser(request, token)
        setOutcome({ tone: 'success', text: `名单已下载：${savedAs}（已记入操作记录）` })
      }
    } catch (error) {
      setOutcome({ tone: 'error', text: `名单未导出：${(error as Error).message}` })
    }
  }

  async function share(filePath: string) {
    try {
      await Taro.shareFileMessage({ filePath, fileName })
    } catch (cause) {
      if (/cancel/i.test(String((cause as { errMsg?: string })?.errMsg ?? cause))) return
      setOutcome({ tone: 'error', text: '未能发送到聊天，请确认微信已更新到最新版本后重试' })
    }
  }

  return (
    <View className='event-signups__export' role='group' aria-label='导出名单'>
      <Button className='event-signups__button' disabled={busy} onClick={() => void download()}>
        导出 CSV
      </Button>
      {downloaded && (
        <Button className='event-signups__button' onClick={() => void share(downloaded)}>
          发送到聊天
        </Button>
      )}
      {outcome && (
        <View className={`event-signups__outcome event-signups__outcome--${outcome.tone}`} role={outcome.tone === 'error' ? 'alert' : 'status'}>
          <Text>{outcome.text}</Text>
        </View>
      )}
    </View>
  )
}
