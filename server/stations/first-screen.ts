/**
 * A station's page as its first screen (server/core/http/first-screen.ts): what a worker scanning a poster sees before
 * the app's JS has arrived. It draws src/packages/stations/station/index.tsx's StationView — the same markup, from the
 * same API answer and the same domain rules — and tests/app/first-screen.test.tsx holds the two together.
 */
import type { FastifyInstance } from 'fastify'
import {
  AMENITY_LABELS,
  STATION_PAGE_PATH,
  STATION_TYPE_LABELS,
  amapNavigationUrl,
  hoursTable,
  isStationCode,
  isSummerCampaignOn,
  mediaPath,
  openState,
  openStateText,
  summerCampaignDates,
  type StationPage
} from '@/domain'
import { apiAnswer } from '../core/http/api-answer'
import { detailSection, pageFrame, sampleTag } from '../core/http/app-markup'
import type { FirstScreen } from '../core/http/first-screen'
import { element, fragment, image, text, view, type Markup } from '../core/http/taro-markup'

export function stationPageMarkup(page: StationPage, now: Date): Markup {
  const { station, summerCampaign } = page
  const open = openState(station, page.holidays, now)
  const cover = station.photos[0] ?? station.cover
  const summer = summerCampaign && station.summerOffer && isSummerCampaignOn(summerCampaign, now) ? summerCampaign : undefined
  const table = hoursTable(station.hours, page.holidays, now)
  return pageFrame(
    'station-page-root',
    view('station-page', [
      cover ? image('station-page__cover', mediaPath(cover, 750)) : undefined,
      view('station-page__head', [
        view('station-page__name-row', [text('station-page__name', station.name), station.sample && sampleTag(station.sampleNote)]),
        view('station-page__meta', [text('station-type', STATION_TYPE_LABELS[station.type]), text('station-page__town', station.town)]),
        station.sample && station.sampleNote ? text('station-page__sample-note', `示例说明：${station.sampleNote}`) : undefined
      ]),
      station.closedReason
        ? view('station-page__suspended', [text('station-page__suspended-title', '暂停开放'), text('station-page__suspended-reason', station.closedReason)], {
            role: 'alert'
          })
        : undefined,
      view('station-page__card', [
        text('station-page__label', '地址'),
        view('station-page__address-row', [
          text('station-page__address', station.address),
          view('station-page__navigate-group', [
            station.sample && text('sample-location', '示例位置'),
            element('a', { class: 'station-navigate', href: amapNavigationUrl(station), target: '_blank', rel: 'noopener noreferrer' }, [{ html: '导航' }])
          ])
        ])
      ]),
      summer
        ? view(
            'summer',
            [
              view('summer__head', [text('summer__title', '夏送清凉'), summer.sample && sampleTag('活动时间为示例')]),
              text('summer__offer', station.summerOffer ?? ''),
              text('summer__dates', `活动时间：${summerCampaignDates(summer)}`)
            ],
            { 'aria-label': '夏送清凉' }
          )
        : undefined,
      detailSection('开放时间', [
        view('station-page__today', [
          text('station-page__today-label', '现在'),
          text(`open-state open-state--${open.status}`, openStateText(open, station.closedReason), { 'data-status': open.status })
        ]),
        view(
          'hours',
          [
            ...table.rows.map((row) =>
              view(
                `hours__row${row.today ? ' hours__row--today' : ''}`,
                [text('hours__day', `${row.label}${row.today ? `（${row.todayMark ?? '今天'}）` : ''}`), text('hours__time', row.text)],
                { 'aria-current': row.today ? 'date' : undefined }
              )
            ),
            table.todayNote ? text('hours__note hours__note--today', table.todayNote) : undefined,
            station.hours.note ? text('hours__note', station.hours.note) : undefined
          ],
          { 'aria-label': '开放时间' }
        )
      ]),
      station.amenities.length > 0
        ? detailSection('服务设施', [
            view(
              'station-page__amenities',
              station.amenities.map((amenity) => text('amenity', AMENITY_LABELS[amenity]))
            )
          ])
        : undefined,
      station.phone
        ? detailSection('联系电话', [
            view('station-page__phone-row', [text('station-page__phone', station.phone), text('station-page__call', '拨打')], {
              role: 'button',
              'aria-label': `拨打 ${station.phone}`
            })
          ])
        : undefined,
      station.description ? detailSection('站点介绍', [text('station-page__description', station.description)]) : undefined
    ])
  )
}

/** The station page's first screen, or undefined when there is no such station (the app then says 未找到). */
export async function stationFirstScreen(app: FastifyInstance, code: string, appPath?: string): Promise<FirstScreen | undefined> {
  if (!isStationCode(code)) return undefined
  const answer = await apiAnswer(app, `/api/stations/${code}`)
  if (!answer) return undefined
  const page = JSON.parse(answer.body) as StationPage
  return {
    page: STATION_PAGE_PATH,
    title: `${page.station.name} · 密云工会`,
    markup: fragment([stationPageMarkup(page, app.now())]),
    answers: [answer],
    appPath
  }
}
