import { Text, View } from '@tarojs/components'
import './index.scss'

interface SectionHeaderProps {
  title: string
  /** Text of the action on the right, 「更多」 unless told otherwise. Shown only with onAction. */
  actionText?: string
  onAction?: () => void
}

/** A section's title with an optional 「更多」-style link to the full list. */
export function SectionHeader({ title, actionText = '更多', onAction }: SectionHeaderProps) {
  return (
    <View className='section-header'>
      <Text className='section-header__title'>{title}</Text>
      {onAction && (
        <View className='section-header__action' hoverClass='section-header__action--pressed' onClick={onAction} role='link'>
          <Text className='section-header__action-text'>{actionText}</Text>
          <Text className='section-header__chevron'>›</Text>
        </View>
      )}
    </View>
  )
}
