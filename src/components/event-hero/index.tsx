import { Image, Text, View } from '@tarojs/components'
import { mediaUrl } from '@/api/client'
import { SampleTag } from '@/components/sample-tag'
import { PlainTag, StatusBadge, type BadgeTone } from '@/components/status-badge'
import './index.scss'

interface EventHeroProps {
  event: { title: string; summary: string; cover?: string | null; sample: boolean; sampleNote?: string }
  badge: { tone: BadgeTone; label: string }
  /** The activity's kind, the competition's trade. */
  tag: string
}

/** The top card of an activity or competition: cover, status and tags, title, the sample note, the summary. */
export function EventHero({ event, badge, tag }: EventHeroProps) {
  const cover = mediaUrl(event.cover)
  return (
    <View className='event-hero'>
      {cover && <Image className='event-hero__cover' src={cover} mode='aspectFill' />}
      <View className='event-hero__tags'>
        <StatusBadge tone={badge.tone} label={badge.label} />
        <PlainTag label={tag} />
        {event.sample && <SampleTag note={event.sampleNote} />}
      </View>
      <Text className='event-hero__title'>{event.title}</Text>
      {event.sample && event.sampleNote && <Text className='event-hero__sample-note'>示例说明：{event.sampleNote}</Text>}
      <Text className='event-hero__summary'>{event.summary}</Text>
    </View>
  )
}
