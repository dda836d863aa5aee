import { Map } from '@tarojs/components'
import { useMemo } from 'react'
import type { ArrangedStation } from '@/domain/station-geo'
import type { StationSummary } from '@/domain/stations'
import { go } from '@/navigation'
import { routes } from '@/routes'
import markerIcon from './marker.png'

/** Roughly the middle of 密云区: where the map starts before include-points fits it to the stations. */
const MIYUN_CENTRE = { latitude: 40.3769, longitude: 116.8434 }

/**
 * What a marker's callout says: the name, 「（示例）」 for a sample station (its pin stands at a made-up place), and
 * whether it is open now.
 */
export function calloutText({ station, open }: ArrangedStation<StationSummary>): string {
  return `${station.name}${station.sample ? '（示例）' : ''}\n${open.label}`
}

/**
 * WeChat's map with a marker per station. A marker's tap shows its callout (name and whether it is open); a tap on
 * the callout opens the station. The worker's own position is WeChat's blue dot (show-location), drawn by WeChat
 * and never read by the app here.
 */
export function StationMap({ items }: { items: ArrangedStation<StationSummary>[] }) {
  const markers = useMemo(
    () =>
      items.map((item, index) => ({
        id: index,
        latitude: item.station.latitude,
        longitude: item.station.longitude,
        title: item.station.name,
        iconPath: markerIcon,
        width: 30,
        height: 40,
        callout: {
          content: calloutText(item),
          color: '#2B2523',
          fontSize: 14,
          anchorX: 0,
          anchorY: 0,
          borderRadius: 8,
          borderWidth: 1,
          borderColor: '#E8E2DE',
          bgColor: '#FFFFFF',
          padding: 8,
          display: 'BYCLICK' as const,
          textAlign: 'left' as const
        }
      })),
    [items]
  )
  const points = useMemo(() => items.map(({ station }) => ({ latitude: station.latitude, longitude: station.longitude })), [items])

  return (
    <Map
      id='stations-map'
      className='station-map'
      latitude={MIYUN_CENTRE.latitude}
      longitude={MIYUN_CENTRE.longitude}
      scale={11}
      markers={markers}
      includePoints={points}
      showLocation
      onError={() => {
        // The map failed to draw (no network for its tiles): WeChat shows its own blank map; nothing to add.
      }}
      onCalloutTap={(event) => {
        const item = items[Number(event.detail.markerId)]
        if (item) void go(routes.station(item.station.code))
      }}
    />
  )
}
