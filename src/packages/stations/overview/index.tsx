import { Button, Text, View } from '@tarojs/components'
import { PageRoot } from '../../../components/page-root'
import { callHotline } from '../../../navigation'
import { HOTLINE_NUMBER as HOTLINE } from '../../../domain/hotline'
import './index.scss'

/**
 * The kinds of station the article names, each with what the article says about it. The directory with
 * addresses comes in a later release; until then this page lists no stations rather than invented ones.
 */
const NAMED_IN_ARTICLE: Array<{ name: string; glyph: string; text: string; plan?: boolean }> = [
  {
    name: '职工之家',
    glyph: '家',
    text: '密云区总工会依托基层工会职工之家的健身设施，开设瑜伽、太极拳等有氧运动课程及健身大讲堂，由专业教练现场指导运动技巧'
  },
  {
    name: '职工书屋 · 暖心驿站',
    glyph: '书',
    plan: true,
    text: '密云区总工会将依托职工书屋、暖心驿站、新媒体平台等阵地，大力弘扬劳模精神、劳动精神、工匠精神。'
  }
]

export default function StationsOverviewPage() {
  return (
    <PageRoot className='stations'>
      <View className='stations__hero'>
        <Text className='stations__figure'>210余个</Text>
        <Text className='stations__figure-label'>“十四五”期间建成的工会服务阵地</Text>
        <Text className='stations__lead'>提升阵地“硬实力”，实现暖心服务“零距离”。</Text>
      </View>

      <View className='stations__notice' role='status'>
        <Text className='stations__notice-title'>阵地地图与就近查找即将上线</Text>
        <Text className='stations__notice-text'>
          各服务阵地的地址和服务内容以密云区总工会公布的信息为准，也可拨打12351职工服务热线咨询。
        </Text>
        <Button className='stations__call' onClick={() => callHotline(HOTLINE)}>
          拨打 12351
        </Button>
      </View>

      <View className='stations__card'>
        <Text className='stations__heading'>报道中提到的阵地</Text>
        {NAMED_IN_ARTICLE.map((kind) => (
          <View key={kind.name} className='stations__kind'>
            <View className='stations__badge'>
              <Text className='stations__glyph'>{kind.glyph}</Text>
            </View>
            <View className='stations__kind-text'>
              <Text className='stations__kind-name'>{kind.name}</Text>
              {/* Said of the 十五五 plan, not of the stations built so far. */}
              {kind.plan && <Text className='stations__kind-when'>“十五五”规划</Text>}
              <Text className='stations__kind-desc'>{kind.text}</Text>
            </View>
          </View>
        ))}
      </View>

      <View className='stations__source'>
        <Text>内容来源：《凝心铸魂践初心 赋能奋进启新程——记密云区总工会“十四五”工作成就与“十五五”发展蓝图》</Text>
      </View>
    </PageRoot>
  )
}
