import { Button, Image, Progress, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { mediaUrl } from '@/api/client'
import { uploadImage, type UploadHandle } from '@/api/staff/request'
import { MAX_UPLOAD_BYTES, type MediaAsset } from '@/domain/media'
import { wechatFailureOf, type WechatFailure } from './wechat-failure'
import './image-picker.scss'

/** What the staffer reads when the photo picker does not open or returns nothing; a cancel says nothing. */
const CHOOSE_FAILURES: Record<Exclude<WechatFailure, 'cancel'>, string> = {
  'privacy-refused': '未同意隐私保护指引，无法选择照片。请再点一次「选择」，在弹出的提示中点「同意」。',
  'privacy-undeclared': '小程序的用户隐私保护指引尚未声明「选中的照片或视频信息」，暂时无法选择照片。请联系管理员在小程序后台补充后再试。',
  'permission-refused': '没有使用摄像头的权限：请在右上角「…」→「设置」中允许使用摄像头，或从相册选择。',
  'system-refused': '手机设置不允许微信访问照片或相机：请在手机的「设置」→「微信」中允许后重试。',
  other: '无法打开相册或相机，请稍后重试。'
}

type UploadState = { status: 'idle' } | { status: 'uploading'; percent: number } | { status: 'failed'; message: string }

interface ImagePickerProps {
  /** The current image's /media path, if any. */
  src?: string | null
  label: string
  onUploaded: (asset: MediaAsset) => void
  onRemove?: () => void
}

/**
 * Pick a photo (album or camera in WeChat; a file on H5 — Taro's chooseMedia opens the file dialog there), upload
 * it with a progress bar, and hand the stored image back. The server decides what the file is; the size check here
 * only spares a worker's data plan a 10 MB upload that would be refused.
 */
export function ImagePicker({ src, label, onUploaded, onRemove }: ImagePickerProps) {
  const [state, setState] = useState<UploadState>({ status: 'idle' })
  const upload = useRef<UploadHandle>()
  useEffect(() => () => upload.current?.abort(), [])

  async function choose() {
    let file: { tempFilePath: string; size: number } | undefined
    try {
      const picked = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['original'] })
      file = picked.tempFiles[0]
    } catch (error) {
      const failure = wechatFailureOf(error)
      if (failure !== 'cancel') setState({ status: 'failed', message: CHOOSE_FAILURES[failure] })
      return
    }
    if (!file) {
      // Only on H5: Taro drops a photo the browser cannot decode (an iPhone HEIC in a desktop browser) and reports
      // success with no file. Without a message the tap would seem to do nothing.
      setState({ status: 'failed', message: '无法读取所选图片，请选择 JPG、PNG 或 WebP 格式的照片' })
      return
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setState({ status: 'failed', message: '图片超过 10 MB，请压缩后再上传' })
      return
    }
    setState({ status: 'uploading', percent: 0 })
    upload.current = uploadImage(file.tempFilePath, (percent) => setState({ status: 'uploading', percent }))
    try {
      const asset = await upload.current.done
      setState({ status: 'idle' })
      onUploaded(asset)
    } catch (error) {
      setState({ status: 'failed', message: (error as Error).message || '上传失败，请重试' })
    }
  }

  return (
    <View className='image-picker'>
      {src ? (
        <Image className='image-picker__preview' src={mediaUrl(src, 320) ?? ''} mode='aspectFill' aria-label={label} />
      ) : (
        <View className='image-picker__empty'>
          <Text>未选择图片</Text>
        </View>
      )}
      {state.status === 'uploading' && (
        <View className='image-picker__progress' aria-label='上传进度'>
          <Progress percent={state.percent} strokeWidth={4} activeColor='#C8161D' />
          <Text className='image-picker__hint'>正在上传 {state.percent}%</Text>
        </View>
      )}
      {state.status === 'failed' && (
        <View className='image-picker__error' role='alert'>
          <Text>{state.message}</Text>
        </View>
      )}
      <View className='image-picker__actions'>
        <Button className='image-picker__button' disabled={state.status === 'uploading'} onClick={() => void choose()}>
          {src ? `更换${label}` : `选择${label}`}
        </Button>
        {src && onRemove && (
          <Button className='image-picker__button image-picker__button--plain' disabled={state.status === 'uploading'} onClick={onRemove}>
            移除
          </Button>
        )}
      </View>
    </View>
  )
}
