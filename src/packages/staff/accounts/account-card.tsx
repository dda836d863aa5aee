import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { changeAccount, resetAccountPassword } from '@/api/staff/accounts'
import { ROLE_LABELS, passwordShapeProblem, type StaffAccount, type StaffRole } from '@/domain/accounts'
import { formatDateTime } from '@/domain/dates'
import { TextField } from '@/components/fields'
import { saveFailureOf } from '../components/save-errors'
import { HAND_OVER_HINT } from './new-account'
import { RolesField } from './roles-field'

type Mode = 'idle' | 'roles' | 'disable' | 'password'
type Message = { tone: 'success' | 'error'; text: string }

interface AccountCardProps {
  account: StaffAccount
  /** The administrator looking at the page. */
  isMe: boolean
  /** The server's account after a change, to show in the list. */
  onChanged: (account: StaffAccount) => void
}

/** One account with its roles and state, and the three things an administrator does to it. */
export function AccountCard({ account, isMe, onChanged }: AccountCardProps) {
  const [mode, setMode] = useState<Mode>('idle')
  const [roles, setRoles] = useState<StaffRole[]>(account.roles)
  const [password, setPassword] = useState('')
  const [fieldError, setFieldError] = useState<string>()
  const [message, setMessage] = useState<Message>()
  const [sending, setSending] = useState(false)

  function open(next: Mode) {
    setMode(next)
    setRoles(account.roles)
    setPassword('')
    setFieldError(undefined)
    setMessage(undefined)
  }

  /** Runs one change; a refusal (the last administrator, a weak password) is shown in the card as the server says it. */
  async function run(work: () => Promise<string>) {
    if (sending) return
    setSending(true)
    setMessage(undefined)
    try {
      const done = await work()
      setMode('idle')
      setMessage({ tone: 'success', text: done })
    } catch (error) {
      const failure = saveFailureOf(error)
      setMessage({ tone: 'error', text: failure.kind === 'fields' ? failure.problems.map((problem) => problem.message).join('；') : failure.message })
    } finally {
      setSending(false)
    }
  }

  const saveRoles = () => {
    if (roles.length === 0) {
      setFieldError('请至少选择一个角色')
      return
    }
    void run(async () => {
      onChanged(await changeAccount(account.id, { roles }))
      return `已修改角色：${roles.map((role) => ROLE_LABELS[role]).join('、')}`
    })
  }

  const toggleDisabled = () =>
    run(async () => {
      const changed = await changeAccount(account.id, { disabled: !account.disabled })
      onChanged(changed)
      return changed.disabled ? '已停用：该账号已退出登录，不能再登录' : '已启用：该账号可以重新登录'
    })

  const resetPassword = () => {
    const problem = passwordShapeProblem(password)
    setFieldError(problem)
    if (problem) return
    void run(async () => {
      await resetAccountPassword(account.id, password)
      return '已重置密码，该账号已在各处退出登录。请当面把新密码交给本人。'
    })
  }

  return (
    <View className={`account-card${account.disabled ? ' account-card--disabled' : ''}`} role='group' aria-label={`${account.displayName}（${account.name}）`}>
      <View className='account-card__head'>
        <Text className='account-card__name'>{account.displayName}</Text>
        {isMe && <Text className='account-card__tag'>当前登录</Text>}
        {account.disabled && <Text className='account-card__tag account-card__tag--disabled'>已停用</Text>}
      </View>
      <Text className='account-card__line'>账号：{account.name}</Text>
      <View className='account-card__roles'>
        {account.roles.map((role) => (
          <Text key={role} className='account-card__role'>
            {ROLE_LABELS[role]}
          </Text>
        ))}
      </View>
      <Text className='account-card__line'>
        {account.lastLoginAt ? `最近登录：${formatDateTime(account.lastLoginAt)}` : '尚未登录'} · 开设于 {formatDateTime(account.createdAt)}
      </Text>

      {message && (
        <View className={`accounts__message accounts__message--${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          <Text>{message.text}</Text>
        </View>
      )}

      {mode === 'roles' && (
        <View className='account-card__panel'>
          <RolesField name='roles' value={roles} error={fieldError} onChange={setRoles} />
          <Button className='editor-kit__button editor-kit__button--primary' disabled={sending} onClick={saveRoles}>
            保存角色
          </Button>
          <Button className='editor-kit__button' onClick={() => open('idle')}>
            取消
          </Button>
        </View>
      )}
      {mode === 'disable' && (
        <View className='account-card__panel' role='alert'>
          <Text className='account-card__confirm'>
            {account.disabled
              ? '启用后该账号可以重新登录。确定启用？'
              : `停用后该账号立即退出登录，且不能再登录${isMe ? '（这是你自己的账号，你也会被退出）' : ''}。确定停用？`}
          </Text>
          <Button className='editor-kit__button editor-kit__button--danger' disabled={sending} onClick={() => void toggleDisabled()}>
            {account.disabled ? '确定启用' : '确定停用'}
          </Button>
          <Button className='editor-kit__button' onClick={() => open('idle')}>
            取消
          </Button>
        </View>
      )}
      {mode === 'password' && (
        <View className='account-card__panel'>
          <TextField
            label='新密码'
            name='password'
            value={password}
            placeholder='至少 12 个字符'
            hint={HAND_OVER_HINT}
            error={fieldError}
            onChange={setPassword}
          />
          <Button className='editor-kit__button editor-kit__button--primary' disabled={sending} onClick={resetPassword}>
            确认重置
          </Button>
          <Button className='editor-kit__button' onClick={() => open('idle')}>
            取消
          </Button>
        </View>
      )}
      {mode === 'idle' && (
        <View className='account-card__actions'>
          <Button className='account-card__action' onClick={() => open('roles')}>
            修改角色
          </Button>
          <Button className='account-card__action' onClick={() => open('disable')}>
            {account.disabled ? '启用' : '停用'}
          </Button>
          <Button className='account-card__action' onClick={() => open('password')}>
            重置密码
          </Button>
        </View>
      )}
    </View>
  )
}
