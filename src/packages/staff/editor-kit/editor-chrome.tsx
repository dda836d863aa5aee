/**
 * The parts every content editor shows around its fields: the kept-draft offer, the record's state, the conflict and
 * ended-session notices, the summary of what to fix, and the save bar with its confirmation.
 */
import { Button, Text, View } from '@tarojs/components'
import { lastEditedLine, type Versioned } from '../../../domain/content'
import { formatDateTime } from '../../../domain/dates'
import { go } from '../../../navigation'
import { routes } from '../../../routes'
import type { Editor } from './use-editor'
import './editor-kit.scss'

type AnyEditor = Editor<Versioned, unknown, unknown>

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

/** Who last changed the record and whether there is unsaved input; `title` names what is being edited. */
export function EditorStatus({ editor, title }: { editor: Pick<AnyEditor, 'record' | 'dirty'>; title?: string }) {
  return (
    <View className='editor-kit__status' role='status'>
      {title && <Text className='editor-kit__status-title'>{title}</Text>}
      <Text className='editor-kit__status-line'>{editor.record ? lastEditedLine(editor.record) : '新建 · 尚未保存'}</Text>
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

/**
 * The save button with what happened last under it. Not fixed to the bottom of the screen: in WeChat a textarea is
 * a native view drawn above everything, and would cover a fixed bar.
 */
export function SaveBar({ editor, label = '保存', note }: { editor: Pick<AnyEditor, 'busy' | 'notice' | 'save'>; label?: string; note?: string }) {
  const { notice, busy } = editor
  return (
    <View className='editor-kit__actions'>
      {notice && (
        <View className={`editor-kit__notice editor-kit__notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <Text>{notice.text}</Text>
        </View>
      )}
      {busy && (
        <View className='editor-kit__notice' role='status'>
          <Text>正在保存…</Text>
        </View>
      )}
      <Button className='editor-kit__button editor-kit__button--primary' disabled={busy} onClick={() => void editor.save()}>
        {label}
      </Button>
      {note && <Text className='editor-kit__note'>{note}</Text>}
    </View>
  )
}
