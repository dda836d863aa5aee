import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { mediaUrl, notFoundError } from '@/api/client'
import { getStationPage, peekStationPage } from '@/api/stations'
import { useResource } from '@/api/use-resource'
import { DetailSection } from '@/components/detail-section'
import { NotFound } from '@/components/not-found'
import { PageRoot } from '@/components/page-root'
import { PageState } from '@/components/page-state'
import { SampleTag } from '@/components/sample-tag'
import { hoursTable, isSummerCampaignOn, openState, summerCampaignDates } from '@/domain/station-hours'
import { AMENITY_LABELS, STATION_TYPE_LABELS, type Station, type StationPage } from '@/domain/stations'
import { callHotline } from '@/navigation'
import { routes } from '@/routes'
import { OpenStateLabel } from '../components/open-state'
import { NavigateLink, SampleLocationTag } from '../components/station-card'
import { useStationEntry } from './use-station-entry'
import './index.scss'

const NOT_FOUND = '未找到该服务站点'

/** 导航 in WeChat: its own map with the stored GCJ-02 point. */
function WeChatNavigate({ station }: { station: Station }) {
  const open = () => {
    Taro.openLocation({
      latitude: station.latitude,
      longitude: station.longitude,
      name: station.name,
      address: station.address,
      scale: 16
    }).catch(() => {
      // Cancelled, or no map on this device: the address stays on screen.
    })
  }
  return (
    <View className='station-navigate station-page__navigate' role='button' onClick={open}>
      <Text>导航</Text>
    </View>
  )
}

/**
 * 导航: WeChat's map, or in a browser a 高德 route. A constant condition, not an early return, so webpack drops the
 * WeChat branch from the H5 build and with it Taro's open-API wrapper from the shared vendor chunk.
 */
function Navigate({ station }: { station: Station }) {
  return process.env.TARO_ENV === 'weapp' ? <WeChatNavigate station={station} /> : <NavigateLink station={station} />
}

function HoursTable({ station, page, now }: { station: Station; page: StationPage; now: Date }) {
  const table = hoursTable(station.hours, page.holidays, now)
  return (
    <View className='hours' aria-label='开放时间'>
      {table.rows.map((row) => (
        <View key={row.label} className={`hours__row${row.today ? ' hours__row--today' : ''}`} aria-current={row.today ? 'date' : undefined}>
          <Text className='hours__day'>
            {row.label}
            {row.today ? `（${row.todayMark ?? '今天'}）` : ''}
          </Text>
          <Text className='hours__time'>{row.text}</Text>
        </View>
      ))}
      {table.todayNote && <Text className='hours__note hours__note--today'>{table.todayNote}</Text>}
      {station.hours.note && <Text className='hours__note'>{station.hours.note}</Text>}
    </View>
  )
}

function StationView({ page }: { page: StationPage }) {
  const { station, summerCampaign } = page
  const now = new Date()
  const open = openState(station, page.holidays, now)
  const cover = mediaUrl(station.photos[0] ?? station.cover, 750)
  const summer = summerCampaign && station.summerOffer && isSummerCampaignOn(summerCampaign, now) ? summerCampaign : undefined
  return (
    <View className='station-page'>
      {cover && <Image className='station-page__cover' src={cover} mode='aspectFill' lazyLoad />}

      <View className='station-page__head'>
        <View className='station-page__name-row'>
          <Text className='station-page__name'>{station.name}</Text>
          {station.sample && <SampleTag note={station.sampleNote} />}
        </View>
        <View className='station-page__meta'>
          <Text className='station-type'>{STATION_TYPE_LABELS[station.type]}</Text>
          <Text className='station-page__town'>{station.town}</Text>
        </View>
        {station.sample && station.sampleNote && <Text className='station-page__sample-note'>示例说明：{station.sampleNote}</Text>}
      </View>

      {station.closedReason && (
        <View className='station-page__suspended' role='alert'>
          <Text className='station-page__suspended-title'>暂停开放</Text>
          <Text className='station-page__suspended-reason'>{station.closedReason}</Text>
        </View>
      )}

      <View className='station-page__card'>
        <Text className='station-page__label'>地址</Text>
        <View className='station-page__address-row'>
          <Text className='station-page__address'>{station.address}</Text>
          <View className='station-page__navigate-group'>
            {station.sample && <SampleLocationTag />}
            <Navigate station={station} />
          </View>
        </View>
      </View>

      {summer && (
        <View className='summer' aria-label='夏送清凉'>
          <View className='summer__head'>
            <Text className='summer__title'>夏送清凉</Text>
            {summer.sample && <SampleTag note='活动时间为示例' />}
          </View>
          <Text className='summer__offer'>{station.summerOffer}</Text>
          <Text className='summer__dates'>活动时间：{summerCampaignDates(summer)}</Text>
        </View>
      )}

      <DetailSection title='开放时间'>
        <View className='station-page__today'>
          <Text className='station-page__today-label'>现在</Text>
          <OpenStateLabel open={open} closedReason={station.closedReason} />
        </View>
        <HoursTable station={station} page={page} now={now} />
      </DetailSection>

      {station.amenities.length > 0 && (
        <DetailSection title='服务设施'>
          <View className='station-page__amenities'>
            {station.amenities.map((amenity) => (
              <Text key={amenity} className='amenity'>
                {AMENITY_LABELS[amenity]}
              </Text>
            ))}
          </View>
        </DetailSection>
      )}

      {station.phone && (
        <DetailSection title='联系电话'>
          <View className='station-page__phone-row' role='button' aria-label={`拨打 ${station.phone}`} onClick={() => callHotline(station.phone!)}>
            <Text className='station-page__phone'>{station.phone}</Text>
            <Text className='station-page__call'>拨打</Text>
          </View>
        </DetailSection>
      )}

      {station.description && (
        <DetailSection title='站点介绍'>
          <Text className='station-page__description'>{station.description}</Text>
        </DetailSection>
      )}
    </View>
  )
}

export default function StationPageView() {
  const router = useRouter()
  const { entry, serial } = useStationEntry(router.params)
  const code = entry.kind === 'code' ? entry.code : undefined

  // A malformed code asks nothing of the server: it is 「未找到」 at once. `serial` reloads on a new opening.
  const { state, reload } = useResource(
    () => (code ? getStationPage(code) : Promise.reject(notFoundError(NOT_FOUND))),
    [code, serial],
    () => (code ? peekStationPage(code) : undefined)
  )

  useShareAppMessage(() => ({
    title: state.status === 'ready' ? `${state.data.station.name} · 密云工会` : '密云工会 · 服务阵地',
    path: code ? routes.station(code) : routes.stations()
  }))

  // 400 (a code the server refuses) and 404 (no such station) both mean the poster leads nowhere; a network
  // failure does not, and gets the usual 重试.
  const notFound = state.status === 'error' && (state.error.status === 404 || state.error.status === 400)
  return (
    <PageRoot className='station-page-root'>
      {notFound ? (
        <NotFound
          title={NOT_FOUND}
          hint='二维码可能已失效，或站点已调整'
          actionText='查看全部服务站点'
          // A QR cold start has no page to go back to: this page is replaced by the directory.
          onAction={() => void Taro.redirectTo({ url: routes.stations() }).catch(() => undefined)}
        />
      ) : (
        <PageState state={state} onRetry={() => void reload()} what='服务站点'>
          {(page) => <StationView page={page} />}
        </PageState>
      )}
    </PageRoot>
  )
}
