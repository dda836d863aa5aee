import { Text, View } from '@tarojs/components'
import { memo } from 'react'
import { SampleTag } from '@/components/sample-tag'
import { amapNavigationUrl, formatDistance, type ArrangedStation } from '@/domain/station-geo'
import { AMENITY_LABELS, STATION_TYPE_LABELS, type StationSummary } from '@/domain/stations'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { OpenStateLabel } from './open-state'
import './stations.scss'

/** A card names a few amenities; the station page lists them all. */
const AMENITIES_ON_CARD = 4

/**
 * A sample station's coordinates are made up, and so are its distance and where 导航 leads: said next to them, not
 * only by the 「示例」 beside the name.
 */
export function SampleLocationTag() {
  return <Text className='sample-location'>示例位置</Text>
}

/**
 * The browser's own link to a 高德 route to the station: a phone browser opens it (or the 高德 app), which is what
 * 导航 can do where there is no openLocation. Its tap must not also open the station page underneath.
 */
export function NavigateLink({ station }: { station: StationSummary }) {
  return (
    <a className='station-navigate' href={amapNavigationUrl(station)} target='_blank' rel='noopener noreferrer' onClick={(event) => event.stopPropagation()}>
      导航
    </a>
  )
}

function StationCardView({ item }: { item: ArrangedStation<StationSummary> }) {
  const { station, distance, open } = item
  const shown = station.amenities.slice(0, AMENITIES_ON_CARD)
  const more = station.amenities.length - shown.length
  return (
    <View className='station-card' data-testid='station-card' data-code={station.code} role='link' onClick={() => void go(routes.station(station.code))}>
      <View className='station-card__head'>
        <Text className='station-card__name'>{station.name}</Text>
        {station.sample && <SampleTag note={station.sampleNote} />}
      </View>
      <View className='station-card__meta'>
        <Text className='station-type'>{STATION_TYPE_LABELS[station.type]}</Text>
        <Text className='station-card__where'>
          {station.town}
          {distance !== undefined ? ` · ${formatDistance(distance)}` : ''}
        </Text>
        {station.sample && distance !== undefined && <SampleLocationTag />}
      </View>
      <OpenStateLabel open={open} closedReason={station.closedReason} />
      {shown.length > 0 && (
        <View className='station-card__amenities' aria-label='服务设施'>
          {shown.map((amenity) => (
            <Text key={amenity} className='amenity'>
              {AMENITY_LABELS[amenity]}
            </Text>
          ))}
          {more > 0 && <Text className='amenity amenity--more'>等{station.amenities.length}项</Text>}
        </View>
      )}
      {process.env.TARO_ENV === 'h5' && (
        <View className='station-card__actions'>
          {/* Once, next to the distance or else next to 导航. */}
          {station.sample && distance === undefined && <SampleLocationTag />}
          <NavigateLink station={station} />
        </View>
      )}
    </View>
  )
}

/** Memoised: showing the next 20 must not re-render the cards already on screen. */
export const StationCard = memo(StationCardView)
