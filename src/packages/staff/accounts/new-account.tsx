import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { createAccount } from '@/api/staff/accounts'
import { DISPLAY_NAME_MAX_LENGTH, displayNameProblem, passwordShapeProblem, staffNameProblem, type StaffAccount, type StaffRole } from '@/domain/accounts'
import type { FieldProblem } from '@/domain/validation'
import { TextField, fieldsOf } from '@/components/fields'
import { problemMap, saveFailureOf } from '../components/save-errors'
import { RolesField } from './roles-field'

export const HAND_OVER_HINT = '请当面把初始密码交给本人，不要通过微信、短信或邮件发送；本人登录后可在「修改密码」中换成自己的密码。'

interface Form {
  name: string
  displayName: string
  roles: StaffRole[]
  password: string
}

const EMPTY: Form = { name: '', displayName: '', roles: ['editor'], password: '' }

/** The checks a phone can make; the server adds its own (name taken, common or guessable passwords). */
function problemsOf(form: Form): FieldProblem[] {
  const problems: FieldProblem[] = []
  const nameProblem = staffNameProblem(form.name)
  if (nameProblem) problems.push({ field: 'name', message: nameProblem })
  const displayProblem = displayNameProblem(form.displayName)
  if (displayProblem) problems.push({ field: 'displayName', message: displayProblem })
  if (form.roles.length === 0) problems.push({ field: 'roles', message: '请至少选择一个角色' })
  const passwordProblem = passwordShapeProblem(form.password)
  if (passwordProblem) problems.push({ field: 'password', message: passwordProblem })
  return problems
}

interface NewAccountProps {
  onCreated: (account: StaffAccount) => void
  onCancel: () => void
}

export function NewAccount({ onCreated, onCancel }: NewAccountProps) {
  const [form, setForm] = useState<Form>(EMPTY)
  const [problems, setProblems] = useState<FieldProblem[]>([])
  const [failure, setFailure] = useState<string>()
  const [sending, setSending] = useState(false)
  const errors = problemMap(problems)
  const update = (change: Partial<Form>) => setForm((previous) => ({ ...previous, ...change }))
  const field = fieldsOf(form, errors, update)

  async function submit() {
    if (sending) return
    const found = problemsOf(form)
    setProblems(found)
    setFailure(undefined)
    if (found.length > 0) return
    setSending(true)
    try {
      const account = await createAccount({ name: form.name.trim(), displayName: form.displayName.trim(), roles: form.roles, password: form.password })
      setForm(EMPTY)
      onCreated(account)
    } catch (error) {
      const refused = saveFailureOf(error)
      if (refused.kind === 'fields') setProblems(refused.problems)
      else setFailure(refused.message)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='accounts__new' role='group' aria-label='新建账号'>
      <Text className='accounts__new-title'>新建账号</Text>
      <TextField label='账号' {...field('name')} placeholder='登录用，如 zhangsan' hint='2–32 个字符：汉字、小写字母、数字或 _ . -，开设后不能修改' />
      <TextField label='姓名' {...field('displayName')} max={DISPLAY_NAME_MAX_LENGTH} placeholder='显示在操作记录中，如 张三' />
      <RolesField {...field('roles')} />
      <TextField label='初始密码' {...field('password')} placeholder='至少 12 个字符' hint={HAND_OVER_HINT} />
      {failure && (
        <View className='accounts__message accounts__message--error' role='alert'>
          <Text>{failure}</Text>
        </View>
      )}
      <Button className='editor-kit__button editor-kit__button--primary' disabled={sending} onClick={() => void submit()}>
        {sending ? '正在开设…' : '开设账号'}
      </Button>
      <Button className='editor-kit__button' onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}
