import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ApiError } from '@/api/client'
import { changeOwnPassword } from '@/api/staff/me'
import { PASSWORD_MIN_LENGTH, passwordShapeProblem } from '@/domain/accounts'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { TextField, fieldsOf } from '@/components/fields'
import { StaffPage } from '../components/staff-page'
import './index.scss'

type Field = 'currentPassword' | 'newPassword' | 'repeatPassword'
type Problems = Partial<Record<Field, string>>
type Form = Record<Field, string>

const EMPTY: Form = { currentPassword: '', newPassword: '', repeatPassword: '' }

export default function StaffPasswordPage() {
  return (
    <StaffPage className='staff-password'>
      <PasswordForm />
    </StaffPage>
  )
}

/** What the phone can check; the server adds its own (a common or guessable password) and answers with a message. */
function localProblems({ currentPassword: current, newPassword: next, repeatPassword: repeat }: Form): Problems {
  const problems: Problems = {}
  if (!current) problems.currentPassword = '请填写当前密码'
  const shape = passwordShapeProblem(next)
  if (shape) problems.newPassword = shape
  else if (next === current) problems.newPassword = '新密码不能与当前密码相同'
  if (!problems.newPassword && repeat !== next) problems.repeatPassword = '两次输入的新密码不一致'
  return problems
}

function PasswordForm() {
  const [form, setForm] = useState<Form>(EMPTY)
  const [problems, setProblems] = useState<Problems>({})
  const [failure, setFailure] = useState<{ message: string; sessionEnded: boolean }>()
  const [done, setDone] = useState(false)
  const [sending, setSending] = useState(false)

  async function submit() {
    if (sending) return
    const found = localProblems(form)
    setProblems(found)
    setFailure(undefined)
    setDone(false)
    if (Object.keys(found).length > 0) return
    setSending(true)
    try {
      await changeOwnPassword({ currentPassword: form.currentPassword, newPassword: form.newPassword })
      setForm(EMPTY)
      setDone(true)
    } catch (error) {
      const apiError = error instanceof ApiError ? error : undefined
      const field = apiError?.details.field
      if (apiError?.status === 400 && (field === 'currentPassword' || field === 'newPassword')) {
        setProblems({ [field]: apiError.message })
      } else {
        setFailure({ message: apiError?.message ?? '修改失败，请稍后重试', sessionEnded: apiError?.status === 401 })
      }
    } finally {
      setSending(false)
    }
  }

  const edit = (change: Partial<Form>) => {
    setForm((previous) => ({ ...previous, ...change }))
    setDone(false)
    const fixed = (Object.keys(change) as Field[]).filter((field) => problems[field])
    if (fixed.length > 0) setProblems({ ...problems, ...Object.fromEntries(fixed.map((field) => [field, undefined])) })
  }
  const field = fieldsOf(form, problems, edit)

  return (
    <View className='staff-password__card'>
      {done && (
        <View className='staff-password__done' role='status'>
          <Text>密码已修改。下次登录请使用新密码；在其他设备上的登录已退出。</Text>
        </View>
      )}
      {failure && (
        <View className='staff-password__failure' role='alert'>
          <Text>{failure.message}</Text>
          {failure.sessionEnded && (
            <Button className='staff-password__login' onClick={() => void go(routes.staffLogin())}>
              重新登录
            </Button>
          )}
        </View>
      )}
      <TextField label='当前密码' {...field('currentPassword')} password />
      <TextField label='新密码' {...field('newPassword')} password hint={`至少 ${PASSWORD_MIN_LENGTH} 个字符，不要使用常见密码或与账号相关的词`} />
      <TextField label='再次输入新密码' {...field('repeatPassword')} password />
      <Button className='staff-password__submit' disabled={sending} onClick={() => void submit()}>
        {sending ? '正在提交…' : '修改密码'}
      </Button>
    </View>
  )
}
