import { Text, View } from '@tarojs/components'
import { PRIVACY_NOTICE_SECTIONS, PRIVACY_NOTICE_TITLE } from '@/domain/privacy'
import './index.scss'

/** 《报名个人信息处理说明》 as the sign-up form and the privacy page show it (src/domain/privacy.ts). */
export function PrivacyNotice() {
  return (
    <View className='privacy-notice' aria-label={PRIVACY_NOTICE_TITLE}>
      <Text className='privacy-notice__title'>《{PRIVACY_NOTICE_TITLE}》</Text>
      {PRIVACY_NOTICE_SECTIONS.map((section) => (
        <View key={section.key} className='privacy-notice__section'>
          <Text className='privacy-notice__heading'>{section.heading}</Text>
          {section.paragraphs.map((paragraph) => (
            <Text key={paragraph} className='privacy-notice__paragraph'>
              {paragraph}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}

interface AgreementProps {
  checked: boolean
  onChange: (checked: boolean) => void
  error?: string
}

/** The explicit agreement: unticked until the worker ticks it; a tap on the words ticks it too. */
export function NoticeAgreement({ checked, onChange, error }: AgreementProps) {
  return (
    <View className='notice-agreement' data-field='consent'>
      <View
        className={`notice-agreement__row${checked ? ' notice-agreement__row--checked' : ''}`}
        role='checkbox'
        aria-checked={checked ? 'true' : 'false'}
        onClick={() => onChange(!checked)}
      >
        <View className='notice-agreement__box'>{checked && <Text className='notice-agreement__tick'>✓</Text>}</View>
        <Text className='notice-agreement__text'>我已阅读并同意《{PRIVACY_NOTICE_TITLE}》</Text>
      </View>
      {error && (
        <View className='notice-agreement__error' role='alert'>
          <Text>{error}</Text>
        </View>
      )}
    </View>
  )
}
