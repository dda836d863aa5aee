import { Text, View } from '@tarojs/components'
import type { ContactPoint } from '@/domain/content'
import { callHotline } from '@/navigation'
import './index.scss'

/** Whom to contact: a number is tapped to call; a contact without one (the worker's own unit union) just says so. */
export function ContactCard({ contact }: { contact: ContactPoint }) {
  const phone = contact.phone
  if (!phone) {
    return (
      <View className='contact'>
        <View className='contact__text'>
          <Text className='contact__name'>{contact.name}</Text>
          <Text className='contact__hours'>{contact.hours ?? '请直接联系本单位工会'}</Text>
        </View>
      </View>
    )
  }
  return (
    <View className='contact' role='button' aria-label={`拨打${contact.name} ${phone}`} onClick={() => callHotline(phone)}>
      <View className='contact__text'>
        <Text className='contact__name'>{contact.name}</Text>
        <Text className='contact__phone'>{phone}</Text>
        {contact.hours && <Text className='contact__hours'>{contact.hours}</Text>}
      </View>
      <Text className='contact__call'>拨打</Text>
    </View>
  )
}
