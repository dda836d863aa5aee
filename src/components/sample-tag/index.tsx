import { Text } from '@tarojs/components'
import './index.scss'

/** Marks sample data — anything the source article does not give — so nobody takes it for fact. */
export function SampleTag({ note }: { note?: string }) {
  return (
    <Text className='sample-tag' aria-label={note ? `示例：${note}` : '示例数据'}>
      示例
    </Text>
  )
}
