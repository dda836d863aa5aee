import { Text, View } from '@tarojs/components'
import { fetchMySignups } from '@/api/signups'
import { useReloadOnReturn } from '@/api/use-reload-on-return'
import { useResource } from '@/api/use-resource'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { SignupCard } from './signup-card'
import './index.scss'

/**
 * 我的报名: every sign-up of the worker on this device (H5) or WeChat account, newest first, each with its state and
 * what can be done with it. Opening it signs in silently; the server clears the 「有更新」 marks once it has answered.
 */
export default function MySignupsPage() {
  const { state, reload } = useResource(() => fetchMySignups(), [])
  useReloadOnReturn(reload)
  return (
    <PageRoot className='my-signups'>
      {process.env.TARO_ENV !== 'weapp' && <Text className='my-signups__device'>在本机浏览器中报名，换设备或清除浏览器数据后将看不到</Text>}
      <PageState
        state={state}
        onRetry={() => void reload()}
        what='我的报名'
        isEmpty={(signups) => signups.length === 0}
        emptyText='还没有报名。在活动或技能竞赛页面点「我要报名」即可报名。'
      >
        {(signups) => (
          <View className='my-signups__list'>
            {signups.map((signup) => (
              <SignupCard key={signup.id} signup={signup} onChanged={() => void reload()} />
            ))}
          </View>
        )}
      </PageState>
    </PageRoot>
  )
}
