import { Button, Text, View } from '@tarojs/components'
import './index.scss'

interface NotFoundProps {
  title: string
  hint: string
  actionText: string
  onAction: () => void
  /** A second way out, drawn plainer than the first. */
  secondary?: { text: string; onAction: () => void }
}

/** What a broken or outdated link (a shared card, an old QR code) opens: what is missing and where to go instead. */
export function NotFound({ title, hint, actionText, onAction, secondary }: NotFoundProps) {
  return (
    <View className='not-found' role='alert'>
      <Text className='not-found__title'>{title}</Text>
      <Text className='not-found__text'>{hint}</Text>
      <Button className='not-found__action' onClick={onAction}>
        {actionText}
      </Button>
      {secondary && (
        <Button className='not-found__action not-found__action--plain' onClick={secondary.onAction}>
          {secondary.text}
        </Button>
      )}
    </View>
  )
}
