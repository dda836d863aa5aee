/**
 * The parts every content editor shows around its fields: the kept-draft offer, the record's state, the conflict and
 * ended-session notices, the summary of what to fix, and the save bar with its confirmation.
 */
import { Button, Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { lastEditedLine, type Versioned } from '@/domain/content'
import { formatDateTime } from '@/domain/dates'
import { go } from '@/navigation'
import { routes } from '@/routes'
import type { Editor } from './use-editor'
import './editor-kit.scss'

// `never` for the form: the chrome reads an editor's state and calls its actions, and never hands it a form.
type AnyEditor = Editor<Versioned, never, unknown>

/** Shown instead of the form while a draft from an earlier visit waits for 恢复 or 放弃. */
export function DraftOffer({ editor, what }: { editor: Pick<AnyEditor, 'offer' | 'restoreDraft' | 'discardDraft'>; what: string }) {
  if (!editor.offer) return null
  return (
    <View className='editor-kit__card' role='alert'>
      <Text className='editor-kit__card-title'>{what}有未保存到服务器的内容</Text>
      <Text className='editor-kit__card-text'>上次编辑时填写的内容保存在本机，可以恢复后继续编辑；放弃则显示服务器上的当前内容。</Text>
      <Button className='editor-kit__button editor-kit__button--primary' onClick={editor.restoreDraft}>
        恢复未保存的内容（保存于 {formatDateTime(new Date(editor.offer.savedAt).toISOString())}）
      </Button>
      <Button className='editor-kit__button' onClick={editor.discardDraft}>
        放弃
      </Button>
    </View>
  )
}

/** A record's state as a coloured mark (「草稿」, 「已发布」 …); the tone picks the colour. */
export interface StatusBadge {
  label: string
  tone: 'neutral' | 'success' | 'info' | 'warning'
}

interface EditorStatusProps {
  editor: Pick<AnyEditor, 'record' | 'dirty'>
  /** Names what is being edited. */
  title?: string
  badge?: StatusBadge
  /** The line for a record not created yet. */
  newText?: string
}

/** Who last changed the record and whether there is unsaved input. */
export function EditorStatus({ editor, title, badge, newText = '新建 · 尚未保存' }: EditorStatusProps) {
  return (
    <View className='editor-kit__status' role='status'>
      {title && <Text className='editor-kit__status-title'>{title}</Text>}
      {badge && <Text className={`editor-kit__badge editor-kit__badge--${badge.tone}`}>{badge.label}</Text>}
      <Text className='editor-kit__status-line'>{editor.record ? lastEditedLine(editor.record) : newText}</Text>
      {editor.dirty && <Text className='editor-kit__status-line editor-kit__status-line--dirty'>有未保存的修改（已暂存在本机）</Text>}
    </View>
  )
}

/** Conflict, ended session and the list of problems, above the form where the staffer looks first. */
export function EditorAlerts({ editor }: { editor: Pick<AnyEditor, 'conflict' | 'sessionLost' | 'problems' | 'busy' | 'loadLatest' | 'keepEditing'> }) {
  const { conflict, sessionLost, problems } = editor
  return (
    <View>
      {conflict && (
        <View className='editor-kit__card editor-kit__card--alert' role='alert'>
          <Text className='editor-kit__card-title'>保存失败：内容已被他人修改</Text>
          <Text className='editor-kit__card-text'>{conflict.message}</Text>
          {conflict.current && (
            <Text className='editor-kit__card-text'>最新版本：{lastEditedLine(conflict.current)}。你填写的内容仍在本页，并已暂存在本机。</Text>
          )}
          <Button className='editor-kit__button editor-kit__button--primary' disabled={editor.busy} onClick={() => void editor.loadLatest()}>
            载入最新版本（放弃我的修改）
          </Button>
          <Button className='editor-kit__button' onClick={editor.keepEditing}>
            继续编辑
          </Button>
        </View>
      )}
      {sessionLost && (
        <View className='editor-kit__card editor-kit__card--alert' role='alert'>
          <Text className='editor-kit__card-text'>{sessionLost}</Text>
          <Button className='editor-kit__button editor-kit__button--primary' onClick={() => void go(routes.staffLogin())}>
            重新登录
          </Button>
        </View>
      )}
      {problems.length > 0 && (
        <View className='editor-kit__card editor-kit__card--alert' role='alert' aria-label='需要修改的地方'>
          <Text className='editor-kit__card-title'>还有 {problems.length} 处需要修改：</Text>
          {problems.map((problem, index) => (
            <Text key={`${problem.field}-${index}`} className='editor-kit__problem'>
              · {problem.message}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}

/** A button beside 保存 (发布, 定时发布, 撤下 …); one with `confirm` asks first, in place of the buttons. */
export interface ExtraAction {
  label: string
  onClick: () => void
  tone?: 'primary' | 'danger'
  confirm?: { text: string; label: string }
}

interface SaveBarProps {
  editor: Pick<AnyEditor, 'busy' | 'busyText' | 'notice' | 'save'>
  label?: string
  note?: string
  actions?: ExtraAction[]
  /** Shown in place of the buttons while an action asks for more (the time of a scheduled publication). */
  panel?: ReactNode
}

/**
 * The save button and the editor's other actions, with what happened last above them. Not fixed to the bottom of
 * the screen: in WeChat a textarea is a native view drawn above everything, and would cover a fixed bar.
 */
export function SaveBar({ editor, label = '保存', note, actions = [], panel }: SaveBarProps) {
  const { notice, busy } = editor
  const [confirming, setConfirming] = useState<ExtraAction>()
  return (
    <View className='editor-kit__actions'>
      {notice && (
        <View className={`editor-kit__notice editor-kit__notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <Text>{notice.text}</Text>
        </View>
      )}
      {busy && (
        <View className='editor-kit__notice' role='status'>
          <Text>{editor.busyText ?? '正在保存…'}</Text>
        </View>
      )}
      {panel ??
        (confirming?.confirm ? (
          <View className='editor-kit__card editor-kit__card--alert' role='alert'>
            <Text className='editor-kit__card-text'>{confirming.confirm.text}</Text>
            <Button
              className='editor-kit__button editor-kit__button--danger'
              disabled={busy}
              onClick={() => {
                setConfirming(undefined)
                confirming.onClick()
              }}
            >
              {confirming.confirm.label}
            </Button>
            <Button className='editor-kit__button' onClick={() => setConfirming(undefined)}>
              取消
            </Button>
          </View>
        ) : (
          <View>
            <Button className='editor-kit__button editor-kit__button--primary' disabled={busy} onClick={() => void editor.save()}>
              {label}
            </Button>
            {note && <Text className='editor-kit__note'>{note}</Text>}
            {actions.map((action) => (
              <Button
                key={action.label}
                className={`editor-kit__button${action.tone === 'primary' ? ' editor-kit__button--primary' : action.tone === 'danger' ? ' editor-kit__button--danger' : ''}`}
                disabled={busy}
                onClick={() => (action.confirm ? setConfirming(action) : action.onClick())}
              >
                {action.label}
              </Button>
            ))}
          </View>
        ))}
    </View>
  )
}
