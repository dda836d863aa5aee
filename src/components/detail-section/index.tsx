import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

/** A titled card on a detail page (赛程安排, 是什么, 找谁 ...). */
export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='detail-section'>
      <Text className='detail-section__title'>{title}</Text>
      {children}
    </View>
  )
}
