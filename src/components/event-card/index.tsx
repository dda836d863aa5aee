import { Image, Text, View } from '@tarojs/components'
import { mediaUrl } from '@/api/client'
import { go } from '@/navigation'
import { SampleTag } from '../sample-tag'
import { PlainTag, StatusBadge, type BadgeTone } from '../status-badge'
import './index.scss'

interface EventCardProps {
  /** For tests and the e2e walk: competition-card, activity-card. */
  testId: string
  url: string
  cover?: string
  badge: { tone: BadgeTone; label: string }
  /** A competition's trade, an activity's kind. */
  tag: string
  sample: boolean
  sampleNote?: string
  title: string
  /** 「报名时间：…」, 「地点：…」 */
  lines: string[]
}

/** One competition or activity in a list: cover, status, tag, title and the key facts; a tap opens it. */
export function EventCard({ testId, url, cover, badge, tag, sample, sampleNote, title, lines }: EventCardProps) {
  const coverUrl = mediaUrl(cover)
  return (
    <View className='event-card' data-testid={testId} data-status={badge.tone} role='link' onClick={() => void go(url)}>
      {coverUrl && <Image className='event-card__cover' src={coverUrl} mode='aspectFill' />}
      <View className='event-card__body'>
        <View className='event-card__tags'>
          <StatusBadge tone={badge.tone} label={badge.label} />
          <PlainTag label={tag} />
          {sample && <SampleTag note={sampleNote} />}
        </View>
        <Text className='event-card__title'>{title}</Text>
        {lines.map((line) => (
          <Text className='event-card__line' key={line}>
            {line}
          </Text>
        ))}
      </View>
    </View>
  )
}
