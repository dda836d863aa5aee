import { Text } from '@tarojs/components'
import type { ServiceSlug } from '@/domain/services'
import './index.scss'

export interface Badge {
  /** One Chinese character on a coloured disc: drawn from text, so no image or icon font to download. */
  character: string
  color: string
}

/** The one table of service badges: 首页's quick services and the 服务 pages draw the same ones. */
export const SERVICE_BADGES: Record<ServiceSlug, Badge> = {
  'legal-aid': { character: '法', color: '#C8161D' },
  'medical-mutual-aid': { character: '医', color: '#1F5FA8' },
  'summer-cooling': { character: '凉', color: '#0E8A8A' },
  'hardship-help': { character: '帮', color: '#B26A00' },
  'women-classroom': { character: '女', color: '#C2407A' },
  'singles-events': { character: '谊', color: '#7A4FB5' },
  'health-classes': { character: '健', color: '#2E7D32' }
}

export const STATIONS_BADGE: Badge = { character: '站', color: '#8A5A2B' }

const FALLBACK_COLOR = '#6B6461'

/** A service's badge; one added later without an entry still gets one: its name's first character. */
export function ServiceBadge({ slug, name, large }: { slug: string; name: string; large?: boolean }) {
  const badge = SERVICE_BADGES[slug as ServiceSlug] ?? { character: name.slice(0, 1), color: FALLBACK_COLOR }
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
