import { Text } from '@tarojs/components'
import { FALLBACK_BADGE_COLOR, SERVICE_BADGES, type Badge, type ServiceSlug } from '@/domain/services'
import './index.scss'

/** A service's badge; one added later without an entry still gets one: its name's first character. */
export function ServiceBadge({ slug, name, large }: { slug: string; name: string; large?: boolean }) {
  const badge = SERVICE_BADGES[slug as ServiceSlug] ?? { character: name.slice(0, 1), color: FALLBACK_BADGE_COLOR }
  return <BadgeDisc badge={badge} large={large} />
}

export function BadgeDisc({ badge, large, className }: { badge: Badge; large?: boolean; className?: string }) {
  return (
    <Text
      className={`service-badge${large ? ' service-badge--large' : ''}${className ? ` ${className}` : ''}`}
      style={{ backgroundColor: badge.color }}
      aria-hidden='true'
    >
      {badge.character}
    </Text>
  )
}
