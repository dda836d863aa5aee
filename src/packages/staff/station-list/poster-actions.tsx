/**
 * The poster buttons of 服务阵地管理 and of one station's editor: which address the URL QR codes carry (so a wrong
 * domain is seen before a hundred posters are printed), 小程序码 only when the server can fetch them, and what came
 * of the last download.
 */
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { getPosterOptions, type PosterOptions } from '@/api/staff/stations'
import { stationQrUrl } from '@/domain/station-codes'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { POSTER_QR_LABELS, openPoster, type PosterQr, type PosterRequest } from './posters'
import './poster-actions.scss'

type Outcome = { tone: 'busy' | 'success' | 'error'; text: string }

interface PosterActionsProps {
  /** The button text before 「（二维码）」/「（小程序码）」, e.g. 「打印全部海报」. */
  label: string
  requestOf: (qr: PosterQr) => PosterRequest
  /** The station's code, to show its full address; absent for all stations. */
  code?: string
}

/** The address a URL QR code carries, as a phone will open it. */
export function qrAddress(options: PosterOptions, code?: string): string {
  return stationQrUrl(options.publicUrl, code ?? '站点编号')
}

/** What is likely wrong with the address before printing: a phone cannot open a local or unencrypted one. */
export function addressWarning(publicUrl: string): string | undefined {
  let url: URL
  try {
    url = new URL(publicUrl)
  } catch {
    return '地址无法识别，请联系技术人员检查服务器的公开地址设置后再打印'
  }
  if (/^(localhost|127\.|10\.|192\.168\.|0\.0\.0\.0)/.test(url.hostname)) {
    return '这是本机或内网地址，职工手机扫码打不开，请联系技术人员设置公开域名后再打印'
  }
  if (url.protocol !== 'https:') return '地址不是 https，微信中可能无法打开，请联系技术人员确认'
  return undefined
}

export function PosterActions({ label, requestOf, code }: PosterActionsProps) {
  const { state, reload } = useStaffResource(getPosterOptions, [])
  const [outcome, setOutcome] = useState<Outcome>()

  async function download(qr: PosterQr) {
    if (outcome?.tone === 'busy') return
    const request = requestOf(qr)
    setOutcome({ tone: 'busy', text: '正在生成海报，请稍候…' })
    try {
      const { savedAs } = await openPoster(request)
      setOutcome({ tone: 'success', text: savedAs ? `海报已下载：${savedAs}` : '海报已打开，可从右上角菜单打印或转发' })
    } catch (error) {
      setOutcome({ tone: 'error', text: `海报未生成：${(error as Error).message}` })
    }
  }

  if (state.status === 'loading') {
    return (
      <View className='poster-actions' aria-busy='true'>
        <Text className='poster-actions__line'>正在读取海报设置…</Text>
      </View>
    )
  }
  if (state.status === 'error') {
    return (
      <View className='poster-actions' role='alert'>
        <Text className='poster-actions__line'>海报设置读取失败：{state.error.message}</Text>
        <Button className='poster-actions__button' onClick={() => void reload()}>
          重试
        </Button>
      </View>
    )
  }
  const options = state.data
  const warning = addressWarning(options.publicUrl)
  const kinds: PosterQr[] = options.wxacode ? ['url', 'wxacode'] : ['url']
  const busy = outcome?.tone === 'busy'
  return (
    <View className='poster-actions' role='group' aria-label='海报'>
      <Text className='poster-actions__line'>二维码地址：{qrAddress(options, code)}</Text>
      {warning && (
        <View className='poster-actions__warning' role='alert'>
          <Text>{warning}</Text>
        </View>
      )}
      {kinds.map((qr) => (
        <Button key={qr} className='poster-actions__button' disabled={busy} onClick={() => void download(qr)}>
          {label}（{POSTER_QR_LABELS[qr]}）
        </Button>
      ))}
      {!options.wxacode && (
        <Text className='poster-actions__hint'>二维码用微信或手机相机扫都能打开。小程序码海报需服务器配置小程序 AppID 和密钥后才能生成。</Text>
      )}
      {outcome && (
        <View className={`poster-actions__outcome poster-actions__outcome--${outcome.tone}`} role={outcome.tone === 'error' ? 'alert' : 'status'}>
          <Text>{outcome.text}</Text>
        </View>
      )}
    </View>
  )
}
