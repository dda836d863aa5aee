import { Text } from '@tarojs/components'
import type { ServiceSlug } from '../../domain/types'
import './service-badge.scss'

/**
 * Each service's badge: one Chinese character on a coloured disc. Drawn from text, so it costs no image or
 * icon font in the main package and scales with 长辈模式 like all other type.
 */
const BADGES: Record<ServiceSlug, { character: string; colour: string }> = {
  'legal-aid': { character: '法', colour: 'legal' },
  'medical-mutual-aid': { character: '医', colour: 'medical' },
  'summer-cooling': { character: '凉', colour: 'cooling' },
  'hardship-help': { character: '帮', colour: 'hardship' },
  'women-classroom': { character: '女', colour: 'women' },
  'singles-events': { character: '联', colour: 'singles' },
  'health-classes': { character: '健', colour: 'health' }
}

export function ServiceBadge({ slug, name, large }: { slug: string; name: string; large?: boolean }) {
  // A service added later without a badge entry still gets one: its name's first character.
  const badge = BADGES[slug as ServiceSlug] ?? { character: name.slice(0, 1), colour: 'default' }
  return (
    <Text className={`service-badge service-badge--${badge.colour}${large ? ' service-badge--large' : ''}`} aria-hidden='true'>
      {badge.character}
    </Text>
  )
}
