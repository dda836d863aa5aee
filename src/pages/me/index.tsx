import { Switch, Text, View } from '@tarojs/components'
import { PageRoot } from '@/components/page-root'
import { callHotline, go } from '@/navigation'
import { routes } from '@/routes'
import { setElderMode, useElderMode } from '@/state/elder-mode'
// The version shown under 关于 is the package's own: one source, read at build time.
// eslint-disable-next-line no-restricted-imports
import packageInfo from '../../../package.json'
import { HOTLINE_NUMBER as HOTLINE } from '@/domain/hotline'
import './index.scss'

export default function MePage() {
  const elder = useElderMode()

  return (
    <PageRoot className='me'>
      <View className='me__union'>
        <View className='me__union-badge'>
          <Text className='me__union-glyph'>工</Text>
        </View>
        <View className='me__union-text'>
          <Text className='me__union-name'>密云区总工会</Text>
          {/* The article's own words for what the union is to its workers. */}
          <Text className='me__union-line'>持续当好职工群众的“娘家”、产业发展的“助推器”</Text>
        </View>
      </View>

      <View className='me__group'>
        <View className='me__row me__row--switch'>
          <View className='me__row-text'>
            <Text className='me__row-title'>长辈模式</Text>
            <Text className='me__row-hint'>放大全部文字，方便阅读</Text>
          </View>
          <Switch
            className='me__switch'
            checked={elder}
            color='#C8161D'
            onChange={(event) => setElderMode(Boolean(event.detail.value))}
            aria-label='长辈模式'
          />
        </View>
      </View>

      <View className='me__group'>
        {/* Opening it signs in silently (the worker's own sign-ups); nothing is asked before. */}
        <LinkRow title='我的报名' detail='报名状态、取消、签到' onTap={() => void go(routes.mySignups())} />
      </View>

      <View className='me__group'>
        <LinkRow title='关于密云区总工会' onTap={() => void go(routes.aboutUnion())} />
        <LinkRow title='隐私政策' onTap={() => void go(routes.privacy())} />
        <LinkRow title='12351 职工服务热线' detail='拨打' onTap={() => callHotline(HOTLINE)} />
        {/* The staff pages are a subpackage: a worker who never taps this never downloads them. */}
        <LinkRow title='工作人员登录' onTap={() => void go(routes.staffLogin())} />
        <View className='me__row'>
          <Text className='me__row-title'>版本</Text>
          <Text className='me__row-detail'>{packageInfo.version}</Text>
        </View>
      </View>
    </PageRoot>
  )
}

function LinkRow({ title, detail, onTap }: { title: string; detail?: string; onTap: () => void }) {
  return (
    <View className='me__row' hoverClass='me__row--pressed' onClick={onTap} role='link'>
      <Text className='me__row-title'>{title}</Text>
      <View className='me__row-end'>
        {detail && <Text className='me__row-detail'>{detail}</Text>}
        <Text className='me__chevron'>›</Text>
      </View>
    </View>
  )
}
