import { Text, View } from '@tarojs/components'
import './index.scss'

interface FactProps {
  label: string
  value: string
  /** A link under the value (「查看服务站点」), when the fact leads somewhere. */
  link?: { text: string; onClick: () => void }
}

/** One labelled fact of an event page: 报名时间, 地点, 名额 … */
export function Fact({ label, value, link }: FactProps) {
  return (
    <View className='fact'>
      <Text className='fact__label'>{label}</Text>
      <View className='fact__value'>
        <Text>{value}</Text>
        {link && (
          <View className='fact__link' role='link' onClick={link.onClick}>
            <Text>{link.text} ›</Text>
          </View>
        )}
      </View>
    </View>
  )
}
