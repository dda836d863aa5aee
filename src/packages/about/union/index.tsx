import { Button, Text, View } from '@tarojs/components'
import { PageRoot } from '@/components/page-root'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { AREAS, ARTICLE_BYLINE, ARTICLE_TITLE, FIRSTS, FIRSTS_CITE, FIRSTS_CLOSE, FIRSTS_LEAD, RECORD, ROLE } from './content'
import './index.scss'

export default function AboutUnionPage() {
  return (
    <PageRoot className='about'>
      <View className='about__hero'>
        <Text className='about__name'>密云区总工会</Text>
        <Text className='about__role'>{ROLE}</Text>
      </View>

      <View className='about__card'>
        <Text className='about__heading'>“十四五”成绩单</Text>
        <Text className='about__paragraph'>{RECORD}</Text>
        <Button className='about__button' onClick={() => void go(routes.plan())}>
          查看成绩单与“十五五”蓝图
        </Button>
      </View>

      <View className='about__card'>
        <Text className='about__heading'>我们做什么</Text>
        {AREAS.map((area) => (
          <View key={area.name} className='about__area'>
            <View className='about__area-head'>
              <Text className='about__area-name'>{area.name}</Text>
              <Text className='about__area-title'>{area.title}</Text>
            </View>
            <Text className='about__paragraph'>{area.text}</Text>
          </View>
        ))}
      </View>

      <View className='about__card'>
        <Text className='about__heading'>五个“第一”</Text>
        <Text className='about__paragraph'>{FIRSTS_LEAD}</Text>
        {FIRSTS.map((item) => (
          <View key={item.first} className='about__first'>
            <Text className='about__first-badge'>{item.first}</Text>
            <Text className='about__first-text'>{item.text}</Text>
          </View>
        ))}
        <Text className='about__paragraph'>{FIRSTS_CLOSE}</Text>
        <Text className='about__cite'>—— {FIRSTS_CITE}</Text>
      </View>

      <View className='about__source'>
        <Text>
          内容来源：《{ARTICLE_TITLE}》（{ARTICLE_BYLINE}）
        </Text>
      </View>
    </PageRoot>
  )
}
