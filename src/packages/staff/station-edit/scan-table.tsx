/**
 * 扫码统计: how often the station's posters were scanned in the last 30 Beijing days, by how the scan arrived. Only
 * counts per day exist (no one who scanned is recorded), so this is all there is to show.
 */
import { Button, Text, View } from '@tarojs/components'
import { getStationScans } from '@/api/staff/stations'
import { PageState } from '@/components/page-state'
import { formatCalendarDate } from '@/domain/dates'
import { useStaffResource } from '../editor-kit/use-staff-resource'

export function ScanTable({ stationId }: { stationId: string }) {
  const resource = useStaffResource(() => getStationScans(stationId), [stationId])
  return (
    <View className='station-scans' role='group' aria-label='扫码统计'>
      <PageState state={resource.state} onRetry={() => void resource.reload()} what='扫码统计'>
        {(scans) => (
          <View>
            <View className='station-scans__head'>
              <Text className='station-scans__total'>近 30 天共 {scans.total} 次</Text>
              <Button className='station-scans__refresh' size='mini' onClick={() => void resource.reload()}>
                刷新
              </Button>
            </View>
            <View className='station-scans__table' role='table' aria-label='近 30 天扫码次数'>
              <View className='station-scans__row station-scans__row--head' role='row'>
                {['日期', '小程序码', '微信扫链接', '浏览器', '合计'].map((title, at) => (
                  <View key={title} className={`station-scans__cell${at === 0 ? ' station-scans__cell--date' : ''}`} role='columnheader'>
                    <Text>{title}</Text>
                  </View>
                ))}
              </View>
              {scans.days.map((day) => {
                const total = day.wxacode + day.wechatLink + day.browser
                const cells = [formatCalendarDate(day.date, { withYear: false }), day.wxacode, day.wechatLink, day.browser, total]
                return (
                  <View key={day.date} className={`station-scans__row${total === 0 ? ' station-scans__row--none' : ''}`} role='row' aria-label={day.date}>
                    {cells.map((value, at) => (
                      <View
                        key={at}
                        className={`station-scans__cell${at === 0 ? ' station-scans__cell--date' : at === cells.length - 1 ? ' station-scans__cell--total' : ''}`}
                        role='cell'
                      >
                        <Text>{value}</Text>
                      </View>
                    ))}
                  </View>
                )
              })}
            </View>
            <Text className='station-scans__hint'>「微信扫链接」是用微信扫海报上的二维码，「浏览器」是用手机相机或其他应用扫码。</Text>
          </View>
        )}
      </PageState>
    </View>
  )
}
