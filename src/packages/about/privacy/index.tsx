import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { clearCachedContent } from '@/api/cache'
import { ApiError } from '@/api/client'
import { deletePrefill, hasWorkerSession } from '@/api/me'
import { PageRoot } from '@/components/page-root'
import { PrivacyNotice } from '@/components/privacy-notice'
import { callHotline } from '@/navigation'
import { forgetElderMode } from '@/state/elder-mode'
import { HOTLINE_NUMBER as HOTLINE } from '@/domain/hotline'
import { EFFECTIVE_DATE, SECTIONS } from './sections'
import './index.scss'

export default function PrivacyPage() {
  const clearLocalData = async () => {
    const { confirm } = await Taro.showModal({
      title: '清除本地缓存',
      content: '将删除保存在手机上的离线内容和长辈模式设置。报名和工作人员的登录状态、未提交的报名和未保存的草稿会保留。确定清除吗？',
      confirmText: '清除',
      cancelText: '取消'
    })
    if (!confirm) return
    // Only what the dialog names: a staffer on this phone stays logged in and keeps unsent work.
    clearCachedContent()
    forgetElderMode()
    void Taro.showToast({ title: '已清除本地缓存', icon: 'success' })
  }

  const removePrefill = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除预填信息',
      content: '将删除服务器上为您保存、用于下次报名自动填入的姓名、手机号、工作单位等信息。已提交的报名不受影响。确定删除吗？',
      confirmText: '删除',
      cancelText: '取消'
    })
    if (!confirm) return
    // A browser that never signed up has nothing kept: no identity is made just to delete nothing. In WeChat the
    // same account may have signed up on another phone, so it signs in (silently) and deletes.
    if (process.env.TARO_ENV !== 'weapp' && !hasWorkerSession()) {
      void Taro.showToast({ title: '本机没有保存的预填信息', icon: 'none' })
      return
    }
    try {
      await deletePrefill()
      void Taro.showToast({ title: '已删除预填信息', icon: 'success' })
    } catch (error) {
      void Taro.showModal({ title: '删除失败', content: error instanceof ApiError ? error.message : '请稍后重试', showCancel: false })
    }
  }

  return (
    <PageRoot className='privacy'>
      <View className='privacy__header'>
        <Text className='privacy__title'>“密云工会”小程序隐私政策</Text>
        <Text className='privacy__date'>生效日期：{EFFECTIVE_DATE}</Text>
        <Text className='privacy__lead'>“密云工会”小程序由密云区总工会提供。我们用简单的话说明这个小程序怎样对待您的信息。</Text>
      </View>

      {SECTIONS.map((section) => (
        <View key={section.title} className='privacy__section'>
          <Text className='privacy__section-title'>{section.title}</Text>
          {section.paragraphs.map((paragraph) => (
            <Text key={paragraph} className='privacy__paragraph'>
              {paragraph}
            </Text>
          ))}
        </View>
      ))}

      <View className='privacy__section'>
        <PrivacyNotice />
      </View>

      <View className='privacy__actions'>
        <Button className='privacy__clear' onClick={() => void removePrefill()}>
          删除预填信息
        </Button>
        <Button className='privacy__clear' onClick={() => void clearLocalData()}>
          清除本地缓存
        </Button>
        <Button className='privacy__call' onClick={() => callHotline(HOTLINE)}>
          拨打 12351
        </Button>
      </View>
    </PageRoot>
  )
}
