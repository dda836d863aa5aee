import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ApiError } from '@/api/client'
import { login } from '@/api/staff/request'
import { readSession } from '@/api/staff/session'
import { PageRoot } from '@/components/page-root'
import { routes } from '@/routes'
import { TextField } from '@/components/fields'
import './index.scss'

type Problems = Partial<Record<'name' | 'password', string>>

function toHome(): void {
  void Taro.redirectTo({ url: routes.staffHome() })
}

/**
 * 工作人员登录. Accounts are opened by the union's administrator (`npm run staff`, 账号管理); there is no sign-up.
 * The token the server answers with is kept in storage by login(), never put in a URL.
 */
export default function StaffLoginPage() {
  // A session already on this device: the staffer came here from 我的 and is logged in already.
  const [alreadyIn] = useState(() => readSession() !== undefined)
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const [failure, setFailure] = useState<string>()
  const [sending, setSending] = useState(false)

  useEffect(() => {
    if (alreadyIn) toHome()
  }, [alreadyIn])

  async function submit() {
    if (sending) return
    const missing: Problems = {
      ...(name.trim() ? {} : { name: '请填写账号' }),
      ...(password ? {} : { password: '请填写密码' })
    }
    setProblems(missing)
    setFailure(undefined)
    if (Object.keys(missing).length > 0) return
    setSending(true)
    try {
      await login({ name: name.trim(), password })
      toHome()
    } catch (error) {
      const apiError = error instanceof ApiError ? error : undefined
      // The account stays as typed; a password the server refused has to be typed again anyway.
      if (apiError?.kind === 'http') setPassword('')
      setFailure(apiError?.message ?? '登录失败，请稍后重试')
      setSending(false)
    }
  }

  if (alreadyIn) {
    return (
      <PageRoot className='staff-login'>
        <View className='staff-login__card' role='status'>
          <Text className='staff-login__lead'>已登录，正在进入工作台…</Text>
        </View>
      </PageRoot>
    )
  }

  return (
    <PageRoot className='staff-login'>
      <View className='staff-login__card'>
        <Text className='staff-login__title'>密云区总工会 · 工作人员</Text>
        <Text className='staff-login__lead'>登录后可发布动态、管理竞赛与服务内容。</Text>
        {failure && (
          <View className='staff-login__failure' role='alert'>
            <Text>{failure}</Text>
          </View>
        )}
        <TextField
          label='账号'
          name='name'
          value={name}
          onChange={(value) => {
            setName(value)
            if (problems.name) setProblems({ ...problems, name: undefined })
          }}
          placeholder='请输入账号'
          error={problems.name}
        />
        <TextField
          label='密码'
          name='password'
          value={password}
          onChange={(value) => {
            setPassword(value)
            if (problems.password) setProblems({ ...problems, password: undefined })
          }}
          placeholder='请输入密码'
          password
          error={problems.password}
        />
        <Button className='staff-login__submit' disabled={sending} loading={sending} onClick={() => void submit()}>
          {sending ? '正在登录…' : '登录'}
        </Button>
        <Text className='staff-login__note'>工作人员账号由区总工会管理员统一开设，不提供自行注册。需要开通账号或忘记密码，请联系管理员。</Text>
      </View>
    </PageRoot>
  )
}
