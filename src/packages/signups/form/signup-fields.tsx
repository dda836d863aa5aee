import { Button, Switch, Text, View } from '@tarojs/components'
import { TextField } from '@/components/fields'
import { NoticeAgreement, PrivacyNotice } from '@/components/privacy-notice'
import { SIGNUP_FIELD_LABELS, SIGNUP_LIMITS } from '@/domain/signups'
import type { SignupEventInfo } from '@/api/signups'
import { needsConsent, type useSignupForm } from './use-signup-form'

type Form = ReturnType<typeof useSignupForm>

/** The fields the event needs, the notice when consent is missing, 「记住我的填写」 and the one send button. */
export function SignupFields({ event, form }: { event: SignupEventInfo; form: Form }) {
  const { draft, update, errors, sending } = form
  const field = <K extends keyof typeof draft.fields>(key: K) => ({
    name: key,
    label: SIGNUP_FIELD_LABELS[key],
    value: draft.fields[key],
    error: errors[key],
    onChange: (value: string) => update({ [key]: value })
  })
  const busy = sending.status === 'sending'
  return (
    <View className='signup-form'>
      {form.offer && (
        <View className='signup-form__offer' role='alert'>
          <Text className='signup-form__offer-text'>上次未提交成功的报名内容保存在本机，要继续吗？</Text>
          <View className='signup-form__offer-actions'>
            <Button className='signup-form__offer-take' onClick={form.takeOffer}>
              继续上次的填写
            </Button>
            <Button className='signup-form__offer-drop' onClick={form.dropOffer}>
              重新填写
            </Button>
          </View>
        </View>
      )}
      <TextField {...field('name')} max={SIGNUP_LIMITS.name.max} placeholder='请填写真实姓名' />
      <TextField {...field('phone')} type='number' placeholder='11 位手机号，便于工作人员联系' />
      <TextField {...field('employer')} max={SIGNUP_LIMITS.employer.max} placeholder='所在单位全称' />
      {event.extraFields.includes('trade') && <TextField {...field('trade')} max={SIGNUP_LIMITS.trade.max} />}
      {event.extraFields.includes('years') && <TextField {...field('years')} type='number' placeholder='整年数，如 5' />}

      <View className='signup-form__remember'>
        <View className='signup-form__remember-text'>
          <Text className='signup-form__remember-title'>记住我的填写，下次自动填入</Text>
          <Text className='signup-form__remember-hint'>可随时在「我的 → 隐私政策」中删除</Text>
        </View>
        <Switch
          checked={draft.remember}
          color='#C8161D'
          aria-label='记住我的填写，下次自动填入'
          onChange={(change) => form.setRemember(Boolean(change.detail.value))}
        />
      </View>

      {needsConsent(form.me) && (
        <View className='signup-form__notice'>
          <PrivacyNotice />
          <NoticeAgreement checked={form.agreed} onChange={form.agree} error={errors.consent} />
        </View>
      )}

      {sending.status === 'failed' && (
        <View className='signup-form__failure' role='alert'>
          <Text>{sending.message}</Text>
        </View>
      )}
      <Button className='signup-form__submit' disabled={busy} onClick={() => void form.submit()}>
        {busy ? '正在提交…' : '提交报名'}
      </Button>
    </View>
  )
}
