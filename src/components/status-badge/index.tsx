import { Text } from '@tarojs/components'
import './index.scss'

export type BadgeTone = 'upcoming' | 'signup' | 'ongoing' | 'ended' | 'cancelled'

/** An event's status (报名中, 已结束, 已取消 …) as a coloured badge. */
export function StatusBadge({ tone, label }: { tone: BadgeTone; label: string }) {
  return <Text className={`status-badge status-badge--${tone}`}>{label}</Text>
}

/** A quiet tag beside the status: a competition's trade, an activity's kind. */
export function PlainTag({ label }: { label: string }) {
  return <Text className='trade-tag'>{label}</Text>
}
