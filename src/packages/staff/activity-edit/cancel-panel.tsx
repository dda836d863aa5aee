/**
 * 取消活动, asked in place of the save bar's buttons: the reason workers read (on the activity page and in the
 * message sent to everyone signed up) is required before anything is sent. What is typed in the form stays as it is.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { activityCancelProblems } from '@/domain/activity-input'
import { LIMITS } from '@/domain/content'
import { ReasonPrompt } from '../editor-kit/controls'

interface CancelPanelProps {
  busy: boolean
  onClose: () => void
  onConfirm: (reason: string) => void
}

export function CancelPanel({ busy, onClose, onConfirm }: CancelPanelProps) {
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string>()

  function confirm() {
    const found = activityCancelProblems({ reason, version: 0 })[0]?.message
    setProblem(found)
    if (!found) onConfirm(reason.trim())
  }

  return (
    <View className='editor-kit__card editor-kit__card--alert' role='group' aria-label='取消活动'>
      <Text className='editor-kit__card-text'>取消后职工不能再报名，活动页显示「已取消」和原因，已报名的职工会收到通知。取消后不能恢复。</Text>
      <ReasonPrompt
        label='取消原因'
        max={LIMITS.cancelReason}
        multiline
        placeholder='如：因天气原因，本次活动取消，另行通知'
        hint='职工会看到这句话'
        reason={reason}
        problem={problem}
        onReason={(next) => {
          setReason(next)
          setProblem(undefined)
        }}
        busy={busy}
        confirmText='确定取消活动'
        onConfirm={confirm}
        cancelText='不取消'
        onCancel={onClose}
      />
    </View>
  )
}
